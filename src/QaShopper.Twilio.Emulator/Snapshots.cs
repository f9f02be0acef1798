namespace QaShopper.Twilio.Emulator;

/// <summary>A call as the emulator saw it, for assertions. Times are virtual (the call's start plus its offsets).</summary>
/// <param name="Sid">The call sid.</param>
/// <param name="To">The called number.</param>
/// <param name="From">The caller id.</param>
/// <param name="Status">The resource status: queued, ringing, in-progress, completed, busy, no-answer, failed, canceled.</param>
/// <param name="Created">When the call was created.</param>
/// <param name="StartTime">When it was dialled (null while queued).</param>
/// <param name="AnsweredAt">When it was answered (null if never).</param>
/// <param name="EndTime">When it ended (null while live).</param>
/// <param name="RecordingSid">Its recording's sid, or null.</param>
/// <param name="RecordingDeleted">True once the recording was deleted.</param>
/// <param name="TwimlDocuments">Each TwiML document fetched (or given inline), in order, as received.</param>
/// <param name="Errors">Twilio error codes with messages, e.g. <c>11200: …</c>.</param>
public sealed record EmulatedCall(
    string Sid,
    string To,
    string From,
    string Status,
    DateTimeOffset Created,
    DateTimeOffset? StartTime,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndTime,
    string? RecordingSid,
    bool RecordingDeleted,
    IReadOnlyList<string> TwimlDocuments,
    IReadOnlyList<string> Errors);

/// <summary>What a webhook request was for.</summary>
public enum WebhookKind
{
    /// <summary>The call's <c>Url</c>: the first TwiML document.</summary>
    Twiml,

    /// <summary>A <c>&lt;Gather&gt;</c> action.</summary>
    GatherAction,

    /// <summary>A <c>&lt;Redirect&gt;</c>.</summary>
    Redirect,

    /// <summary>A <c>StatusCallback</c>.</summary>
    StatusCallback,

    /// <summary>A <c>RecordingStatusCallback</c>.</summary>
    RecordingStatusCallback,

    /// <summary>A <c>&lt;Play&gt;</c> audio fetch.</summary>
    Media,
}

/// <summary>One attempt to deliver a webhook.</summary>
/// <param name="CallSid">The call it belongs to.</param>
/// <param name="Kind">What it was for.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Url">The exact URL requested (query included): the one signed.</param>
/// <param name="Parameters">The form (or query) parameters sent.</param>
/// <param name="Signature">The <c>X-Twilio-Signature</c> header.</param>
/// <param name="SignatureSettings">The <c>X-Twilio-Webhooks-Signature-Settings</c> header, or null when signed with SHA-1.</param>
/// <param name="ResponseStatus">The HTTP status answered, or null when there was none (refused, timed out).</param>
/// <param name="Attempt">1, or 2 for the retry.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record WebhookDelivery(
    string CallSid,
    WebhookKind Kind,
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Parameters,
    string Signature,
    string? SignatureSettings,
    int? ResponseStatus,
    int Attempt,
    string? Error);
