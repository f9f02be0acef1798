using QaShopper.Core.Campaigns;

namespace QaShopper.Core.Ports;

/// <summary>
/// Where scheduled campaigns, their planned calls and each call's history are kept. Every transition is one
/// transaction that also appends its history entry, and is conditional on the call's current state, so two
/// firings of the same trigger can never both start a call.
/// </summary>
public interface ICampaignStore
{
    /// <summary>
    /// Stores the campaign (once: a campaign id already stored keeps its first version and start time) and its planned
    /// calls in state <see cref="CampaignCallState.Planned"/>; calls already stored are left as they are.
    /// </summary>
    /// <returns>The calls that were new.</returns>
    Task<IReadOnlyList<string>> SaveCampaignAsync(ScheduledCampaign campaign, IReadOnlyList<PlannedCallDue> calls, CancellationToken cancellationToken = default);

    /// <summary>Reads a campaign, or null.</summary>
    Task<ScheduledCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Every scheduled campaign, newest first.</summary>
    Task<IReadOnlyList<ScheduledCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one planned call, or null.</summary>
    Task<CampaignCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Reads a campaign's planned calls in planned order.</summary>
    Task<IReadOnlyList<CampaignCall>> GetCallsAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Reads every call, of any campaign, in <paramref name="state"/> (for start-up recovery).</summary>
    Task<IReadOnlyList<CampaignCall>> GetCallsInStateAsync(CampaignCallState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Planned → Running for the next attempt, recorded as <paramref name="attemptCallId"/>. False (and nothing
    /// written) when the call is not Planned: it was started, finished or cancelled already.
    /// </summary>
    Task<bool> TryStartAsync(string callId, string attemptCallId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a call in a final state. With <paramref name="attemptCallId"/>: the call must be Running that attempt (so an
    /// attempt a restart already dealt with cannot end it a second time); without: the call must be Planned (skipped
    /// before it ran). False, and nothing written, otherwise.
    /// </summary>
    Task<bool> FinishAsync(string callId, string? attemptCallId, CampaignCallState state, string? reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Running attempt <paramref name="attemptCallId"/> → Planned again, due at <paramref name="dueAt"/> for the next
    /// attempt. False when the call is not Running that attempt, or its campaign was cancelled.
    /// </summary>
    Task<bool> ScheduleRetryAsync(string callId, string attemptCallId, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Moves a Planned call to a new time and period occurrence (a misfire re-plan). False when the call was not Planned.</summary>
    Task<bool> RescheduleAsync(string callId, DateTimeOffset at, DateTimeOffset windowEnd, DateOnly localDate, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Appends a history entry that changes no state (a late run, a recovery note).</summary>
    Task AddEventAsync(string callId, CampaignCallEventKind kind, string? detail, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Reads a call's history, oldest first.</summary>
    Task<IReadOnlyList<CampaignCallEvent>> GetEventsAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the campaign cancelled and every Planned call of it Cancelled; running calls are left to finish, and
    /// none of them is retried afterwards.
    /// </summary>
    /// <returns>The calls cancelled.</returns>
    Task<IReadOnlyList<string>> CancelCampaignAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);
}
