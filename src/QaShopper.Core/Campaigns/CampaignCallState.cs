namespace QaShopper.Core.Campaigns;

/// <summary>
/// Where a planned call of a campaign is. <see cref="Planned"/> and <see cref="Running"/> are on the way; every other
/// state is final, and every planned call ends in exactly one of them.
/// </summary>
public enum CampaignCallState
{
    Planned,
    Running,
    Completed,
    NoAnswer,
    Busy,
    Failed,
    Cancelled,
    Skipped,
}

/// <summary>What happened to a planned call, kept in its append-only history.</summary>
public enum CampaignCallEventKind
{
    Planned,
    Started,
    RetryScheduled,
    MisfiredRanLate,
    Replanned,
    Skipped,
    Cancelled,
    Interrupted,
    Recovered,
    Completed,
    NoAnswer,
    Busy,
    Failed,

    /// <summary>A host started again found the attempt still going at the carrier and followed it instead of dialling again.</summary>
    Resumed,
}

/// <summary>Helpers over <see cref="CampaignCallState"/>.</summary>
public static class CampaignCallStates
{
    /// <summary>True for the states a call never leaves.</summary>
    public static bool IsFinal(this CampaignCallState state) => state is not (CampaignCallState.Planned or CampaignCallState.Running);

    /// <summary>The campaign state a placed call's status ends it in (before any retry).</summary>
    public static CampaignCallState FromCallStatus(Results.CallStatus status) => status switch
    {
        Results.CallStatus.Completed => CampaignCallState.Completed,
        Results.CallStatus.NoAnswer => CampaignCallState.NoAnswer,
        Results.CallStatus.Busy => CampaignCallState.Busy,
        Results.CallStatus.Failed => CampaignCallState.Failed,
        Results.CallStatus.Cancelled => CampaignCallState.Cancelled,
        Results.CallStatus.Skipped => CampaignCallState.Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a call status"),
    };

    /// <summary>The history entry that records a call ending in <paramref name="state"/>.</summary>
    public static CampaignCallEventKind FinalEvent(this CampaignCallState state) => state switch
    {
        CampaignCallState.Completed => CampaignCallEventKind.Completed,
        CampaignCallState.NoAnswer => CampaignCallEventKind.NoAnswer,
        CampaignCallState.Busy => CampaignCallEventKind.Busy,
        CampaignCallState.Failed => CampaignCallEventKind.Failed,
        CampaignCallState.Cancelled => CampaignCallEventKind.Cancelled,
        CampaignCallState.Skipped => CampaignCallEventKind.Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a final state"),
    };

    /// <summary>The id of one attempt at a planned call: the call id, then <c>-r1</c>, <c>-r2</c> for retries.</summary>
    /// <param name="callId">The planned call.</param>
    /// <param name="attempt">1 for the first attempt.</param>
    public static string AttemptCallId(string callId, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        return attempt == 1 ? callId : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{callId}-r{attempt - 1}");
    }
}
