using QaShopper.Core.Campaigns;
using QaShopper.LiteDb;
using QaShopper.Tests.Campaigns;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>A call's state and its history entry are one transaction: a transition that fails halfway leaves neither.</summary>
public sealed class TransitionAtomicityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task TryStart_FailingBetweenStateAndHistory_LeavesTheCallPlannedWithoutAStartedEvent()
    {
        using var harness = LiteDbHarness.Create(new TestClock(Now));
        var store = (LiteDbCampaignStore)harness.Campaigns;
        await store.SaveCampaignAsync(
            new ScheduledCampaign(CampaignTestKit.Campaign(), "c", 1, Now, "now", new Dictionary<string, string>()),
            [new PlannedCallDue(CampaignTestKit.Call("acme-0001", Now.AddHours(1), Now.AddHours(2)), Now)]);

        // The state has been written in the transaction when this throws; the history entry has not.
        store.BeforeHistoryWrite = _ => throw new IOException("disk gone");
        Assert.That(() => store.TryStartAsync("acme-0001", "acme-0001", Now), Throws.InstanceOf<IOException>());
        store.BeforeHistoryWrite = null;

        var call = (await store.GetCallAsync("acme-0001"))!;
        Assert.That((call.State, call.Attempts, call.AttemptCallId), Is.EqualTo((CampaignCallState.Planned, 0, (string?)null)));
        Assert.That((await store.GetEventsAsync("acme-0001")).Select(e => e.Kind), Is.EqualTo(new[] { CampaignCallEventKind.Planned }));

        // Rolled back cleanly: the write lock was released and the call can still start once.
        Assert.That(await store.TryStartAsync("acme-0001", "acme-0001", Now), Is.True);
        Assert.That((await store.GetEventsAsync("acme-0001")).Select(e => e.Kind), Is.EqualTo(new[] { CampaignCallEventKind.Planned, CampaignCallEventKind.Started }));
    }
}
