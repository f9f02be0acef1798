using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Reports;

public sealed class AgentReportBuilderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Build_TwoAgents_GroupsAveragesAndCountsGrades()
    {
        var calls = new[]
        {
            Call("c1", "sarah", 90, Grade.Excellent, Monday, ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Failed)),
            Call("c2", "sarah", 75, Grade.Pass, Monday.AddDays(1), ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Passed)),
            Call("c3", "tom", 50, Grade.Fail, Monday, ("greeting", ItemOutcome.Failed), ("closing", ItemOutcome.Uncertain)),
        };

        var reports = AgentReportBuilder.Build(calls);

        Assert.That(reports.Select(r => r.Agent), Is.EqualTo(new[] { "sarah", "tom" }));
        var sarah = reports[0];
        Assert.That(sarah.Calls, Is.EqualTo(2));
        Assert.That(sarah.AverageScore, Is.EqualTo(82.5));
        Assert.That(sarah.GradeCounts[Grade.Excellent], Is.EqualTo(1));
        Assert.That(sarah.GradeCounts[Grade.Pass], Is.EqualTo(1));
        Assert.That(sarah.LastCalls.Select(c => c.CallId), Is.EqualTo(new[] { "c2", "c1" }), "newest first");
        Assert.That(sarah.Items[0].ItemId, Is.EqualTo("closing"), "weakest item first");
        Assert.That(sarah.Items[0].PassRate, Is.EqualTo(0.5));
        Assert.That(sarah.WeakestItems(3).Select(i => i.ItemId), Is.EqualTo(new[] { "closing" }), "items that never failed are not weak");
        var tom = reports[1];
        Assert.That(tom.NeedsReview, Is.EqualTo(1));
        Assert.That(tom.Items.Single(i => i.ItemId == "closing").PassRate, Is.Null, "uncertain outcomes are not counted as passes or fails");
    }

    [Test]
    public void Build_CallWithoutAgent_IsReportedAsUnidentified()
    {
        var reports = AgentReportBuilder.Build([Call("c1", null, 60, Grade.Pass, Monday)]);

        Assert.That(reports.Single().Agent, Is.EqualTo(AgentReportBuilder.Unidentified));
    }

    private static StoredCall Call(string id, string? agent, double score, Grade grade, DateTimeOffset at, params (string Id, ItemOutcome Outcome)[] items)
    {
        var results = items.Select(i => new ItemResult(i.Id, i.Outcome, 10, false, Evidence.Because("test"))).ToList();
        var callScore = new CallScore("s", "hash", agent, score, grade, items.Any(i => i.Outcome == ItemOutcome.Uncertain), results);
        var record = new CallRecord(id, "s", "hash", agent, "import", at, CallStatus.Completed, 5, 60, null, null, new Dictionary<string, string>());
        return new StoredCall(record, callScore, at);
    }
}
