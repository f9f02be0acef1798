using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Fuzzing;

/// <summary>The shipped files the mutations start from, read once: scenarios, the demo campaign and example transcripts.</summary>
internal sealed class FuzzCorpus
{
    private FuzzCorpus(
        IReadOnlyList<(string Name, string Text)> scenarioTexts,
        IReadOnlyList<(string Name, string Text)> campaignTexts,
        IReadOnlyList<(string Name, string Text)> transcriptTexts,
        string callCentreText,
        string settingsText)
    {
        CallCentreText = callCentreText;
        SettingsText = settingsText;
        ScenarioTexts = scenarioTexts;
        CampaignTexts = campaignTexts;
        TranscriptTexts = transcriptTexts;
        Scenarios = scenarioTexts
            .Select(s => ScenarioParser.Parse(s.Text, s.Name).Scenario ?? throw new InvalidOperationException($"shipped scenario {s.Name} is invalid"))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        ScenarioIds = [.. Scenarios.Keys];

        // Scoring every valid mutant against every example would dominate the run; three calls of different shapes suffice.
        Transcripts = transcriptTexts
            .Where(t => t.Name.Contains("perfect", StringComparison.Ordinal) || t.Name.Contains("unanswered", StringComparison.Ordinal))
            .Take(3)
            .ToDictionary(t => t.Name, t => TranscriptJson.Parse(t.Text, t.Name), StringComparer.Ordinal);
    }

    public IReadOnlyList<(string Name, string Text)> ScenarioTexts { get; }

    public IReadOnlyList<(string Name, string Text)> CampaignTexts { get; }

    public IReadOnlyList<(string Name, string Text)> TranscriptTexts { get; }

    /// <summary>The shipped simulated call centre, <c>scenarios/call-centre.yaml</c>.</summary>
    public string CallCentreText { get; }

    /// <summary>
    /// <c>appsettings.example.json</c> with its relative folders made absolute (the repository's scenarios and call
    /// centre, data under a temporary folder), so a mutant fails for its damage, not for the test's working folder.
    /// </summary>
    public string SettingsText { get; }

    public IReadOnlyDictionary<string, Scenario> Scenarios { get; }

    public IReadOnlyCollection<string> ScenarioIds { get; }

    public IReadOnlyDictionary<string, Transcript> Transcripts { get; }

    /// <summary>The first YAML block after "## A small campaign" in <c>docs/campaign-format.md</c>.</summary>
    public static string SmallCampaignOfTheDocs()
    {
        var doc = File.ReadAllText(RepoPaths.Combine("docs", "campaign-format.md"));
        var section = doc.IndexOf("## A small campaign", StringComparison.Ordinal);
        var start = doc.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        var end = doc.IndexOf("```", start, StringComparison.Ordinal);
        return doc[start..end];
    }

    public static FuzzCorpus Load()
    {
        static List<(string, string)> Read(string folder, string pattern, Func<string, bool>? keep = null) =>
            [.. Directory.GetFiles(RepoPaths.Combine(folder), pattern)
                .Where(f => keep?.Invoke(f) ?? true)
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];

        return new FuzzCorpus(
            Read("scenarios", "*.yaml", f => !f.EndsWith("call-centre.yaml", StringComparison.Ordinal)),
            [.. Read(Path.Combine("scenarios", "campaigns"), "*.yaml"), ("campaign-format.md#a-small-campaign", SmallCampaignOfTheDocs())],
            Read(Path.Combine("examples", "transcripts"), "*.json"),
            File.ReadAllText(RepoPaths.Combine("scenarios", "call-centre.yaml")),
            File.ReadAllText(RepoPaths.Combine("appsettings.example.json"))
                .Replace("\"scenarios/call-centre.yaml\"", $"\"{RepoPaths.Combine("scenarios", "call-centre.yaml")}\"", StringComparison.Ordinal)
                .Replace("\"scenarios\"", $"\"{RepoPaths.Combine("scenarios")}\"", StringComparison.Ordinal)
                .Replace("\"data/", $"\"{Path.Combine(Path.GetTempPath(), "qashopper-fuzz-settings")}/", StringComparison.Ordinal));
    }
}
