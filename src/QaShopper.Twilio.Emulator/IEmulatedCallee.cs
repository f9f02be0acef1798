using QaShopper.Audio;

namespace QaShopper.Twilio.Emulator;

/// <summary>The far end of an emulated call: decides whether and when the called line answers, and who speaks.</summary>
public interface IEmulatedCallee
{
    /// <summary>
    /// Decides how the line answers the call. Asked once per call when it starts ringing; the token is cancelled when the
    /// call is cancelled or hung up before the decision.
    /// </summary>
    Task<EmulatedAnswer> AnswerAsync(EmulatedCallInfo callInfo, CancellationToken cancellationToken);
}

/// <summary>The call the callee is asked to answer.</summary>
/// <param name="CallSid">The call's sid (<c>CA…</c>).</param>
/// <param name="To">The called number, as requested.</param>
/// <param name="From">The caller id.</param>
/// <param name="Url">The TwiML URL the call was created with (or the emulator's placeholder for inline TwiML).</param>
public sealed record EmulatedCallInfo(string CallSid, string To, string From, Uri Url);

/// <summary>How a called line answers.</summary>
public abstract record EmulatedAnswer
{
    private EmulatedAnswer()
    {
    }

    /// <summary>The line is busy: the call ends as <c>busy</c> shortly after ringing.</summary>
    public static EmulatedAnswer Busy { get; } = new BusyAnswer();

    /// <summary>Nobody answers: the call rings until the request's <c>Timeout</c> and ends as <c>no-answer</c>.</summary>
    public static EmulatedAnswer NoAnswer { get; } = new NoAnswerAnswer();

    /// <summary>The call cannot be connected: it ends as <c>failed</c>; <paramref name="reason"/> goes into the call's errors.</summary>
    public static EmulatedAnswer Failed(string? reason = null) => new FailedAnswer(reason);

    /// <summary>
    /// The line answers after <paramref name="ringTime"/> of ringing (no answer if that reaches the request's <c>Timeout</c>)
    /// and <paramref name="agent"/> speaks.
    /// </summary>
    public static EmulatedAnswer Answered(TimeSpan ringTime, IEmulatedAgent agent) => new AnsweredBy(ringTime, agent);

    /// <summary>A busy line.</summary>
    public sealed record BusyAnswer : EmulatedAnswer;

    /// <summary>A line nobody answers.</summary>
    public sealed record NoAnswerAnswer : EmulatedAnswer;

    /// <summary>A call that fails to connect.</summary>
    /// <param name="Reason">Why, for the call's errors; null when unknown.</param>
    public sealed record FailedAnswer(string? Reason) : EmulatedAnswer;

    /// <summary>An answered call.</summary>
    /// <param name="RingTime">How long the line rings before it is picked up.</param>
    /// <param name="Agent">Who speaks at the far end.</param>
    public sealed record AnsweredBy(TimeSpan RingTime, IEmulatedAgent Agent) : EmulatedAnswer;
}

/// <summary>
/// Whoever speaks at the far end of an answered call, turn by turn. The emulator asks for a turn at the answer (turn 1),
/// each time the caller finishes a top-level <c>&lt;Play&gt;</c> of a URL (an utterance: turn 2, 3…), and each time
/// the caller sends digits with <c>&lt;Play digits&gt;</c> (same turn number, <see cref="AgentCueKind.Digits"/>).
/// A <c>&lt;Play&gt;</c> nested in <c>&lt;Gather&gt;</c> is a prompt or hold music, not an utterance. A turn starts when
/// its cue happens or, if the far end is still speaking its previous turn, when that ends (it finishes before replying).
/// </summary>
public interface IEmulatedAgent
{
    /// <summary>
    /// What the far end says in reply to <paramref name="cue"/>: utterances at offsets from the turn's start. An empty
    /// list says nothing. A hold is a long gap between two utterances of one turn.
    /// </summary>
    Task<IReadOnlyList<AgentUtterance>> TakeTurnAsync(AgentCue cue, CancellationToken cancellationToken);
}

/// <summary>What the far end is reacting to.</summary>
public enum AgentCueKind
{
    /// <summary>The call was just answered (turn 1).</summary>
    Answered,

    /// <summary>The caller finished an utterance (a <c>&lt;Play&gt;</c> of a URL).</summary>
    CallerSpoke,

    /// <summary>The caller sent DTMF digits.</summary>
    Digits,
}

/// <summary>A prompt for the far end's next turn.</summary>
/// <param name="Turn">1 at the answer, then one more for each caller utterance; digits keep the number.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When the turn starts, from the answer (the recording's time).</param>
/// <param name="Digits">The digits sent, for <see cref="AgentCueKind.Digits"/>; otherwise null.</param>
public sealed record AgentCue(int Turn, AgentCueKind Kind, TimeSpan At, string? Digits = null);

/// <summary>One thing the far end says.</summary>
/// <param name="Offset">From the start of the turn.</param>
/// <param name="Audio">The speech; resampled to 8 kHz on the callee's channel.</param>
/// <param name="Text">What it says, returned as <c>SpeechResult</c> by a speech <c>&lt;Gather&gt;</c> that hears it.</param>
public sealed record AgentUtterance(TimeSpan Offset, AudioClip Audio, string Text);
