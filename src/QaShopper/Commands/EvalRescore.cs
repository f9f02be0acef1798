using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Attribution;
using QaShopper.Core.Evaluation;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;

namespace QaShopper.Commands;

/// <summary>
/// The calls an earlier <c>eval</c> kept in its workspace (transcript, ground truth, scenario version), scored again by
/// today's scorer without placing or transcribing anything: seconds instead of minutes, so the scorer's rules and
/// thresholds can be compared on exactly the same transcripts (<c>eval --rescore</c>, <c>eval --trade-off</c>).
/// </summary>
internal sealed class EvalRescore
{
    private readonly IReadOnlyList<KeptCall> _calls;
    private readonly IReadOnlyList<AgentRecord> _roster;
    private readonly IPhraseResolver _phrases;
    private readonly Func<string, string?> _voiceOf;

    private EvalRescore(IReadOnlyList<KeptCall> calls, IReadOnlyList<AgentRecord> roster, IPhraseResolver phrases, Func<string, string?> voiceOf) =>
        (_calls, _roster, _phrases, _voiceOf) = (calls, roster, phrases, voiceOf);

    public int Count => _calls.Count;

    /// <summary>Reads the kept calls; a scenario changed since they were made is an error, not a silent mismatch.</summary>
    public static async Task<EvalRescore> LoadAsync(IServiceProvider services, IReadOnlyList<Scenario> scenarios, Func<string, string?> voiceOf, string workspace, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IResultStore>();
        var truths = services.GetRequiredService<IGroundTruthStore>();
        var byId = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var kept = new List<KeptCall>();
        foreach (var stored in await store.GetCallsAsync(new CallQuery(), cancellationToken).ConfigureAwait(false))
        {
            var call = stored.Call;
            if (call.Transcript is not { } transcript || await truths.GetAsync(call.CallId, cancellationToken).ConfigureAwait(false) is not { } truth)
            {
                continue;
            }

            if (!byId.TryGetValue(call.ScenarioId, out var scenario) || scenario.ContentHash != call.ScenarioHash)
            {
                throw new CliException(
                    $"--rescore: scenario {call.ScenarioId} has changed since the calls in {workspace} were made; run eval without --rescore to make them again");
            }

            kept.Add(new KeptCall(call.CallId, scenario, transcript, truth, call.PlacedAt));
        }

        if (kept.Count == 0)
        {
            throw new CliException($"--rescore: {workspace} holds no evaluated calls; run the same eval without --rescore first");
        }

        kept.Sort((a, b) => a.PlacedAt.CompareTo(b.PlacedAt) is var c and not 0 ? c : string.CompareOrdinal(a.CallId, b.CallId));
        var roster = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
        return new EvalRescore(kept, roster, services.GetRequiredService<IPhraseResolver>(), voiceOf);
    }

    /// <summary>Scores every kept call with <paramref name="options"/> and attributes it as the pipeline does.</summary>
    public EvaluationReport Evaluate(ScoringOptions options)
    {
        var scorer = new ChecklistScorer(options, _phrases);
        return Evaluator.Evaluate(_calls.Select(c =>
            new EvaluatedCall(c.Scenario, c.Truth, AgentAttribution.Apply(scorer.Score(c.Scenario, c.Transcript), c.Scenario, c.Transcript, _roster),
                c.Truth.AgentId is { } agent ? _voiceOf(agent) : null)));
    }

    private sealed record KeptCall(string CallId, Scenario Scenario, Transcript Transcript, CallGroundTruth Truth, DateTimeOffset PlacedAt);
}
