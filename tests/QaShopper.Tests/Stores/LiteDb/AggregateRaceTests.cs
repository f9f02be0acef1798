using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>
/// Calls saved again at once from many threads share their agent's day and month buckets: each save takes the old
/// version's contribution out and adds the new one, reading the old call and the buckets with ForUpdate. Unlike
/// <see cref="TransitionRaceTests"/> this does not show the guard: with both ForUpdate reads removed it still passed
/// (2 runs): the window between a bucket read and its write is short here. It is kept as a regression test
/// that concurrent replacements leave the aggregates equal to the builder's.
/// </summary>
public sealed class AggregateRaceTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task SaveCall_EightThreadsReplacingCallsOfOneAgentAndDay_ReportEqualsBuilder(CancellationToken cancellationToken)
    {
        const int Threads = 8;
        const int PerThread = 50;
        using var harness = LiteDbHarness.Create(new TestClock());
        for (var n = 0; n < Threads * PerThread; n++)
        {
            await harness.Results.SaveCallAsync(SampleCalls.Call($"t{n / PerThread}-{n % PerThread:D3}", agentId: "li", placedAt: SampleCalls.Monday.AddSeconds(n)), SampleCalls.Score(agent: "li", score: 50), cancellationToken);
        }

        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(cancellationToken);
                for (var i = 0; i < PerThread; i++)
                {
                    var call = SampleCalls.Call($"t{t}-{i:D3}", agentId: "li", placedAt: SampleCalls.Monday.AddSeconds((t * PerThread) + i));
                    var score = i % 5 == 0 ? null : SampleCalls.Score(agent: "li", score: (t * 10) + (i % 10));
                    harness.Results.SaveCallAsync(call, score, cancellationToken).GetAwaiter().GetResult();
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        var query = new CallQuery(From: SampleCalls.Monday.AddDays(-40), To: SampleCalls.Monday.AddDays(40));
        var reports = await harness.Results.GetAgentReportsAsync(query, 5, cancellationToken);
        var expected = AgentReportBuilder.Build(await harness.Results.GetCallsAsync(query, cancellationToken));

        Assert.That(reports.Single().Calls, Is.EqualTo(Threads * PerThread * 4 / 5), "every fifth call was saved again without a score");
        Assert.That(SampleCalls.Deep(reports), Is.EqualTo(SampleCalls.Deep(expected)));
    }
}
