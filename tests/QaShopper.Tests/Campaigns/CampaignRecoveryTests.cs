using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaShopper.Scheduling;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Campaigns;

[NonParallelizable]
public sealed class CampaignRecoveryTests
{
    private TempDatabase database = null!;

    [SetUp]
    public void SetUp() => database = new TempDatabase();

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task Recovery_HostStoppedAfterTheCallWasStored_KeepsItsStatusWithoutPlacingItAgain()
    {
        // Far ahead and on time, so nothing fires while the test plays the part of a host that died mid-call.
        var at = TimeProvider.System.GetUtcNow().AddDays(2);
        var plan = CampaignTestKit.Plan(CampaignTestKit.Campaign(), CampaignTestKit.Call("acme-0001", at, at.AddHours(1)), CampaignTestKit.Call("acme-0002", at.AddMinutes(10), at.AddHours(1)));
        var carrier = new FakeCarrier();
        using (var first = CampaignTestKit.BuildHost(database.Path, carrier))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(plan, "campaign: acme", ScheduleMode.OnTime, CampaignTestKit.NoScenarioVersions);
            var store = first.Services.GetRequiredService<ICampaignStore>();
            await store.TryStartAsync("acme-0001", "acme-0001", at);
            await first.Services.GetRequiredService<IResultStore>().SaveCallAsync(
                SampleCalls.Call() with { CallId = "acme-0001", Status = CallStatus.NoAnswer, RecordingPath = null, Transcript = null },
                null);
            await first.StopAsync();
        }

        using var second = CampaignTestKit.BuildHost(database.Path, carrier);
        await second.StartAsync();
        var recovered = await second.Services.GetRequiredService<ICampaignStore>().GetCallAsync("acme-0001");
        var history = await second.Services.GetRequiredService<ICampaignStore>().GetEventsAsync("acme-0001");
        var untouched = await second.Services.GetRequiredService<ICampaignStore>().GetCallAsync("acme-0002");
        await second.StopAsync();

        Assert.That((recovered!.State, recovered.Reason), Is.EqualTo((CampaignCallState.NoAnswer, "no retry for this outcome")));
        Assert.That(history.Select(e => e.Kind), Does.Contain(CampaignCallEventKind.Recovered));
        Assert.That(untouched!.State, Is.EqualTo(CampaignCallState.Planned));
        Assert.That(carrier.Placed, Is.Empty);
    }

    [Test]
    public async Task Recovery_CallStillGoingAtTheCarrier_IsFollowedToItsEndNotDialledAgain()
    {
        var carrier = new FakeCarrier();
        await KilledDuringTheCallAsync(carrier);

        carrier.InFlight["acme-0001"] = true;
        using var second = CampaignTestKit.BuildHost(database.Path, carrier);
        await second.StartAsync();
        var store = second.Services.GetRequiredService<ICampaignStore>();
        CampaignCall? settled = null;
        for (var i = 0; i < 200 && settled?.State is not CampaignCallState.Completed; i++)
        {
            await Task.Delay(25);
            settled = await store.GetCallAsync("acme-0001");
        }

        var history = await store.GetEventsAsync("acme-0001");
        var stored = await second.Services.GetRequiredService<IResultStore>().GetCallAsync("acme-0001");
        await second.StopAsync();

        Assert.That(settled!.State, Is.EqualTo(CampaignCallState.Completed));
        Assert.That((settled.Attempts, settled.AttemptCallId), Is.EqualTo((1, "acme-0001")));
        Assert.That(carrier.Placed, Is.Empty, "not dialled again");
        Assert.That(carrier.Resumed, Is.EqualTo(new[] { "acme-0001" }));
        Assert.That(history.Select(e => e.Kind), Does.Contain(CampaignCallEventKind.Resumed).And.Not.Contain(CampaignCallEventKind.Interrupted));
        Assert.That(history.Count(e => e.Kind == CampaignCallEventKind.Started), Is.EqualTo(1));
        Assert.That(stored, Is.Not.Null);
    }

    [Test]
    public async Task Recovery_CallTheCarrierNoLongerHas_IsFailedAsInterruptedAndRetried()
    {
        var carrier = new FakeCarrier();
        await KilledDuringTheCallAsync(carrier);

        using var second = CampaignTestKit.BuildHost(database.Path, carrier);
        await second.StartAsync();
        var history = await second.Services.GetRequiredService<ICampaignStore>().GetEventsAsync("acme-0001");
        await second.StopAsync();

        Assert.That(history.Select(e => e.Kind), Does.Contain(CampaignCallEventKind.Interrupted).And.Not.Contain(CampaignCallEventKind.Resumed));
        Assert.That(carrier.Resumed, Is.Empty);
    }

    [Test]
    public void Options_OutOfRange_FailAtStartNamingTheSetting()
    {
        var options = new CampaignSchedulerOptions { MaxConcurrentCalls = 0, MisfireThreshold = TimeSpan.Zero, StopGracePeriod = TimeSpan.FromHours(2) };

        var result = new CampaignSchedulerOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Some.Contains("Scheduler:MaxConcurrentCalls is 0"));
        Assert.That(result.Failures, Has.Some.Contains("Scheduler:MisfireThreshold"));
        Assert.That(result.Failures, Has.Some.Contains("Scheduler:StopGracePeriod"));
    }

    [Test]
    public void Host_InvalidSchedulerSetting_RefusesToStart()
    {
        using var host = CampaignTestKit.BuildHost(database.Path, new FakeCarrier(), maxConcurrentCalls: 0);

        Assert.That(() => host.StartAsync(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Scheduler:MaxConcurrentCalls"));
    }

    [Test]
    public void ScheduleMode_Accelerated_CompressesTheGapsFromTheFirstCall()
    {
        var start = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var first = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var mode = ScheduleMode.Accelerated(60);

        var due = mode.DueAt(first.AddHours(2), first, 0, start);

        Assert.That(due, Is.EqualTo(start.AddMinutes(2)));
        Assert.That(mode.Scale(TimeSpan.FromMinutes(30)), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(ScheduleMode.Parse(mode.ToString()!), Is.EqualTo(mode));
        Assert.That(ScheduleMode.Parse("now"), Is.SameAs(ScheduleMode.Now));
        Assert.That(ScheduleMode.OnTime.EnforcesPeriods, Is.True);
    }

    /// <summary>Plays the part of a host killed while its one call was live at the carrier: started, never stored.</summary>
    private async Task KilledDuringTheCallAsync(FakeCarrier carrier)
    {
        var at = TimeProvider.System.GetUtcNow().AddDays(2);
        var plan = CampaignTestKit.Plan(CampaignTestKit.Campaign(), CampaignTestKit.Call("acme-0001", at, at.AddHours(1)));
        using var first = CampaignTestKit.BuildHost(database.Path, carrier);
        await first.StartAsync();
        await first.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(plan, "campaign: acme", ScheduleMode.OnTime, CampaignTestKit.NoScenarioVersions);
        await first.Services.GetRequiredService<ICampaignStore>().TryStartAsync("acme-0001", "acme-0001", at);
        await first.StopAsync();
    }
}
