using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Tests.Campaigns;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

/// <summary>What every <see cref="ICampaignStore"/> must do; derived once per adapter.</summary>
public abstract class CampaignStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IStoreHarness harness = null!;

    protected ICampaignStore Store => harness.Campaigns;

    protected IResultStore Results => harness.Results;

    [SetUp]
    public async Task SetUpStore() => harness = await CreateAsync(new TestClock(Now));

    [TearDown]
    public void TearDownStore() => harness.Dispose();

    /// <summary>A fresh, migrated store of the adapter under test.</summary>
    private protected abstract Task<IStoreHarness> CreateAsync(TimeProvider clock);

    [Test]
    public async Task SaveCampaign_Twice_KeepsTheFirstVersionAndEachCallsState()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002")]);
        await Store.TryStartAsync("acme-0001", "acme-0001", Now);

        var added = await Store.SaveCampaignAsync(Scheduled() with { SourceText = "changed" }, [Due("acme-0001"), Due("acme-0003")]);

        Assert.That(added, Is.EqualTo(new[] { "acme-0003" }));
        var calls = await Store.GetCallsAsync("acme");
        Assert.That(calls.Select(c => (c.Call.CallId, c.State)), Is.EqualTo(new[]
        {
            ("acme-0001", CampaignCallState.Running),
            ("acme-0002", CampaignCallState.Planned),
            ("acme-0003", CampaignCallState.Planned),
        }));
        Assert.That((await Store.GetCampaignAsync("acme"))!.SourceText, Is.EqualTo("campaign: acme"));
    }

    [Test]
    public async Task GetCampaign_RoundTripsTheCampaignAsScheduled()
    {
        var campaign = CampaignTestKit.Campaign(retries: new CampaignRetries(new RetryRule(1, TimeSpan.FromMinutes(10)), RetryRule.None, RetryRule.None));
        await Store.SaveCampaignAsync(Scheduled(campaign), [Due("acme-0001")]);

        var read = (await Store.GetCampaignAsync("acme"))!;

        Assert.That(read.Campaign.Retries, Is.EqualTo(campaign.Retries));
        Assert.That(read.Campaign.Pacing, Is.EqualTo(campaign.Pacing));
        Assert.That(read.Campaign.Sites[0].TimeZone, Is.EqualTo(TimeZoneInfo.Utc));
        Assert.That(read.Campaign.Sites[0].Periods[0].Window, Is.EqualTo(CampaignTestKit.AllDay.Window));
        Assert.That(read.Campaign.Lines[0].Agents, Is.EqualTo(new[] { "sarah", "tom" }));
        Assert.That((read.Mode, read.Seed, read.StartedAt), Is.EqualTo(("now", 42, Now)));
        Assert.That((await Store.GetCallAsync("acme-0001"))!.Call, Is.EqualTo(Due("acme-0001").Call));
    }

    [Test]
    public async Task GetCampaigns_NewestFirst()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);
        await Store.SaveCampaignAsync(Scheduled(CampaignTestKit.Campaign(id: "later")) with { StartedAt = Now.AddDays(1) }, [Due("later-0001", "later")]);

        var campaigns = await Store.GetCampaignsAsync();

        Assert.That(campaigns.Select(c => c.Campaign.Id), Is.EqualTo(new[] { "later", "acme" }));
    }

    [Test]
    public async Task TryStart_SecondTimeForTheSameCall_IsRefused()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);

        var first = await Store.TryStartAsync("acme-0001", "acme-0001", Now);
        var second = await Store.TryStartAsync("acme-0001", "acme-0001", Now);

        Assert.That((first, second), Is.EqualTo((true, false)));
        var call = await Store.GetCallAsync("acme-0001");
        Assert.That((call!.State, call.Attempts, call.AttemptCallId), Is.EqualTo((CampaignCallState.Running, 1, "acme-0001")));
        var history = await Store.GetEventsAsync("acme-0001");
        Assert.That(history.Select(e => e.Kind), Is.EqualTo(new[] { CampaignCallEventKind.Planned, CampaignCallEventKind.Started }));
    }

    [Test]
    public async Task TryStart_UnknownCall_IsRefused() =>
        Assert.That(await Store.TryStartAsync("ghost", "ghost", Now), Is.False);

    [Test]
    public async Task Finish_ForAnAttemptThatIsNotTheRunningOne_IsRefused()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);
        await Store.TryStartAsync("acme-0001", "acme-0001", Now);
        await Store.ScheduleRetryAsync("acme-0001", "acme-0001", Now.AddMinutes(10), "retry 1 of 1 after busy", Now);
        await Store.TryStartAsync("acme-0001", "acme-0001-r1", Now.AddMinutes(10));

        var stale = await Store.FinishAsync("acme-0001", "acme-0001", CampaignCallState.Failed, "late", Now.AddMinutes(11));
        var current = await Store.FinishAsync("acme-0001", "acme-0001-r1", CampaignCallState.Completed, null, Now.AddMinutes(11));

        Assert.That((stale, current), Is.EqualTo((false, true)));
        var call = await Store.GetCallAsync("acme-0001");
        Assert.That((call!.State, call.Attempts, call.DueAt), Is.EqualTo((CampaignCallState.Completed, 2, Now.AddMinutes(10))));
        Assert.That((await Store.GetEventsAsync("acme-0001")).Select(e => e.Kind), Is.EqualTo(new[]
        {
            CampaignCallEventKind.Planned, CampaignCallEventKind.Started, CampaignCallEventKind.RetryScheduled,
            CampaignCallEventKind.Started, CampaignCallEventKind.Completed,
        }));
    }

    [Test]
    public async Task Finish_WithoutAttempt_SkipsOnlyAPlannedCall()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002")]);
        await Store.TryStartAsync("acme-0002", "acme-0002", Now);

        var skipped = await Store.FinishAsync("acme-0001", null, CampaignCallState.Skipped, "period gone", Now);
        var running = await Store.FinishAsync("acme-0002", null, CampaignCallState.Skipped, "period gone", Now);

        Assert.That((skipped, running), Is.EqualTo((true, false)));
        var call = (await Store.GetCallAsync("acme-0001"))!;
        Assert.That((call.State, call.Reason), Is.EqualTo((CampaignCallState.Skipped, "period gone")));
        Assert.That(await Store.GetCallsInStateAsync(CampaignCallState.Running), Has.Count.EqualTo(1));
    }

    [Test]
    public void Finish_InANonFinalState_IsAnArgumentError() =>
        Assert.That(() => Store.FinishAsync("acme-0001", null, CampaignCallState.Running, null, Now), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public async Task CancelCampaign_CancelsPlannedCallsLeavesRunningOnesAndRefusesTheirRetries()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002"), Due("acme-0003")]);
        await Store.TryStartAsync("acme-0001", "acme-0001", Now);

        var cancelled = await Store.CancelCampaignAsync("acme", "campaign cancelled", Now);
        var retried = await Store.ScheduleRetryAsync("acme-0001", "acme-0001", Now.AddMinutes(5), "retry", Now);

        Assert.That(cancelled, Is.EqualTo(new[] { "acme-0002", "acme-0003" }));
        Assert.That(retried, Is.False);
        var states = (await Store.GetCallsAsync("acme")).Select(c => c.State);
        Assert.That(states, Is.EqualTo(new[] { CampaignCallState.Running, CampaignCallState.Cancelled, CampaignCallState.Cancelled }));
        Assert.That(await Store.TryStartAsync("acme-0002", "acme-0002", Now), Is.False);
        Assert.That((await Store.GetEventsAsync("acme-0002"))[^1].Kind, Is.EqualTo(CampaignCallEventKind.Cancelled));
    }

    [Test]
    public async Task Reschedule_MovesAPlannedCallAndRecordsWhy()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);

        var moved = await Store.RescheduleAsync("acme-0001", Now.AddDays(1), Now.AddDays(1).AddHours(2), new DateOnly(2026, 3, 3), Now.AddDays(1), "period closed", Now);

        var call = (await Store.GetCallAsync("acme-0001"))!;
        Assert.That(moved, Is.True);
        Assert.That((call.Call.At, call.Call.WindowEnd, call.Call.LocalDate, call.DueAt, call.State), Is.EqualTo((Now.AddDays(1), Now.AddDays(1).AddHours(2), new DateOnly(2026, 3, 3), Now.AddDays(1), CampaignCallState.Planned)));
        Assert.That((await Store.GetEventsAsync("acme-0001"))[^1], Is.EqualTo(new CampaignCallEvent("acme-0001", Now, CampaignCallEventKind.Replanned, "period closed")));
    }

    [Test]
    public async Task AddEvent_AppendsWithoutChangingState()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);

        await Store.AddEventAsync("acme-0001", CampaignCallEventKind.MisfiredRanLate, "3 min late", Now.AddMinutes(3));

        Assert.That((await Store.GetEventsAsync("acme-0001"))[^1], Is.EqualTo(new CampaignCallEvent("acme-0001", Now.AddMinutes(3), CampaignCallEventKind.MisfiredRanLate, "3 min late")));
        Assert.That((await Store.GetCallAsync("acme-0001"))!.State, Is.EqualTo(CampaignCallState.Planned));
    }

    [Test]
    public async Task Status_CountsByStateAndAgentAndListsAgentsUntestedThisWeek()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001"), Due("acme-0002"), Due("acme-0003")]);
        await Store.TryStartAsync("acme-0001", "acme-0001", Now);
        await Results.SaveCallAsync(SampleCalls.Call() with { CallId = "acme-0001", AgentId = null }, SampleCalls.Score(agent: "sarah"));
        await Store.FinishAsync("acme-0001", "acme-0001", CampaignCallState.Completed, null, Now);
        await Store.FinishAsync("acme-0002", null, CampaignCallState.Skipped, "period gone", Now);

        var status = CampaignStatus.Build(CampaignTestKit.Campaign(from: new DateOnly(2026, 3, 2)), await Store.GetCallsAsync("acme"), Now);

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

    [Test]
    public async Task GetCall_UnscoredAttempt_TakesTheAgentFromTheStoredCall()
    {
        await Store.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]);
        await Store.TryStartAsync("acme-0001", "acme-0001", Now);
        await Results.SaveCallAsync(SampleCalls.Call("acme-0001", agentId: "tom", status: Core.Results.CallStatus.NoAnswer), null);

        var call = (await Store.GetCallAsync("acme-0001"))!;

        Assert.That((call.AgentId, call.Score), Is.EqualTo(("tom", (double?)null)));
    }

    protected static ScheduledCampaign Scheduled(Campaign? campaign = null) =>
        new(campaign ?? CampaignTestKit.Campaign(), "campaign: acme", 42, Now, "now", new Dictionary<string, string>());

    protected static PlannedCallDue Due(string callId, string campaignId = "acme") =>
        new(CampaignTestKit.Call(callId, Now.AddHours(1), Now.AddHours(3), campaignId), Now);
}
