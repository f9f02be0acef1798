using System.Collections.Concurrent;
using QaShopper.Core.Campaigns;
using QaShopper.Tests.Campaigns;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>
/// Racing triggers: LiteDB reads inside a transaction see a snapshot, so a find-check-update lets two threads both
/// see Planned (measured: 300 calls started 342 times). The store reads with ForUpdate under the write lock.
/// </summary>
public sealed class TransitionRaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    [CancelAfter(120_000)]
    public async Task TryStart_SixteenThreadsOnTheSameCalls_StartsEachExactlyOnceWithOneStartedEvent(CancellationToken cancellationToken)
    {
        const int Calls = 200;
        const int Threads = 16;
        using var harness = LiteDbHarness.Create(new TestClock(Now));
        var ids = Enumerable.Range(0, Calls).Select(i => $"acme-{i:D4}").ToList();
        await harness.Campaigns.SaveCampaignAsync(
            new ScheduledCampaign(CampaignTestKit.Campaign(), "campaign: acme", 1, Now, "now", new Dictionary<string, string>()),
            [.. ids.Select(id => new PlannedCallDue(CampaignTestKit.Call(id, Now.AddHours(1), Now.AddHours(2)), Now))],
            cancellationToken);

        var successes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(cancellationToken);

                // Each thread walks the calls from its own starting point so the threads collide on every call.
                for (var i = 0; i < Calls; i++)
                {
                    var id = ids[(i + (t * 13)) % Calls];
                    if (harness.Campaigns.TryStartAsync(id, id, Now, cancellationToken).GetAwaiter().GetResult())
                    {
                        successes.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        Assert.That(successes.Keys, Is.EquivalentTo(ids));
        Assert.That(successes.Values.Sum(), Is.EqualTo(Calls), "one success per call");
        foreach (var id in ids)
        {
            var events = await harness.Campaigns.GetEventsAsync(id, cancellationToken);
            Assert.That(events.Count(e => e.Kind == CampaignCallEventKind.Started), Is.EqualTo(1), id);
            Assert.That((await harness.Campaigns.GetCallAsync(id, cancellationToken))!.Attempts, Is.EqualTo(1), id);
        }
    }
}
