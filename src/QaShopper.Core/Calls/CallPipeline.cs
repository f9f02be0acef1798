using QaShopper.Core.Alerts;
using QaShopper.Core.Attribution;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Calls;

/// <summary>
/// After a call: recording → transcript → score → store. Idempotent per call id: a call already stored with a
/// transcript and a score for the same scenario version and recording is not transcribed again.
/// </summary>
/// <remarks>A registered <see cref="ICallScoredNotifier"/> (alerts) is told of each call once it is stored.</remarks>
public sealed class CallPipeline(ITranscriber transcriber, ChecklistScorer scorer, IResultStore store, ICallScoredNotifier? notifier = null)
{
    /// <summary>Transcribes and scores a completed call's recording and stores call, transcript and result together.</summary>
    /// <param name="call">The call as the carrier reported it (status completed, recording path set).</param>
    /// <param name="scenario">The scenario version the call followed.</param>
    /// <param name="agentChannel">Which channel of the recording holds the agent.</param>
    /// <param name="cancellationToken">Stops the work; nothing is stored for a cancelled call.</param>
    public async Task<CallScore> ProcessAsync(CallRecord call, Scenario scenario, int agentChannel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(scenario);
        if (call.RecordingPath is null)
        {
            throw new ArgumentException($"call {call.CallId} has no recording to transcribe", nameof(call));
        }

        var stored = await store.GetCallAsync(call.CallId, cancellationToken).ConfigureAwait(false);
        if (stored is { Score: { } done, Call.Transcript: not null }
            && stored.Call.RecordingPath == call.RecordingPath
            && stored.Call.ScenarioHash == scenario.ContentHash)
        {
            return done;
        }

        var roster = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
        var names = roster.Select(a => a.Name).OfType<string>().ToList();
        Transcript transcript;
        using (CallActivities.Start(CallActivities.Transcribe, call.CallId))
        {
            transcript = await TranscribeAsync(call.RecordingPath, agentChannel, call.AnsweredAfter, scenario, transcriber, names, call.TemplateChoices, cancellationToken).ConfigureAwait(false);
        }

        CallScore score;
        using (CallActivities.Start(CallActivities.Score, call.CallId))
        {
            score = AgentAttribution.Apply(scorer.Score(scenario, transcript), scenario, transcript, roster, call.AgentId);
        }

        using (CallActivities.Start(CallActivities.Store, call.CallId))
        {
            call = call with { Transcript = transcript, AgentId = score.Agent ?? call.AgentId };
            await store.SaveCallAsync(call, score, cancellationToken).ConfigureAwait(false);
        }

        notifier?.CallScored(call, score);
        return score;
    }

    /// <summary>
    /// Makes the transcriber ready for this scenario's calls (model loaded, hint searches built) when it can be made
    /// ready ahead: the work the first call would otherwise wait for. Does nothing for other transcribers.
    /// </summary>
    public async Task WarmUpAsync(Scenario scenario, int agentChannel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (transcriber is not IWarmUpTranscriber warm || !transcriber.Supports(scenario.Locale))
        {
            return;
        }

        var roster = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);

        // Any one rendering: the searches depend on the checklist and the roster, not on which picks a call makes.
        var choices = ScenarioRenderer.Render(scenario, new Random(0)).Choices;
        var request = Request(string.Empty, agentChannel, answeredAfter: 0, scenario, [.. roster.Select(a => a.Name).OfType<string>()], choices);
        await warm.WarmUpAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Transcribes a recording with the scenario's checklist phrases (and the agents' names, when known) as recognition hints.</summary>
    /// <param name="recordingPath">The two-channel recording.</param>
    /// <param name="agentChannel">Which channel holds the agent.</param>
    /// <param name="answeredAfter">Seconds from dialling to answer, when known.</param>
    /// <param name="scenario">The scenario the call followed.</param>
    /// <param name="transcriber">The recogniser.</param>
    /// <param name="agentNames">The roster's names, context for the agent's side.</param>
    /// <param name="templateChoices">
    /// The call's recorded <c>pick</c> choices when we placed it, so the caller spoke the scenario's script; null for a
    /// recording from elsewhere, whose caller is transcribed from the audio like the agent.
    /// </param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static Task<Transcript> TranscribeAsync(
        string recordingPath,
        int agentChannel,
        double? answeredAfter,
        Scenario scenario,
        ITranscriber transcriber,
        IReadOnlyList<string>? agentNames = null,
        IReadOnlyDictionary<string, string>? templateChoices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(transcriber);
        if (!transcriber.Supports(scenario.Locale))
        {
            throw new SpeechEngineException($"the {transcriber.Engine} recogniser cannot transcribe {scenario.Locale}");
        }

        return TranscribeCoreAsync();

        async Task<Transcript> TranscribeCoreAsync()
        {
            var request = Request(recordingPath, agentChannel, answeredAfter, scenario, agentNames, templateChoices);
            var transcript = await transcriber.TranscribeAsync(request, cancellationToken).ConfigureAwait(false);

            // A recording exists, so someone answered, even when nobody told us when.
            return answeredAfter is null ? transcript with { AnswerTimeUnknown = true } : transcript;
        }
    }

    private static TranscriptionRequest Request(
        string recordingPath, int agentChannel, double? answeredAfter, Scenario scenario, IReadOnlyList<string>? agentNames, IReadOnlyDictionary<string, string>? templateChoices)
    {
        IReadOnlyList<CallerTurn> callerScript = templateChoices is null ? [] : CallerScripts.For(scenario, templateChoices);
        return new TranscriptionRequest(recordingPath, agentChannel, answeredAfter, scenario.Locale, HintPhrases.Expected(scenario))
        {
            WatchPhrases = HintPhrases.Forbidden(scenario),
            CallerLines = HintPhrases.CallerLines(scenario),
            AgentNames = agentNames ?? [],
            NameIntroductions = NameIntroductions.Of(scenario, agentNames ?? []),
            CallerScript = callerScript,

            // Without the script the caller's words can only come from the audio.
            CallerWordsNeeded = callerScript.Count == 0 || CallerScripts.WordsNeeded(scenario),
        };
    }
}
