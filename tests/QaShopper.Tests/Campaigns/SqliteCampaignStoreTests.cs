using QaShopper.Core.Campaigns;
using QaShopper.Sqlite;
using QaShopper.Sqlite.Migrations;
using QaShopper.Tests.Sqlite;

namespace QaShopper.Tests.Campaigns;

public sealed class SqliteCampaignStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TempDatabase database = null!;
    private SqliteResultStore results = null!;
    private SqliteCampaignStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = new TempDatabase();
        results = SqliteResultStore.Open(database.Path, new TestClock(Now));
        await results.MigrateAsync();
        store = SqliteCampaignStore.Open(database.Path);
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task Migrate_VersionTwoDatabase_AddsCampaignTablesKeepingCalls()
    {
        using var old = new TempDatabase();
        var v2 = new SqliteResultStore(new SqliteStoreOptions { Path = old.Path }, new TestClock(), null, [.. SchemaMigrations.All.Take(2)]);
        await v2.MigrateAsync();
        await v2.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());

        var current = SqliteResultStore.Open(old.Path, new TestClock());
        await current.MigrateAsync();

        Assert.That(await current.GetSchemaVersionAsync(), Is.EqualTo(3));
        Assert.That(await current.GetCallAsync("call-1"), Is.Not.Null);
        Assert.That(old.Scalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('campaigns', 'campaign_calls', 'campaign_call_events')"), Is.EqualTo(3));
        var campaigns = SqliteCampaignStore.Open(old.Path);
        Assert.That(await campaigns.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SaveCampaign_Twice_KeepsTheFirstVersionAndEachCallsState()
    {
        await store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002")]);
        await store.TryStartAsync("acme-0001", "acme-0001", Now);

        var added = await store.SaveCampaignAsync(Scheduled() with { SourceText = "changed" }, [Due("acme-0001"), Due("acme-0003")]);

        Assert.That(added, Is.EqualTo(new[] { "acme-0003" }));
        var calls = await store.GetCallsAsync("acme");
        Assert.That(calls.Select(c => (c.Call.CallId, c.State)), Is.EqualTo(new[]
        {
            ("acme-0001", CampaignCallState.Running),
            ("acme-0002", CampaignCallState.Planned),
            ("acme-0003", CampaignCallState.Planned),
        }));
        Assert.That((await store.GetCampaignAsync("acme"))!.SourceText, Is.EqualTo("campaign: acme"));
    }

    [Test]
    public async Task GetCampaign_RoundTripsTheCampaignAsScheduled()
    {
        var campaign = CampaignTestKit.Campaign(retries: new CampaignRetries(new RetryRule(1, TimeSpan.FromMinutes(10)), RetryRule.None, RetryRule.None));
        await store.SaveCampaignAsync(Scheduled(campaign), [Due("acme-0001")]);

        var read = (await store.GetCampaignAsync("acme"))!;

        Assert.That(read.Campaign.Retries, Is.EqualTo(campaign.Retries));
        Assert.That(read.Campaign.Pacing, Is.EqualTo(campaign.Pacing));
        Assert.That(read.Campaign.Sites[0].TimeZone, Is.EqualTo(TimeZoneInfo.Utc));
        Assert.That(read.Campaign.Sites[0].Periods[0].Window, Is.EqualTo(CampaignTestKit.AllDay.Window));
        Assert.That(read.Campaign.Lines[0].Agents, Is.EqualTo(new[] { "sarah", "tom" }));
        Assert.That(read.Mode, Is.EqualTo("now"));
        Assert.That((await store.GetCallAsync("acme-0001"))!.Call, Is.EqualTo(Due("acme-0001").Call));
    }

    [Test]
    public async Task TryStart_SecondTimeForTheSameCall_IsRefused()
    {
        await store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);

        var first = await store.TryStartAsync("acme-0001", "acme-0001", Now);
        var second = await store.TryStartAsync("acme-0001", "acme-0001", Now);

        Assert.That((first, second), Is.EqualTo((true, false)));
        var call = await store.GetCallAsync("acme-0001");
        Assert.That((call!.State, call.Attempts, call.AttemptCallId), Is.EqualTo((CampaignCallState.Running, 1, "acme-0001")));
        var history = await store.GetEventsAsync("acme-0001");
        Assert.That(history.Select(e => e.Kind), Is.EqualTo(new[] { CampaignCallEventKind.Planned, CampaignCallEventKind.Started }));
    }

    [Test]
    public async Task Finish_ForAnAttemptThatIsNotTheRunningOne_IsRefused()
    {
        await store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);
        await store.TryStartAsync("acme-0001", "acme-0001", Now);
        await store.ScheduleRetryAsync("acme-0001", "acme-0001", Now.AddMinutes(10), "retry 1 of 1 after busy", Now);
        await store.TryStartAsync("acme-0001", "acme-0001-r1", Now.AddMinutes(10));

        var stale = await store.FinishAsync("acme-0001", "acme-0001", CampaignCallState.Failed, "late", Now.AddMinutes(11));
        var current = await store.FinishAsync("acme-0001", "acme-0001-r1", CampaignCallState.Completed, null, Now.AddMinutes(11));

        Assert.That((stale, current), Is.EqualTo((false, true)));
        var call = await store.GetCallAsync("acme-0001");
        Assert.That((call!.State, call.Attempts), Is.EqualTo((CampaignCallState.Completed, 2)));
        Assert.That((await store.GetEventsAsync("acme-0001")).Select(e => e.Kind), Is.EqualTo(new[]
        {
            CampaignCallEventKind.Planned, CampaignCallEventKind.Started, CampaignCallEventKind.RetryScheduled,
            CampaignCallEventKind.Started, CampaignCallEventKind.Completed,
        }));
    }

    [Test]
    public async Task CancelCampaign_CancelsPlannedCallsLeavesRunningOnesAndRefusesTheirRetries()
    {
        await store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002"), Due("acme-0003")]);
        await store.TryStartAsync("acme-0001", "acme-0001", Now);

        var cancelled = await store.CancelCampaignAsync("acme", "campaign cancelled", Now);
        var retried = await store.ScheduleRetryAsync("acme-0001", "acme-0001", Now.AddMinutes(5), "retry", Now);

        Assert.That(cancelled, Is.EqualTo(new[] { "acme-0002", "acme-0003" }));
        Assert.That(retried, Is.False);
        var states = (await store.GetCallsAsync("acme")).Select(c => c.State);
        Assert.That(states, Is.EqualTo(new[] { CampaignCallState.Running, CampaignCallState.Cancelled, CampaignCallState.Cancelled }));
        Assert.That(await store.TryStartAsync("acme-0002", "acme-0002", Now), Is.False);
    }

    [Test]
    public async Task Reschedule_MovesAPlannedCallAndRecordsWhy()
    {
        await store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);

        var moved = await store.RescheduleAsync("acme-0001", Now.AddDays(1), Now.AddDays(1).AddHours(2), new DateOnly(2026, 3, 3), Now.AddDays(1), "period closed", Now);

        var call = (await store.GetCallAsync("acme-0001"))!;
        Assert.That(moved, Is.True);
        Assert.That((call.Call.At, call.Call.LocalDate, call.DueAt, call.State), Is.EqualTo((Now.AddDays(1), new DateOnly(2026, 3, 3), Now.AddDays(1), CampaignCallState.Planned)));
        Assert.That((await store.GetEventsAsync("acme-0001"))[^1], Is.EqualTo(new CampaignCallEvent("acme-0001", Now, CampaignCallEventKind.Replanned, "period closed")));
    }

    [Test]
    public async Task Status_CountsByStateAndAgentAndListsAgentsUntestedThisWeek()
    {
        await store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002"), Due("acme-0003")]);
        await store.TryStartAsync("acme-0001", "acme-0001", Now);
        await results.SaveCallAsync(SampleCalls.Call() with { CallId = "acme-0001", AgentId = null }, SampleCalls.Score(agent: "sarah"));
        await store.FinishAsync("acme-0001", "acme-0001", CampaignCallState.Completed, null, Now);
        await store.FinishAsync("acme-0002", null, CampaignCallState.Skipped, "period gone", Now);

        var status = CampaignStatus.Build(CampaignTestKit.Campaign(from: new DateOnly(2026, 3, 2)), await store.GetCallsAsync("acme"), Now);

        Assert.That(status.ByState[CampaignCallState.Completed], Is.EqualTo(1));
        Assert.That(status.ByState[CampaignCallState.Skipped], Is.EqualTo(1));
        Assert.That(status.ByState[CampaignCallState.Planned], Is.EqualTo(1));
        Assert.That(status.ByPeriod.Single().ByState[CampaignCallState.Completed], Is.EqualTo(1));
        Assert.That(status.ByAgent.Single().AgentId, Is.EqualTo("sarah"));
        Assert.That(status.UntestedAgents, Is.EqualTo(new[] { "tom" }));
        Assert.That(status.WeekStart, Is.EqualTo(new DateOnly(2026, 3, 2)));
        Assert.That(status.IsFinished, Is.False);
        Assert.That(status.Calls.Select(c => c.Score), Is.EqualTo(new double?[] { 83.3, null, null }), "the completed attempt's score is read with the call");
    }

    private static ScheduledCampaign Scheduled(Campaign? campaign = null) =>
        new(campaign ?? CampaignTestKit.Campaign(), "campaign: acme", 42, Now, "now", new Dictionary<string, string>());

    private static PlannedCallDue Due(string callId) =>
        new(CampaignTestKit.Call(callId, Now.AddHours(1), Now.AddHours(3)), Now);
}
