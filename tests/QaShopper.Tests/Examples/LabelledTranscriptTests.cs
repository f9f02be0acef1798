using System.Text.Json;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Examples;

/// <summary>
/// The shipped example transcripts were labelled by hand from the format contract (examples/expected),
/// independently of the scorer: the scorer must agree with every label.
/// </summary>
public sealed class LabelledTranscriptTests
{
    private static readonly ChecklistScorer Scorer = new(new ScoringOptions(), new TemplatePhraseResolver());

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.EnumerateFiles(RepoPaths.Combine("examples", "expected"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileNameWithoutExtension(f)).SetName($"Score_LabelledExample_{Path.GetFileNameWithoutExtension(f)}"));

    [TestCaseSource(nameof(Cases))]
    public void Score_LabelledExample_MatchesHandLabels(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("examples", "expected", name + ".json")));
        var label = expected.RootElement;
        var scenarioId = label.GetProperty("scenario").GetString()!;
        var scenarioFile = RepoPaths.Combine("scenarios", scenarioId + ".yaml");
        var loaded = ScenarioParser.Parse(File.ReadAllText(scenarioFile), scenarioFile);
        Assert.That(loaded.Diagnostics, Is.Empty);
        var transcriptFile = RepoPaths.Combine("examples", "transcripts", name + ".json");
        var transcript = TranscriptJson.Parse(File.ReadAllText(transcriptFile), transcriptFile);

        var score = Scorer.Score(loaded.Scenario!, transcript);

        var actualItems = score.Items.ToDictionary(i => i.Id, i => OutcomeName(i.Outcome));
        var expectedItems = label.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var evidence = string.Join("\n", score.Items.Select(i => $"{i.Id}: {i.Outcome} {i.Evidence.Reason ?? i.Evidence.Text}"));
        Assert.Multiple(() =>
        {
            Assert.That(actualItems, Is.EqualTo(expectedItems), evidence);
            Assert.That(score.Score, Is.EqualTo(label.GetProperty("score").GetDouble()).Within(0.05), "score");
            Assert.That(score.Grade.ToString().ToLowerInvariant(), Is.EqualTo(label.GetProperty("grade").GetString()), "grade");
            Assert.That(score.NeedsReview, Is.EqualTo(label.GetProperty("needsReview").GetBoolean()), "needsReview");
            var agent = label.GetProperty("agent");
            Assert.That(score.Agent, Is.EqualTo(agent.ValueKind == JsonValueKind.Null ? null : agent.GetString()), "agent");
        });
    }

    private static string OutcomeName(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Passed => "passed",
        ItemOutcome.Failed => "failed",
        ItemOutcome.Uncertain => "uncertain",
        _ => "not_applicable",
    };
}
