using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Scheduling;
using QaShopper.Tests.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Campaigns;

/// <summary>
/// How a host stops (no new call after the stop, calls in progress finished or recorded, never left on a closed store),
/// which campaigns a host runs, and which scenario version a campaign's calls follow.
/// </summary>
[NonParallelizable]
public sealed class SchedulerStopAndScopeTests
{
    private TempDatabase database = null!;

    [SetUp]
    public void SetUp() => database = new TempDatabase();

    [TearDown]
    public void TearDown() => database.Dispose();

    private static CampaignPlan FuturePlan(string campaignId, int calls)
    {
        var start = TimeProvider.System.GetUtcNow().AddDays(1);
        return CampaignTestKit.Plan(CampaignTestKit.Campaign(campaignId), [.. Enumerable.Range(1, calls).Select(i =>
            CampaignTestKit.Call($"{campaignId}-{i:0000}", start.AddHours(i), start.AddHours(i + 1), campaignId))]);
    }

    /// <summary>A host running campaign acme's calls one at a time, its first call in progress and held.</summary>
    private async Task<IHost> StartWithFirstCallHeldAsync(FakeCarrier carrier, int calls, string stopGracePeriod)
    {
        var host = CampaignTestKit.BuildHost(database.Path, carrier, maxConcurrentCalls: 1, stopGracePeriod: stopGracePeriod);
        await host.StartAsync();
        await host.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(FuturePlan("acme", calls), "campaign: acme", ScheduleMode.Now, CampaignTestKit.NoScenarioVersions);
        await CampaignTestKit.WaitUntilAsync(() => Task.FromResult(carrier.Placed.Contains("acme-0001")), "the first call to be placed");
        return host;
    }

    [Test]
    public async Task Stop_CallInProgressWithinTheGracePeriod_FinishesAndNoOtherCallStarts()
    {
        var carrier = new FakeCarrier().Hold("acme-0001");
        using var host = await StartWithFirstCallHeldAsync(carrier, calls: 4, stopGracePeriod: "00:00:30");

        var stopping = host.StopAsync();
        await Task.Delay(300);
        carrier.Release("acme-0001");
        await stopping;

        var store = host.Services.GetRequiredService<ICampaignStore>();
        Assert.That((await store.GetCallAsync("acme-0001"))!.State, Is.EqualTo(CampaignCallState.Completed), "the call in progress finished and was recorded");
        Assert.That(carrier.Placed, Is.EqualTo(new[] { "acme-0001" }), "no call placed after the stop");
        Assert.That((await store.GetCallsAsync("acme")).Skip(1).Select(c => c.State), Is.All.EqualTo(CampaignCallState.Planned));
    }

    [Test]
    public async Task Stop_CallStillInProgressAfterTheGracePeriod_IsInterruptedAndRecordedNotLeftRunning()
    {
        var carrier = new FakeCarrier().Hold("acme-0001");
        using var host = await StartWithFirstCallHeldAsync(carrier, calls: 2, stopGracePeriod: "00:00:00");

        await host.StopAsync();

        var store = host.Services.GetRequiredService<ICampaignStore>();
        var call = await store.GetCallAsync("acme-0001");
        var history = (await store.GetEventsAsync("acme-0001")).Select(e => e.Kind).ToList();
        Assert.That(call!.State, Is.Not.EqualTo(CampaignCallState.Running));
        Assert.That(history, Does.Contain(CampaignCallEventKind.Interrupted));
        Assert.That(carrier.Placed, Is.EqualTo(new[] { "acme-0001" }));
    }

    [Test]
    public async Task Recovery_HostScopedToAnotherCampaign_LeavesThisCampaignsCallsAlone()
    {
        var at = TimeProvider.System.GetUtcNow().AddDays(2);
        var plan = CampaignTestKit.Plan(CampaignTestKit.Campaign(), CampaignTestKit.Call("acme-0001", at, at.AddHours(1)));
        var carrier = new FakeCarrier();
        using (var first = CampaignTestKit.BuildHost(database.Path, carrier))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(plan, "campaign: acme", ScheduleMode.OnTime, CampaignTestKit.NoScenarioVersions);

            // As a host killed mid-call leaves it.
            await first.Services.GetRequiredService<ICampaignStore>().TryStartAsync("acme-0001", "acme-0001", at);
            await first.StopAsync();
        }

        using (var other = CampaignTestKit.BuildHost(database.Path, carrier, campaignScope: "other"))
        {
            await other.StartAsync();
            var untouched = await other.Services.GetRequiredService<ICampaignStore>().GetCallAsync("acme-0001");
            await other.StopAsync();
            Assert.That(untouched!.State, Is.EqualTo(CampaignCallState.Running), "a command running another campaign does not recover this one");
        }

        using var all = CampaignTestKit.BuildHost(database.Path, carrier);
        await all.StartAsync();
        var recovered = await all.Services.GetRequiredService<ICampaignStore>().GetEventsAsync("acme-0001");
        await all.StopAsync();
        Assert.That(recovered.Select(e => e.Kind), Does.Contain(CampaignCallEventKind.Interrupted), "serve recovers every campaign");
        Assert.That(carrier.Placed, Is.Empty);
    }

    [Test]
    public async Task Job_ScenarioEditedAfterTheCampaignStarted_PlacesTheVersionStoredAtTheStart()
    {
        // The kit's campaign plays scenario 'example'.
        var originalText = ExampleScenario.Yaml.Replace("id: branch-saturday-hours", "id: example", StringComparison.Ordinal);
        var original = ScenarioParser.Parse(originalText, "example.yaml").Scenario!;
        var editedText = originalText.Replace("title: ", "title: Edited ", StringComparison.Ordinal);
        var edited = ScenarioParser.Parse(editedText, "example.yaml").Scenario!;
        Assume.That(edited.ContentHash, Is.Not.EqualTo(original.ContentHash));
        var carrier = new FakeCarrier();
        using var host = CampaignTestKit.BuildHost(database.Path, carrier, storedScenarios: true);
        await host.StartAsync();
        var results = host.Services.GetRequiredService<IResultStore>();
        await results.SaveScenarioAsync(original, originalText);

        // The folder changed after the campaign started (a later campaign or score kept the new version): both are stored.
        await results.SaveScenarioAsync(edited, editedText);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal) { ["example"] = original.ContentHash };
        await host.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(FuturePlan("acme", 1), "campaign: acme", ScheduleMode.Now, versions);
        await CampaignTestKit.WaitUntilAsync(
            async () => (await host.Services.GetRequiredService<ICampaignStore>().GetCallAsync("acme-0001"))!.State.IsFinal(),
            "the call to end");
        var call = await host.Services.GetRequiredService<ICampaignStore>().GetCallAsync("acme-0001");
        await host.StopAsync();

        Assert.That(call!.State, Is.EqualTo(CampaignCallState.Completed), call.Reason);
        Assert.That(carrier.ScenarioVersions["acme-0001"], Is.EqualTo(original.ContentHash));
    }
}
