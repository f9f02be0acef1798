using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Results;

/// <summary>How a placed (or planned) call ended.</summary>
public enum CallStatus
{
    Completed,
    NoAnswer,
    Busy,
    Failed,
    Cancelled,
    Skipped,
}

/// <summary>One test call as stored: who was called, with which scenario version, how it went.</summary>
/// <param name="CallId">Unique; the idempotency key of the pipeline.</param>
/// <param name="ScenarioId">The scenario played.</param>
/// <param name="ScenarioHash">The exact scenario version (content hash).</param>
/// <param name="AgentId">The agent, when known (lower-case).</param>
/// <param name="Carrier">Which carrier placed it (<c>simulated</c>, <c>twilio</c>) or <c>import</c> for a scored transcript.</param>
/// <param name="PlacedAt">When the call was dialled (or imported).</param>
/// <param name="Status">How the call ended.</param>
/// <param name="AnsweredAfter">Seconds from dialling to answer; null when not answered.</param>
/// <param name="Duration">Seconds from answer to end.</param>
/// <param name="RecordingPath">The two-channel recording, when there is one.</param>
/// <param name="Transcript">What was said, when transcribed.</param>
/// <param name="TemplateChoices">The <c>{{pick}}</c> choices made for this call, by template location.</param>
/// <param name="PlannedFor">
/// When the campaign planned the call for, or null for a call outside any campaign. Reports and their date filters go by
/// <see cref="ReportedAt"/>, so a campaign run at once (<c>--now</c>) still reports in the week it was planned for.
/// </param>
public sealed record CallRecord(
    string CallId,
    string ScenarioId,
    string ScenarioHash,
    string? AgentId,
    string Carrier,
    DateTimeOffset PlacedAt,
    CallStatus Status,
    double? AnsweredAfter,
    double? Duration,
    string? RecordingPath,
    Transcript? Transcript,
    IReadOnlyDictionary<string, string> TemplateChoices,
    DateTimeOffset? PlannedFor = null)
{
    /// <summary>The time reports file the call under: the planned time of a campaign call, else when it was placed.</summary>
    public DateTimeOffset ReportedAt => PlannedFor ?? PlacedAt;
}

/// <summary>An agent of the call centre.</summary>
public sealed record AgentRecord(string Id, string? Name, string? StaffNumber, string? Site);

/// <summary>A call with its score, as read back from the store.</summary>
/// <param name="Call">The call.</param>
/// <param name="Score">The call's effective score: the automatic one with reviewers' latest overrides applied.</param>
/// <param name="ScoredAt">When the call was scored.</param>
public sealed record StoredCall(CallRecord Call, CallScore? Score, DateTimeOffset? ScoredAt)
{
    /// <summary>The score as the scorer made it, when overrides changed <see cref="Score"/>; null when it is unchanged.</summary>
    public CallScore? ScoreBeforeOverrides { get; init; }

    /// <summary>The score as the scorer made it, whatever reviewers changed since.</summary>
    public CallScore? AutomaticScore => ScoreBeforeOverrides ?? Score;
}

/// <summary>A reviewer's override of one item, stored beside (never over) the automatic outcome.</summary>
public sealed record ItemOverride(string CallId, string ItemId, ItemOutcome Outcome, string Reviewer, string? Note, DateTimeOffset At);

/// <summary>
/// Which calls to read: all filters optional; <paramref name="From"/> and <paramref name="To"/> (exclusive) select by
/// <see cref="CallRecord.ReportedAt"/>.
/// </summary>
public sealed record CallQuery(string? AgentId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? ScenarioId = null);
