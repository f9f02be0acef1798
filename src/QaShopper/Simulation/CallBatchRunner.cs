using System.Collections.Concurrent;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using Spectre.Console;

namespace QaShopper.Simulation;

/// <summary>Runs a batch of calls a few at a time with a progress bar (on a terminal) or one line per call (otherwise).</summary>
internal static class CallBatchRunner
{
    public static async Task<IReadOnlyList<CallOutcome>> RunAsync(
        IReadOnlyList<CallRequest> requests,
        CallRunner runner,
        int concurrency,
        CliConsole console,
        CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentDictionary<int, CallOutcome>();
        var done = 0;

        async Task RunAll(Action<CallOutcome> onDone)
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, requests.Count),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    var outcome = await runner.RunAsync(requests[index], ct).ConfigureAwait(false);
                    outcomes[index] = outcome;
                    onDone(outcome);
                }).ConfigureAwait(false);
        }

        if (console.IsInteractive)
        {
            using var live = LiveProgress.Begin();
            await console.Rich.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"placing test calls: 0/{requests.Count}", maxValue: requests.Count);
                    await RunAll(_ =>
                    {
                        var n = Interlocked.Increment(ref done);
                        task.Increment(1);
                        task.Description = $"placing test calls: {n}/{requests.Count}";
                    }).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            await RunAll(outcome =>
            {
                var n = Interlocked.Increment(ref done);
                var result = outcome.Score is { } s
                    ? $"{s.Score:0.0} {s.Grade.ToString().ToLowerInvariant()} ({s.Agent ?? "agent not identified"})"
                    : outcome.Call.Status.ToString().ToLowerInvariant();
                console.Error.WriteLine($"[{n}/{requests.Count}] {outcome.Call.CallId} {outcome.Call.ScenarioId}: {result}");
            }).ConfigureAwait(false);
        }

        return [.. outcomes.OrderBy(kv => kv.Key).Select(kv => kv.Value)];
    }
}
