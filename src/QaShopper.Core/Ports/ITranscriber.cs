using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Ports;

/// <summary>Turns a two-channel call recording into a transcript of both sides.</summary>
public interface ITranscriber
{
    /// <summary>The engine's name (<c>pocketsphinx</c>, <c>azure</c>).</summary>
    string Engine { get; }

    /// <summary>True when the engine can transcribe this locale.</summary>
    bool Supports(string locale);

    Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// One recording to transcribe. Times in the transcript are seconds from the start of the recording, which carriers
/// start at the answer.
/// </summary>
/// <param name="RecordingPath">A two-channel WAV file, one side per channel.</param>
/// <param name="AgentChannel">1 or 2: the channel that holds the agent; the other holds the caller.</param>
/// <param name="AnsweredAfter">Seconds from dialling to answer, copied into the transcript; null when unknown.</param>
/// <param name="Locale">The scenario's locale: picks the recogniser's language.</param>
/// <param name="HintPhrases">The checklist's expected phrases (any/all, rendered): recognised with priority because they decide the score.</param>
public sealed record TranscriptionRequest(
    string RecordingPath,
    int AgentChannel,
    double? AnsweredAfter,
    string Locale,
    IReadOnlyList<string> HintPhrases)
{
    /// <summary>
    /// Forbidden phrases (the checklist's <c>none</c> items): worth spotting, but a recogniser must never be biased
    /// towards them, or it would put words in the agent's mouth that fail the call.
    /// </summary>
    public IReadOnlyList<string> WatchPhrases { get; init; } = [];

    /// <summary>What the caller says (the script's rendered <c>say</c> lines): context for the caller's channel.</summary>
    public IReadOnlyList<string> CallerLines { get; init; } = [];

    /// <summary>
    /// The names of the agents who may answer (the QA team knows its roster): context that helps the recogniser
    /// hear "my name is Sarah" rather than a similar-sounding word. Context only: never spotted or inserted.
    /// </summary>
    public IReadOnlyList<string> AgentNames { get; init; } = [];

    /// <summary>
    /// The scenario's own ways of giving a name, spelled with each roster name (<see cref="Calls.NameIntroductions"/>):
    /// context for the agent's side, like <see cref="AgentNames"/>. Never spotted or inserted.
    /// </summary>
    public IReadOnlyList<string> NameIntroductions { get; init; } = [];

    /// <summary>
    /// What the caller did, turn by turn in script order, as rendered for this call; empty when unknown (an imported
    /// recording, or picks whose choices were not recorded). Our own synthesised speech: its words are known.
    /// </summary>
    public IReadOnlyList<CallerTurn> CallerScript { get; init; } = [];

    /// <summary>
    /// Whether the caller's words must be recognised from the audio. When false and <see cref="CallerScript"/> is
    /// known, an engine may time the caller's speech from the audio alone and label it with the script's lines, which
    /// is how scoring uses the caller's side unless a checklist item listens to the caller. True unless the sender
    /// decided otherwise, so an engine told nothing transcribes both sides.
    /// </summary>
    public bool CallerWordsNeeded { get; init; } = true;
}

/// <summary>One turn of the caller's script as played: a spoken line, or tones (<paramref name="Words"/> null).</summary>
/// <param name="Words">The line as rendered for the call; null for a <c>press</c> step's DTMF tones.</param>
public sealed record CallerTurn(string? Words)
{
    public bool IsSpeech => Words is not null;
}

/// <summary>
/// A transcriber with a costly first use (a model to load, searches to build per scenario) that can pay it before the
/// first recording arrives, so the first call is not scored late.
/// </summary>
public interface IWarmUpTranscriber
{
    /// <summary>Loads what transcribing recordings like <paramref name="request"/> needs; its recording path is not read.</summary>
    Task WarmUpAsync(TranscriptionRequest request, CancellationToken cancellationToken = default);
}
