using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Scheduling;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Campaigns;

[NonParallelizable]
public sealed class CampaignSchedulerTests
{
    private TempDatabase database = null!;
    private IHost? host;

    [SetUp]
    public void SetUp() => database = new TempDatabase();

    [TearDown]
    public async Task TearDown()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        database.Dispose();
    }

    [Test]
    public async Task Scheduler_NowMode_PlacesEveryCallOnceAndEndsEachInOneState()
    {
        var carrier = new FakeCarrier()
            .Answer("acme-0002", FakeOutcome.NoAnswer)
            .Answer("acme-0003", FakeOutcome.Busy)
            .Answer("acme-0004", FakeOutcome.Failed);
        host = CampaignTestKit.BuildHost(database.Path, carrier);
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();
        var plan = FuturePlan(CampaignTestKit.Campaign(), 4);

        await scheduler.ScheduleAsync(plan, "campaign: acme", ScheduleMode.Now, CampaignTestKit.NoScenarioVersions, seed: 42);
        await scheduler.ScheduleAsync(plan, "campaign: acme", ScheduleMode.Now, CampaignTestKit.NoScenarioVersions, seed: 42);
        var status = await WaitForFinishAsync(scheduler, "acme");

        Assert.That(carrier.Placed.Order(), Is.EqualTo(new[] { "acme-0001", "acme-0002", "acme-0003", "acme-0004" }), "each call placed once, scheduling twice changed nothing");
        Assert.That(status.Calls.Select(c => c.State), Is.EqualTo(new[]
        {
            CampaignCallState.Completed, CampaignCallState.NoAnswer, CampaignCallState.Busy, CampaignCallState.Failed,
        }));
        Assert.That(status.ByAgent.Single().AgentId, Is.EqualTo("sarah"), "the agent comes from the scored call");
        Assert.That(status.Calls[0].Call.At, Is.EqualTo(plan.Calls[0].At), "planned times are kept for reports");
        var results = host.Services.GetRequiredService<IResultStore>();
        var stored = (await results.GetCallAsync("acme-0001"))!;
        Assert.That(stored.Score, Is.Not.Null, "completed calls are scored");
        Assert.That(stored.Call.PlannedFor, Is.EqualTo(plan.Calls[0].At), "the stored call keeps the time it was planned for: reports go by it");
        Assert.That(stored.Call.PlacedAt, Is.LessThan(plan.Calls[0].At), "placed at once (now mode), before its planned time");
        foreach (var call in status.Calls)
        {
            var finals = (await scheduler.Book.GetHistoryAsync(call.Call.CallId)).Count(e => IsFinal(e.Kind));
            Assert.That(finals, Is.EqualTo(1), call.Call.CallId);
        }
    }

    [Test]
    public async Task Scheduler_NoAnswerWithRetries_PlacesRetriesWithNewAttemptIdsThenRecordsTheFinalState()
    {
        var carrier = new FakeCarrier()
            .Answer("acme-0001", FakeOutcome.NoAnswer)
            .Answer("acme-0001-r1", FakeOutcome.NoAnswer)
            .Answer("acme-0002", FakeOutcome.Busy)
            .Answer("acme-0002-r1", FakeOutcome.Busy);
        host = CampaignTestKit.BuildHost(database.Path, carrier);
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();
        var retries = new CampaignRetries(new RetryRule(1, TimeSpan.FromMinutes(10)), new RetryRule(2, TimeSpan.FromMinutes(15)), RetryRule.None);

        await scheduler.ScheduleAsync(FuturePlan(CampaignTestKit.Campaign(retries: retries), 2), "campaign: acme", ScheduleMode.Now, CampaignTestKit.NoScenarioVersions);
        var status = await WaitForFinishAsync(scheduler, "acme");

        Assert.That(carrier.Placed.Order(), Is.EqualTo(new[] { "acme-0001", "acme-0001-r1", "acme-0001-r2", "acme-0002", "acme-0002-r1" }));
        Assert.That(status.Calls.Select(c => (c.State, c.Attempts, c.AttemptCallId, c.Reason)), Is.EqualTo(new[]
        {
            (CampaignCallState.Completed, 3, "acme-0001-r2", (string?)null),
            (CampaignCallState.Busy, 2, "acme-0002-r1", "no retry left"),
        }));
        var history = await scheduler.Book.GetHistoryAsync("acme-0001");
        Assert.That(history.Count(e => e.Kind == CampaignCallEventKind.RetryScheduled), Is.EqualTo(2));
    }

    [Test]
    public async Task Scheduler_CancelWhileACallIsInProgress_CancelsThePlannedCallsAndLetsTheRunningOneFinish()
    {
        var carrier = new FakeCarrier().Hold("acme-0001");

        // One call at a time, so the first call is the one in progress when the campaign is cancelled.
        host = CampaignTestKit.BuildHost(database.Path, carrier, maxConcurrentCalls: 1);
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();
        await scheduler.ScheduleAsync(FuturePlan(CampaignTestKit.Campaign(), 3), "campaign: acme", ScheduleMode.Now, CampaignTestKit.NoScenarioVersions);
        await CampaignTestKit.WaitUntilAsync(() => Task.FromResult(carrier.Placed.Contains("acme-0001")), "the first call to be placed");

        var cancelled = await scheduler.CancelAsync("acme");
        carrier.Release("acme-0001");
        var status = await WaitForFinishAsync(scheduler, "acme");

        Assert.That(cancelled, Is.EqualTo(new[] { "acme-0002", "acme-0003" }));
        Assert.That(carrier.Placed, Is.EqualTo(new[] { "acme-0001" }));
        Assert.That(status.Calls.Select(c => c.State), Is.EqualTo(new[] { CampaignCallState.Completed, CampaignCallState.Cancelled, CampaignCallState.Cancelled }));
    }

    [Test]
    public async Task Scheduler_HostStartedAfterCallTimesPassed_RunsLateCallsAndReplansOrSkipsPastPeriods()
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // A one-hour period that is not open now: three to four hours ahead of the current hour, every day.
        var startHour = (now.Hour + 3) % 24;
        var later = new ServicePeriod("later", Enum.GetValues<DayOfWeek>().ToHashSet(), new DailyWindow(TimeSpan.FromHours(startHour), TimeSpan.FromHours(startHour + 1)));
        var pastOccurrence = ServiceCalendar.Occurrence(CampaignTestKit.Campaign(periods: [later]).Sites[0], later, today.AddDays(-2))!;
        var campaign = CampaignTestKit.Campaign(periods: [CampaignTestKit.AllDay, later]);
        var ended = CampaignTestKit.Campaign("ended", periods: [later], to: today.AddDays(-1));
        var carrier = new FakeCarrier();
        host = CampaignTestKit.BuildHost(database.Path, carrier);
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();

        // Scheduled before the host starts, as if it had been down while these times passed.
        await scheduler.ScheduleAsync(
            CampaignTestKit.Plan(
                campaign,
                CampaignTestKit.Call("acme-late", now.AddHours(-2), now.AddHours(2)),
                CampaignTestKit.Call("acme-gone", pastOccurrence.Start.AddMinutes(10), pastOccurrence.End, period: "later")),
            "campaign: acme",
            ScheduleMode.OnTime,
            CampaignTestKit.NoScenarioVersions);
        await scheduler.ScheduleAsync(
            CampaignTestKit.Plan(ended, CampaignTestKit.Call("ended-gone", pastOccurrence.Start.AddMinutes(10), pastOccurrence.End, campaignId: "ended", period: "later")),
            "campaign: ended",
            ScheduleMode.OnTime,
            CampaignTestKit.NoScenarioVersions);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<ICampaignStore>();
        await CampaignTestKit.WaitUntilAsync(
            async () => (await store.GetCallsInStateAsync(CampaignCallState.Planned)).Count == 1 && (await store.GetCallsInStateAsync(CampaignCallState.Running)).Count == 0
                && (await store.GetCallAsync("acme-gone"))!.Call.At > now,
            "late runs, re-plans and skips");

        var late = await store.GetCallAsync("acme-late");
        var gone = await store.GetCallAsync("acme-gone");
        var skipped = await store.GetCallAsync("ended-gone");
        Assert.That(carrier.Placed, Is.EqualTo(new[] { "acme-late" }));
        Assert.That(late!.State, Is.EqualTo(CampaignCallState.Completed));
        Assert.That((await store.GetEventsAsync("acme-late")).Select(e => e.Kind), Does.Contain(CampaignCallEventKind.MisfiredRanLate));
        Assert.That(gone!.State, Is.EqualTo(CampaignCallState.Planned));
        Assert.That(gone.Call.At, Is.GreaterThan(now).And.LessThan(now.AddDays(1).AddHours(5)), "moved into the next occurrence of its period");
        Assert.That(gone.DueAt, Is.EqualTo(gone.Call.At));
        Assert.That((await store.GetEventsAsync("acme-gone")).Select(e => e.Kind), Does.Contain(CampaignCallEventKind.Replanned));
        Assert.That(skipped!.State, Is.EqualTo(CampaignCallState.Skipped));
        Assert.That(skipped.Reason, Does.Contain($"does not come round again before the campaign ends on {today.AddDays(-1):yyyy-MM-dd}"));
    }

    [Test]
    public async Task Scheduler_HostStoppedMidCall_RecordsTheInterruptionAndTheNextHostRetriesItWithoutLosingOrRepeatingCalls()
    {
        var placed = new ConcurrentQueue<string>();
        var first = new FakeCarrier(placed).Hold("acme-0002");
        var retries = new CampaignRetries(RetryRule.None, RetryRule.None, new RetryRule(1, TimeSpan.FromMinutes(5)));
        var plan = FuturePlan(CampaignTestKit.Campaign(retries: retries), 4);
        var firstHost = CampaignTestKit.BuildHost(database.Path, first, maxConcurrentCalls: 1);
        await firstHost.StartAsync();
        await firstHost.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(plan, "campaign: acme", ScheduleMode.Now, CampaignTestKit.NoScenarioVersions);
        var firstStore = firstHost.Services.GetRequiredService<ICampaignStore>();
        await CampaignTestKit.WaitUntilAsync(
            async () => placed.Contains("acme-0002") && (await firstStore.GetCallAsync("acme-0001"))!.State == CampaignCallState.Completed,
            "the first call to finish and the second to be in progress");

        // A stop that cannot wait (grace period 0) interrupts the call and records it, instead of leaving it running;
        // a real kill -9 is CampaignStopTests' business.
        await firstHost.StopAsync();
        Assert.That((await firstStore.GetCallAsync("acme-0002"))!.State, Is.EqualTo(CampaignCallState.Planned), "interrupted, then planned again by the failed-call rule");
        firstHost.Dispose();

        host = CampaignTestKit.BuildHost(database.Path, new FakeCarrier(placed), maxConcurrentCalls: 1);
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();
        var status = await WaitForFinishAsync(scheduler, "acme");

        Assert.That(placed, Is.Unique, "no attempt placed twice");
        Assert.That(placed.Order(), Is.EqualTo(new[] { "acme-0001", "acme-0002", "acme-0002-r1", "acme-0003", "acme-0004" }), "no call lost");
        Assert.That(status.Calls.Select(c => c.State), Is.All.EqualTo(CampaignCallState.Completed));
        var history = (await scheduler.Book.GetHistoryAsync("acme-0002")).Select(e => e.Kind);
        Assert.That(history, Is.EqualTo(new[]
        {
            CampaignCallEventKind.Planned, CampaignCallEventKind.Started, CampaignCallEventKind.Interrupted,
            CampaignCallEventKind.RetryScheduled, CampaignCallEventKind.Started, CampaignCallEventKind.Completed,
        }));
    }

    private static bool IsFinal(CampaignCallEventKind kind) => kind is CampaignCallEventKind.Completed or CampaignCallEventKind.NoAnswer
        or CampaignCallEventKind.Busy or CampaignCallEventKind.Failed or CampaignCallEventKind.Cancelled or CampaignCallEventKind.Skipped;

    /// <summary>Calls a day ahead, an hour apart (Now mode places them at once regardless).</summary>
    private static CampaignPlan FuturePlan(Campaign campaign, int calls)
    {
        var start = TimeProvider.System.GetUtcNow().AddDays(1);
        return CampaignTestKit.Plan(campaign, [.. Enumerable.Range(1, calls).Select(i =>
            CampaignTestKit.Call($"{campaign.Id}-{i:0000}", start.AddHours(i), start.AddHours(i + 1), campaign.Id))]);
    }

    private static async Task<CampaignStatus> WaitForFinishAsync(CampaignScheduler scheduler, string campaignId)
    {
        CampaignStatus? status = null;
        await CampaignTestKit.WaitUntilAsync(
            async () => (status = await scheduler.Book.GetStatusAsync(campaignId)) is { IsFinished: true },
            $"campaign {campaignId} to finish");
        return status!;
    }
}
