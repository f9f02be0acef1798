using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>An override changes every report that counts the item, by the aggregates and by the calls alike.</summary>
public sealed class OverrideReportTests
{
    [Test]
    public async Task Override_FailedItemToPassed_ChangesTheAgentReportByAggregatesAndByCalls_KeepsTheAutomaticOutcome()
    {
        using var harness = LiteDbHarness.Create(new TestClock(SampleCalls.Monday.AddHours(1)));
        await harness.Results.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        var whole = new CallQuery(From: SampleCalls.Monday.AddDays(-40), To: SampleCalls.Monday.AddDays(40));
        var byCalls = new CallQuery(ScenarioId: "booking-change");
        var before = (await harness.Results.GetAgentReportsAsync(whole)).Single();
        Assert.That(before.Items.Single(i => i.ItemId == "all-details").Failed, Is.EqualTo(1));

        await harness.Results.SaveOverrideAsync(new ItemOverride("call-1", "all-details", ItemOutcome.Passed, "reviewer", "both details were asked", SampleCalls.Monday.AddDays(1)));

        foreach (var query in new[] { whole, byCalls, new CallQuery() })
        {
            var report = (await harness.Results.GetAgentReportsAsync(query)).Single();
            var item = report.Items.Single(i => i.ItemId == "all-details");
            Assert.That((item.Passed, item.Failed), Is.EqualTo((1, 0)), $"item counts for {query}");

            // greeting 2 + all-details 3 passed of 6 applicable (silence uncertain, upsell n/a): 100 × 6 ÷ 6.
            Assert.That(report.AverageScore, Is.EqualTo(100.0), $"average for {query}");
            Assert.That(report.GradeCounts[Grade.Excellent], Is.EqualTo(1), $"grades for {query}");
        }

        var listed = (await harness.Results.GetCallsAsync(new CallQuery(AgentId: "li"))).Single();
        Assert.That(listed.Score!.Score, Is.EqualTo(100.0));
        Assert.That(listed.AutomaticScore!.Items.Single(i => i.Id == "all-details").Outcome, Is.EqualTo(ItemOutcome.Failed), "the scorer's outcome is kept");
        Assert.That(listed.AutomaticScore.Score, Is.EqualTo(83.3));
    }

    [Test]
    public async Task Override_LatestPerItemWins_AndTheAggregatesAlwaysMatchTheReportBuiltFromTheCalls()
    {
        using var harness = LiteDbHarness.Create(new TestClock(SampleCalls.Monday.AddHours(1)));
        await harness.Results.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        await harness.Results.SaveCallAsync(SampleCalls.Call("call-2", placedAt: SampleCalls.Monday.AddHours(2)), SampleCalls.Score());

        await harness.Results.SaveOverrideAsync(new ItemOverride("call-1", "greeting", ItemOutcome.Failed, "a", "no company name", SampleCalls.Monday.AddDays(1)));
        var failed = (await harness.Results.GetAgentReportsAsync(new CallQuery())).Single();
        Assert.That(failed.Items.Single(i => i.ItemId == "greeting").Failed, Is.EqualTo(1));
        Assert.That(SampleCalls.Deep(failed), Is.EqualTo(SampleCalls.Deep(AgentReportBuilder.Build(await harness.Results.GetCallsAsync(new CallQuery())).Single())));

        await harness.Results.SaveOverrideAsync(new ItemOverride("call-1", "greeting", ItemOutcome.Passed, "b", "it was said", SampleCalls.Monday.AddDays(2)));
        var passed = (await harness.Results.GetAgentReportsAsync(new CallQuery())).Single();
        var greeting = passed.Items.Single(i => i.ItemId == "greeting");
        Assert.That((greeting.Passed, greeting.Failed), Is.EqualTo((2, 0)), "the later override wins");
        Assert.That(SampleCalls.Deep(passed), Is.EqualTo(SampleCalls.Deep(AgentReportBuilder.Build(await harness.Results.GetCallsAsync(new CallQuery())).Single())));
    }

    [Test]
    public void Override_ItemTheCallDoesNotHave_IsRefusedNamingIt()
    {
        using var harness = LiteDbHarness.Create(new TestClock(SampleCalls.Monday));
        harness.Results.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score()).GetAwaiter().GetResult();
        Assert.That(
            () => harness.Results.SaveOverrideAsync(new ItemOverride("call-1", "nope", ItemOutcome.Passed, "qa", "x", SampleCalls.Monday)),
            Throws.InvalidOperationException.With.Message.Contains("'nope'"));
    }
}
