using Microsoft.Extensions.Logging;

namespace QaShopper.Twilio;

/// <summary>The carrier's log messages. None carries a secret: tokens, keys and signatures are never passed in.</summary>
internal static partial class TwilioLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Twilio webhook {Method} {Path} refused (403): {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Twilio webhook {Path} rejected (400): {Reason}")]
    public static partial void WebhookMalformed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Twilio webhook for call {CallId}: {Kind} {Detail} (duplicate: {Duplicate})")]
    public static partial void WebhookReceived(ILogger logger, string callId, string kind, string detail, bool duplicate);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Call {CallId} dialled through Twilio as {CallSid}")]
    public static partial void CallCreated(ILogger logger, string callId, string callSid);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Call {CallId} could not be created at Twilio: {Detail}")]
    public static partial void CallCreateFailed(ILogger logger, string callId, string detail);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Call {CallId} ended: {Status} {Detail}")]
    public static partial void CallEnded(ILogger logger, string callId, string status, string? detail);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Call {CallId}: hanging up at Twilio failed: {Detail}")]
    public static partial void HangupFailed(ILogger logger, string callId, string detail);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Call {CallId}: recording {RecordingSid} download attempt {Attempt} failed: {Detail}")]
    public static partial void DownloadFailed(ILogger logger, string callId, string recordingSid, int attempt, string detail);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Call {CallId}: deleting recording {RecordingSid} at Twilio failed: {Detail}")]
    public static partial void DeleteFailed(ILogger logger, string callId, string recordingSid, string detail);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Call {CallId}: ring time from callbacks ({FromCallbacks:F1} s) and from the call resource ({FromResource:F1} s) disagree")]
    public static partial void RingTimeMismatch(ILogger logger, string callId, double fromCallbacks, double fromResource);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Call {CallId}: resuming from the journal (placed by an earlier host)")]
    public static partial void Resuming(ILogger logger, string callId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Twilio webhook listener on {Url}")]
    public static partial void ListenerStarted(ILogger logger, string url);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Call {CallId}: {Detail}")]
    public static partial void CallProblem(ILogger logger, string callId, string detail);
}
