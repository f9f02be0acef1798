using QaShopper.Core.Ports;

namespace QaShopper.Twilio;

/// <summary>
/// How the caller's script is run on an answered call: which TwiML answers the voice webhook and each turn's callback.
/// <see cref="GatherTurnTaking"/> is the one implementation; a Media Streams engine (full duplex over a WebSocket,
/// sub-second turns, own voice-activity detection) could replace it behind this seam.
/// </summary>
public interface ITurnTaking
{
    /// <summary>The TwiML answering the call's voice webhook: the script from its first step.</summary>
    Task<string> AnswerAsync(CarrierCallRecord journaled, CancellationToken cancellationToken = default);

    /// <summary>The TwiML answering a turn's callback (for Gather, its action) for <paramref name="stepIndex"/>, attempt <paramref name="attempt"/>.</summary>
    /// <param name="journaled">The call as journaled.</param>
    /// <param name="stepIndex">The listen step the callback belongs to.</param>
    /// <param name="attempt">Which gather of that listen (0 first).</param>
    /// <param name="parameters">The callback's parameters (for Gather: <c>SpeechResult</c>, <c>Confidence</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<string> ContinueAsync(CarrierCallRecord journaled, int stepIndex, int attempt, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default);
}
