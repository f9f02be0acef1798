using BenchmarkDotNet.Attributes;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;

namespace QaShopper.Benchmarks;

/// <summary>
/// Scores a 5-minute, ~700-word call against a 12-item checklist (every item kind). Target: at least
/// 2,000 calls per second on one core, i.e. a mean under 500 µs per call.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmark
{
    private Scenario scenario = null!;
    private Transcript transcript = null!;
    private Transcript missedTranscript = null!;
    private ChecklistScorer scorer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = ScenarioParser.Parse(BenchmarkData.ScenarioYaml, "bench.yaml");
        scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join('\n', loaded.Diagnostics));
        transcript = BenchmarkData.FiveMinuteTranscript(seed: 42);
        missedTranscript = BenchmarkData.FiveMinuteTranscript(seed: 42, scripted: false);
        scorer = new ChecklistScorer(new ScoringOptions(), new TemplatePhraseResolver());
    }

    [Benchmark(Baseline = true, Description = "score 5-min call, 12 items")]
    public CallScore ScoreCall() => scorer.Score(scenario, transcript);

    /// <summary>Worst case: no checklist phrase is said, so every item also searches for its closest near miss.</summary>
    [Benchmark(Description = "same, every phrase missed")]
    public CallScore ScoreCallEveryPhraseMissed() => scorer.Score(scenario, missedTranscript);
}
