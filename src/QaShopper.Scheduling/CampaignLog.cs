using Microsoft.Extensions.Logging;

namespace QaShopper.Scheduling;

/// <summary>The scheduler's log messages.</summary>
internal static partial class CampaignLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Campaign {CampaignId}: {Count} calls scheduled ({Mode})")]
    public static partial void Scheduled(this ILogger logger, string campaignId, int count, ScheduleMode mode);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Campaign {CampaignId} cancelled: {Count} planned calls will not be placed")]
    public static partial void Cancelled(this ILogger logger, string campaignId, int count);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "Call {CallId} fired but is {State}; nothing to do")]
    public static partial void NotPlanned(this ILogger logger, string callId, Core.Campaigns.CampaignCallState? state);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Call {CallId} ended {State}: {Reason}")]
    public static partial void Finished(this ILogger logger, string callId, Core.Campaigns.CampaignCallState state, string? reason);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Call {CallId} will be retried at {At:O}: {Reason}")]
    public static partial void RetryScheduled(this ILogger logger, string callId, DateTimeOffset at, string reason);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Call {CallId} misfired: {Decision}")]
    public static partial void Misfired(this ILogger logger, string callId, string decision);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Call {CallId} attempt {AttemptCallId} was interrupted by shutdown; the next start recovers it")]
    public static partial void Interrupted(this ILogger logger, string callId, string attemptCallId);

    [LoggerMessage(EventId = 307, Level = LogLevel.Error, Message = "Call {CallId} attempt {AttemptCallId} failed")]
    public static partial void AttemptFailed(this ILogger logger, Exception exception, string callId, string attemptCallId);

    [LoggerMessage(EventId = 308, Level = LogLevel.Warning, Message = "Recovered call {CallId} left running by a stopped host: {Outcome}")]
    public static partial void Recovered(this ILogger logger, string callId, string outcome);

    [LoggerMessage(EventId = 310, Level = LogLevel.Debug, Message = "Call {CallId} fired before it is due at {DueAt:O}; left to the trigger for that time")]
    public static partial void FiredEarly(this ILogger logger, string callId, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 309, Level = LogLevel.Warning, Message = "Call {CallId} fired but its campaign {CampaignId} is not stored")]
    public static partial void UnknownCampaign(this ILogger logger, string callId, string campaignId);

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Stopping: no new call is placed; waiting up to {Grace} for {Count} call(s) in progress")]
    public static partial void Draining(this ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 312, Level = LogLevel.Error, Message = "Stopping: {Count} call(s) still running after being interrupted; the next start recovers them")]
    public static partial void StillRunning(this ILogger logger, int count);

    [LoggerMessage(EventId = 313, Level = LogLevel.Warning, Message = "Call {CallId} attempt {AttemptCallId} is still going at the carrier; following it instead of dialling again")]
    public static partial void Resuming(this ILogger logger, string callId, string attemptCallId);
}
