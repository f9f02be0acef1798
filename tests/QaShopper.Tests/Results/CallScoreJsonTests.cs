using System.Text.Json;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Results;

public sealed class CallScoreJsonTests
{
    private static CallScore Sample(string? agent = "sarah", double score = 85) => new(
        "branch-saturday-hours", "abc123", agent, score, Grade.Good, NeedsReview: false,
        [
            new ItemResult("greeting", ItemOutcome.Passed, 10, false, new Evidence
            {
                Speaker = Speaker.Agent, Start = 1.2, End = 3.9, Text = "thank you for calling acme bank", Similarity = 0.93,
            }),
            new ItemResult("closing", ItemOutcome.Failed, 10, false, Evidence.Because("no closing phrase in the last 20 s")),
            new ItemResult("verify", ItemOutcome.Uncertain, 5, false, new Evidence
            {
                Start = 2, End = 9, Matches = [new Evidence { Text = "您好", Confidence = 0.4 }],
            }),
            new ItemResult("other", ItemOutcome.NotApplicable, 5, false, Evidence.Because("call not answered")),
        ]);

    [Test]
    public void Serialize_TopLevel_HasExactlyTheContractKeys()
    {
        using var document = JsonDocument.Parse(CallScoreJson.Serialize(Sample()));
        var root = document.RootElement;

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "scenario", "agent", "score", "grade", "needsReview", "items" }));
        Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("branch-saturday-hours"));
        Assert.That(root.GetProperty("agent").GetString(), Is.EqualTo("sarah"));
        Assert.That(root.GetProperty("score").GetDouble(), Is.EqualTo(85.0));
        Assert.That(root.GetProperty("grade").GetString(), Is.EqualTo("good"));
        Assert.That(root.GetProperty("needsReview").GetBoolean(), Is.False);
    }

    [TestCase(85, "\"score\": 85.0")]
    [TestCase(33.3, "\"score\": 33.3")]
    [TestCase(0, "\"score\": 0.0")]
    [TestCase(100, "\"score\": 100.0")]
    public void Serialize_Score_AlwaysOneDecimal(double score, string expected) =>
        Assert.That(CallScoreJson.Serialize(Sample(score: score)), Does.Contain(expected));

    [Test]
    public void Serialize_UnknownAgent_WritesNull()
    {
        using var document = JsonDocument.Parse(CallScoreJson.Serialize(Sample(agent: null), indented: false));

        Assert.That(document.RootElement.GetProperty("agent").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Serialize_Items_OutcomeNamesAndOnlyNonNullEvidence()
    {
        using var document = JsonDocument.Parse(CallScoreJson.Serialize(Sample()));
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToArray();

        Assert.That(items.Select(i => i.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "passed", "failed", "uncertain", "not_applicable" }));
        Assert.That(items[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "outcome", "weight", "evidence" }));
        Assert.That(items[0].GetProperty("evidence").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "speaker", "start", "end", "text", "similarity" }));
        Assert.That(items[0].GetProperty("evidence").GetProperty("speaker").GetString(), Is.EqualTo("agent"));
        Assert.That(items[1].GetProperty("evidence").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "reason" }));
        Assert.That(items[2].GetProperty("evidence").GetProperty("matches")[0].GetProperty("confidence").GetDouble(), Is.EqualTo(0.4));
    }

    [Test]
    public void Serialize_ChineseText_Unescaped() =>
        Assert.That(CallScoreJson.Serialize(Sample()), Does.Contain("您好"));

    [Test]
    public void Deserialize_RoundTripsContractFields()
    {
        var original = Sample();

        var again = CallScoreJson.Deserialize(CallScoreJson.Serialize(original));

        Assert.That(again.ScenarioId, Is.EqualTo(original.ScenarioId));
        Assert.That(again.Agent, Is.EqualTo(original.Agent));
        Assert.That(again.Score, Is.EqualTo(original.Score));
        Assert.That(again.Grade, Is.EqualTo(original.Grade));
        Assert.That(again.Items.Select(i => i.Outcome), Is.EqualTo(original.Items.Select(i => i.Outcome)));
        Assert.That(again.Items[0].Evidence, Is.EqualTo(original.Items[0].Evidence));
        Assert.That(again.Items[2].Evidence.Matches![0], Is.EqualTo(original.Items[2].Evidence.Matches![0]));
        Assert.That(CallScoreJson.Serialize(again), Is.EqualTo(CallScoreJson.Serialize(original)));
    }
}
