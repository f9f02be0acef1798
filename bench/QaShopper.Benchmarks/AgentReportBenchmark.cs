using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.LiteDb;
using QaShopper.LiteDb.Documents;

namespace QaShopper.Benchmarks;

/// <summary>
/// Agent reports from the LiteDB store over a year of results: ~500 agents, 8 checklist items, calls spread over 365
/// days. The file is filled once (InsertBulk of the documents the store writes, with the aggregates summed the way the
/// store sums them) and kept in the temp folder for later runs, because filling a million results takes minutes.
/// </summary>
[MemoryDiagnoser]
public class AgentReportBenchmark
{
    private const int Agents = 500;
    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Items = ["greeting", "agent-name", "verify-identity", "card-blocked", "replacement-fee", "upsell", "hold", "closing"];

    private LiteDbFile file = null!;
    private LiteDbResultStore store = null!;

    /// <summary>How many results the store holds (QASHOPPER_BENCH_RESULTS overrides the million, for a quicker run).</summary>
    [Params(1_000_000)]
    public int Results { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = EnsureFile(int.TryParse(Environment.GetEnvironmentVariable("QASHOPPER_BENCH_RESULTS"), CultureInfo.InvariantCulture, out var n) ? n : Results);
        file = LiteDbFile.Open(path, TimeProvider.System);
        file.Migrate();
        store = new LiteDbResultStore(file, TimeProvider.System);

        // The bulk fill bypasses SaveCallAsync; check once that the aggregates it wrote answer as the builder does.
        var query = new CallQuery(AgentId: "agent-123", From: YearStart.AddDays(3).AddHours(5), To: YearStart.AddDays(200));
        var expected = JsonSerializer.Serialize(AgentReportBuilder.Build(store.GetCallsAsync(query).GetAwaiter().GetResult()));
        var actual = JsonSerializer.Serialize(store.GetAgentReportsAsync(query).GetAwaiter().GetResult());
        if (expected != actual)
        {
            throw new InvalidOperationException("The aggregated report differs from the builder's over the same calls.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => file.Dispose();

    /// <summary>One agent's report for the year.</summary>
    [Benchmark]
    public IReadOnlyList<AgentReport> OneAgent() =>
        store.GetAgentReportsAsync(new CallQuery(AgentId: "agent-123", From: YearStart, To: YearStart.AddYears(1))).GetAwaiter().GetResult();

    /// <summary>Every agent's report for the year.</summary>
    [Benchmark]
    public IReadOnlyList<AgentReport> AllAgents() =>
        store.GetAgentReportsAsync(new CallQuery(From: YearStart, To: YearStart.AddYears(1))).GetAwaiter().GetResult();

    /// <summary>Every agent's report for one month that does not start on a day boundary (partial days from the calls).</summary>
    [Benchmark]
    public IReadOnlyList<AgentReport> AllAgentsOddMonth() =>
        store.GetAgentReportsAsync(new CallQuery(From: YearStart.AddDays(40).AddHours(9), To: YearStart.AddDays(71).AddHours(17))).GetAwaiter().GetResult();

    /// <summary>The data file with <paramref name="results"/> results, filled on first use and kept in the temp folder.</summary>
    public static string EnsureFile(int results)
    {
        var path = Path.Combine(Path.GetTempPath(), "qashopper-bench", string.Create(CultureInfo.InvariantCulture, $"agent-reports-v2-{results}.db"));
        var complete = path + ".complete";
        if (!File.Exists(complete))
        {
            foreach (var stale in Directory.Exists(Path.GetDirectoryName(path)) ? Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*") : [])
            {
                File.Delete(stale);
            }

            var watch = Stopwatch.StartNew();
            using (var filling = LiteDbFile.Open(path, TimeProvider.System))
            {
                filling.Migrate();
                Fill(filling, results);
            }

            File.WriteAllText(complete, string.Create(CultureInfo.InvariantCulture, $"{results} results filled in {watch.Elapsed.TotalSeconds:F0} s"));
        }

        Console.WriteLine($"// store: {path} ({new FileInfo(path).Length / (1024 * 1024)} MiB); {File.ReadAllText(complete)}");
        return path;
    }

    private static void Fill(LiteDbFile target, int results)
    {
        var random = new Random(42);
        var grades = Enum.GetValues<Grade>();
        var outcomes = new[] { ItemOutcome.Passed, ItemOutcome.Passed, ItemOutcome.Passed, ItemOutcome.Failed, ItemOutcome.Uncertain, ItemOutcome.NotApplicable };
        var buckets = new Dictionary<string, AgentDayDocument>(StringComparer.Ordinal);
        var calls = target.Database.GetCollection<CallDocument>("calls");
        var batch = new List<CallDocument>(50_000);
        var secondsPerYear = 365 * 24 * 3600;
        for (var i = 0; i < results; i++)
        {
            var agent = string.Create(CultureInfo.InvariantCulture, $"agent-{random.Next(Agents):D3}");
            var placed = YearStart.AddSeconds(random.Next(secondsPerYear));
            var call = new CallRecord(
                string.Create(CultureInfo.InvariantCulture, $"call-{i:D8}"), "card-block", "hash-1", agent, "simulated", placed,
                CallStatus.Completed, 4.5, 180, null, null, new Dictionary<string, string>());
            var score = random.Next(10) == 0 ? null : new CallScore(
                "card-block", "hash-1", agent, random.Next(0, 1001) / 10.0, grades[random.Next(grades.Length)], random.Next(8) == 0,
                [.. Items.Select(id => new ItemResult(id, outcomes[random.Next(outcomes.Length)], 10, false, Evidence.Because("bench")))]);
            var document = LiteDbResultStore.ToDocument(call, score, placed.AddMinutes(5));
            batch.Add(document);
            AddToBuckets(buckets, document);
            if (batch.Count == batch.Capacity)
            {
                calls.InsertBulk(batch, batch.Count);
                batch.Clear();
            }
        }

        calls.InsertBulk(batch, Math.Max(batch.Count, 1));
        target.Database.GetCollection<AgentDayDocument>("agent_days").InsertBulk(buckets.Values, 50_000);
    }

    private static void AddToBuckets(Dictionary<string, AgentDayDocument> buckets, CallDocument call)
    {
        foreach (var (id, agent, day) in ReportBuckets.KeysOf(call))
        {
            if (!buckets.TryGetValue(id, out var bucket))
            {
                bucket = new AgentDayDocument { Id = id, Agent = agent, Day = day, Grades = [.. Enum.GetValues<Grade>().Select(_ => 0)] };
                buckets[id] = bucket;
            }

            ReportBuckets.Add(bucket, call, +1);
        }
    }
}
