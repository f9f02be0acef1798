using QaShopper.Core.Results;
using QaShopper.Core.Templates;

namespace QaShopper.Core.Ports;

/// <summary>
/// Places test calls. A call progresses through events (ringing, answered, each step played, completed, recording
/// ready) so that a webhook-driven carrier such as Twilio fits the same port as the simulated call centre.
/// </summary>
public interface ICarrier
{
    /// <summary>The carrier's name, stored with each call (<c>simulated</c>, <c>twilio</c>).</summary>
    string Name { get; }

    /// <summary>Places one call and reports its events in order; the sequence ends after <see cref="CallCompleted"/> and, when recorded, <see cref="RecordingReady"/>.</summary>
    IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, CancellationToken cancellationToken = default);
}

/// <summary>One test call to place. Where a carrier keeps recordings, and anything else it needs, are its own options.</summary>
/// <param name="CallId">Unique; the idempotency key everywhere downstream.</param>
/// <param name="To">The line called (E.164, e.g. +442071234567).</param>
/// <param name="From">The caller number shown to the agent (E.164), from the anonymity pool.</param>
/// <param name="Scenario">The scenario rendered for this call (templates filled, picks made).</param>
/// <param name="CallerVoice">The caller's voice; null lets the synthesizer choose by locale.</param>
/// <param name="PlannedFor">The time a campaign planned the call for (kept on the stored call for reports); null outside campaigns.</param>
public sealed record CallRequest(
    string CallId,
    string To,
    string From,
    RenderedScenario Scenario,
    string? CallerVoice,
    DateTimeOffset? PlannedFor = null);

/// <summary>Something that happened on a call; <see cref="At"/> is the time since dialling.</summary>
public abstract record CallEvent(string CallId, TimeSpan At);

/// <summary>The line is ringing.</summary>
public sealed record CallRinging(string CallId, TimeSpan At) : CallEvent(CallId, At);

/// <summary>Someone answered; <see cref="CallEvent.At"/> is the answer time.</summary>
public sealed record CallAnswered(string CallId, TimeSpan At) : CallEvent(CallId, At);

/// <summary>The caller finished script step <paramref name="StepIndex"/> (0-based).</summary>
public sealed record StepPlayed(string CallId, TimeSpan At, int StepIndex) : CallEvent(CallId, At);

/// <summary>The call ended; <paramref name="Status"/> says how, <paramref name="Duration"/> is answer-to-end in seconds.</summary>
public sealed record CallCompleted(string CallId, TimeSpan At, CallStatus Status, double? Duration, string? Detail = null) : CallEvent(CallId, At);

/// <summary>The two-channel recording is on disk; it starts at the answer.</summary>
public sealed record RecordingReady(string CallId, TimeSpan At, string Path, int AgentChannel) : CallEvent(CallId, At);

/// <summary>Reported by carriers that know the truth of a call (the simulated call centre), before <see cref="CallCompleted"/>.</summary>
public sealed record GroundTruthDrawn(string CallId, TimeSpan At, CallGroundTruth Truth) : CallEvent(CallId, At);
