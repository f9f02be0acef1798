using LiteDB;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>Reports file campaign calls under the time they were planned for (schema version 2), with the placing time kept.</summary>
public sealed class ReportTimeTests
{
    private static readonly DateTimeOffset Planned = SampleCalls.Monday.AddDays(-7);

    [Test]
    public async Task CampaignCallPlacedLate_IsReportedAndFilteredByItsPlannedTime_AndKeepsItsPlacingTime()
    {
        using var database = new TempDatabase();
        using var file = LiteDbFile.Open(database.Path, TimeProvider.System);
        file.Migrate();
        var store = new LiteDbResultStore(file, TimeProvider.System);
        await store.SaveCallAsync(SampleCalls.Call("late") with { PlannedFor = Planned }, SampleCalls.Score());
        await store.SaveCallAsync(SampleCalls.Call("unplanned"), SampleCalls.Score());

        var plannedWeek = new CallQuery(From: Planned.AddDays(-1), To: Planned.AddDays(6));
        var calls = await store.GetCallsAsync(plannedWeek);
        Assert.That(calls.Select(c => c.Call.CallId), Is.EqualTo(new[] { "late" }));
        Assert.That(calls[0].Call.PlacedAt, Is.EqualTo(SampleCalls.Monday), "the placing time is kept");
        Assert.That(calls[0].Call.PlannedFor, Is.EqualTo(Planned));

        var report = (await store.GetAgentReportsAsync(plannedWeek)).Single();
        Assert.That(report.Calls, Is.EqualTo(1));
        Assert.That(report.LastCalls.Single().ReportedAt, Is.EqualTo(Planned));
        Assert.That(SampleCalls.Deep(report), Is.EqualTo(SampleCalls.Deep(AgentReportBuilder.Build(calls).Single())));

        var days = await store.GetReportDaysAsync("li", DateOnly.FromDateTime(Planned.UtcDateTime), DateOnly.FromDateTime(SampleCalls.Monday.UtcDateTime));
        Assert.That(days.Select(d => (d.Day, d.Calls)), Is.EqualTo(new[] { (DateOnly.FromDateTime(Planned.UtcDateTime), 1), (DateOnly.FromDateTime(SampleCalls.Monday.UtcDateTime), 1) }));
        var team = await store.GetReportDaysAsync(null, DateOnly.FromDateTime(Planned.UtcDateTime), DateOnly.FromDateTime(SampleCalls.Monday.UtcDateTime));
        Assert.That(team.Sum(d => d.Calls), Is.EqualTo(2));

        var all = await store.GetAgentReportsAsync(new CallQuery());
        Assert.That(all.Select(r => r.Agent), Is.EqualTo(new[] { "li" }), "the team's buckets are never an agent of their own");
    }

    [Test]
    public async Task SchemaVersion1File_IsRefiledOnce_ReportsMatchTheBuilderAndTheTeamBucketsExist()
    {
        using var database = new TempDatabase();
        using (var file = LiteDbFile.Open(database.Path, TimeProvider.System))
        {
            file.Migrate();
            var store = new LiteDbResultStore(file, TimeProvider.System);
            await store.SaveCallAsync(SampleCalls.Call("a"), SampleCalls.Score());
            await store.SaveCallAsync(SampleCalls.Call("b", placedAt: SampleCalls.Monday.AddDays(3)), SampleCalls.Score(score: 50));
        }

        // As a version 1 build left it: no report times, buckets without the team's or points lost.
        using (var raw = new LiteDatabase(database.Path))
        {
            var calls = raw.GetCollection("calls");
            foreach (var call in calls.FindAll().ToList())
            {
                call.Remove("ReportTicks");
                calls.Update(call);
            }

            var days = raw.GetCollection("agent_days");
            days.DeleteMany(Query.EQ("Agent", "\u0002team"));
            var meta = raw.GetCollection("_meta");
            var schema = meta.FindById("schema");
            schema["SchemaVersion"] = 1;
            meta.Update(schema);
        }

        using (var file = LiteDbFile.Open(database.Path, TimeProvider.System))
        {
            Assert.That(file.Migrate(), Is.EqualTo(LiteDbFile.SchemaVersion));
            var store = new LiteDbResultStore(file, TimeProvider.System);
            var week = new CallQuery(From: SampleCalls.Monday.AddHours(-10), To: SampleCalls.Monday.AddDays(7));
            var reports = await store.GetAgentReportsAsync(week);
            Assert.That(SampleCalls.Deep(reports), Is.EqualTo(SampleCalls.Deep(AgentReportBuilder.Build(await store.GetCallsAsync(week)))));
            Assert.That(reports.Single().Items.Single(i => i.ItemId == "all-details").PointsLost, Is.GreaterThan(0));
            var team = await store.GetReportDaysAsync(null, DateOnly.FromDateTime(SampleCalls.Monday.UtcDateTime), DateOnly.FromDateTime(SampleCalls.Monday.UtcDateTime.AddDays(6)));
            Assert.That(team.Sum(d => d.Calls), Is.EqualTo(2));
        }
    }
}

public sealed class ScoredCallItemsTests
{
    [Test]
    public async Task ScoredCallItems_MatchTheStoredScores_UnscoredCallsLeftOut()
    {
        using var database = new TempDatabase();
        using var file = LiteDbFile.Open(database.Path, TimeProvider.System);
        file.Migrate();
        var store = new LiteDbResultStore(file, TimeProvider.System);
        await store.SaveCallAsync(SampleCalls.Call("scored"), SampleCalls.Score());
        await store.SaveCallAsync(SampleCalls.Call("unscored", placedAt: SampleCalls.Monday.AddHours(1)), null);
        await store.SaveCallAsync(SampleCalls.Call("other-scenario", scenarioId: "other", placedAt: SampleCalls.Monday.AddHours(2)), SampleCalls.Score());

        var items = await store.GetScoredCallItemsAsync(new CallQuery(From: SampleCalls.Monday.AddDays(-1), To: SampleCalls.Monday.AddDays(1), ScenarioId: "booking-change"));

        var expected = SampleCalls.Score();
        var one = items.Single();
        Assert.That((one.CallId, one.Agent, one.ReportedAt, one.Score, one.Grade), Is.EqualTo(("scored", "li", SampleCalls.Monday, expected.Score, expected.Grade)));
        Assert.That(one.Items.Select(i => (i.Id, i.Outcome, i.Weight, i.Critical)), Is.EqualTo(expected.Items.Select(i => (i.Id, i.Outcome, i.Weight, i.Critical))));
    }
}
