using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace QaShopper.Tests.Fuzzing;

/// <summary>The figures of one run: inputs by kind and verdict, the failures with their recipes, the slowest input.</summary>
internal sealed record FuzzReport(
    int Seed,
    int Inputs,
    IReadOnlyDictionary<(string Kind, FuzzVerdict Verdict), int> Counts,
    IReadOnlyList<FuzzResult> Failures,
    FuzzResult? Slowest,
    TimeSpan Elapsed,
    long PeakWorkingSetBytes)
{
    public int Count(FuzzVerdict verdict) => Counts.Where(c => c.Key.Verdict == verdict).Sum(c => c.Value);

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {Seed}: {Inputs} inputs in {Elapsed.TotalSeconds:0.0} s; ")
            .Append(CultureInfo.InvariantCulture, $"crashes {Count(FuzzVerdict.Crash)}, hangs {Count(FuzzVerdict.Hang)}, unpositioned {Count(FuzzVerdict.Unpositioned)}; ")
            .Append(CultureInfo.InvariantCulture, $"peak working set {PeakWorkingSetBytes / (1024 * 1024)} MB\n");
        if (Slowest is { } slowest)
        {
            text.Append(CultureInfo.InvariantCulture, $"slowest: {slowest.Elapsed.TotalMilliseconds:0} ms, {slowest.Input.Kind}: {slowest.Input.Recipe}\n");
        }

        foreach (var kind in FuzzKinds.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {kind}:");
            foreach (var verdict in Enum.GetValues<FuzzVerdict>())
            {
                text.Append(CultureInfo.InvariantCulture, $" {verdict.ToString().ToLowerInvariant()} {Counts.GetValueOrDefault((kind, verdict))}");
            }

            text.Append('\n');
        }

        foreach (var failure in Failures.Take(40))
        {
            text.Append(CultureInfo.InvariantCulture, $"{failure.Verdict} {failure.Input.Kind} [{failure.Input.Recipe}]: {failure.Detail}\n");
        }

        return text.ToString();
    }
}

/// <summary>
/// Runs generated inputs through <see cref="FuzzTargets"/> one by one and sorts the outcomes. It runs on its own thread
/// with a smaller stack than any the commands run on, so input that recurses too deeply fails here first.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>An input slower than this is a hang: a user would think the command had stopped.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    private const int StackBytes = 1024 * 1024;

    public static FuzzReport Run(FuzzCorpus corpus, int seed, int inputs, Action<FuzzResult>? onFailure = null)
    {
        FuzzReport? report = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    report = RunOnThisThread(corpus, seed, inputs, onFailure);
                }
#pragma warning disable CA1031 // Rethrown on the test's thread below: an exception must not end the process from here.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                }
            },
            StackBytes);
        thread.Start();
        thread.Join();
        return failure is null ? report! : throw new InvalidOperationException("the fuzz runner itself failed", failure);
    }

    private static FuzzReport RunOnThisThread(FuzzCorpus corpus, int seed, int inputs, Action<FuzzResult>? onFailure)
    {
        var generator = new FuzzGenerator(corpus, seed);
        using var targets = new FuzzTargets(corpus);
        var counts = new Dictionary<(string, FuzzVerdict), int>();
        var failures = new List<FuzzResult>();
        FuzzResult? slowest = null;
        // A process that dies (stack overflow, out of memory) leaves no report: this names the input that killed it.
        var trace = Environment.GetEnvironmentVariable("QASHOPPER_FUZZ_TRACE") == "1";
        var total = Stopwatch.StartNew();
        for (var i = 0; i < inputs; i++)
        {
            var input = generator.Next();
            if (trace)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{i} {input.Kind} ({input.Size}): {input.Recipe}"));
            }

            var result = RunOne(targets, input);
            counts[(input.Kind, result.Verdict)] = counts.GetValueOrDefault((input.Kind, result.Verdict)) + 1;
            if (slowest is null || result.Elapsed > slowest.Elapsed)
            {
                slowest = result;
            }

            if (result.Verdict is FuzzVerdict.Crash or FuzzVerdict.Hang or FuzzVerdict.Unpositioned)
            {
                failures.Add(result with { Detail = $"#{i}: {result.Detail}" });
                onFailure?.Invoke(result);
            }
        }

        using var process = Process.GetCurrentProcess();
        return new FuzzReport(seed, inputs, counts, failures, slowest, total.Elapsed, process.PeakWorkingSet64);
    }

    private static FuzzResult RunOne(FuzzTargets targets, FuzzInput input)
    {
        var timer = Stopwatch.StartNew();
        FuzzVerdict verdict;
        string detail;
        try
        {
            (verdict, detail) = targets.Run(input);
        }
#pragma warning disable CA1031 // Any exception the project does not turn into its own problem is exactly what the harness reports.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            (verdict, detail) = (FuzzVerdict.Crash, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]} at {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }

        var elapsed = timer.Elapsed;
        return elapsed > HangLimit
            ? new FuzzResult(input, FuzzVerdict.Hang, $"{elapsed.TotalSeconds:0.0} s ({verdict}: {detail})", elapsed)
            : new FuzzResult(input, verdict, detail, elapsed);
    }
}
