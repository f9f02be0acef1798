namespace QaShopper.Core.Campaigns;

/// <summary>A campaign as scheduled: the campaign, the exact text it was read from, and how it was started.</summary>
/// <param name="Campaign">The campaign (its <see cref="Campaign.ContentHash"/> names the version).</param>
/// <param name="SourceText">The campaign file's text, kept so a report can show what was asked for.</param>
/// <param name="Seed">The seed the plan was made with.</param>
/// <param name="StartedAt">When it was first scheduled.</param>
/// <param name="Mode">How its times were mapped to trigger times: <c>on-time</c>, <c>now</c> or <c>accelerated:60</c>.</param>
/// <param name="ScenarioVersions">
/// The content hash of each scenario (by id) when the campaign started: its calls follow these versions, read back from
/// the result store, whatever the scenario folder holds later.
/// </param>
public sealed record ScheduledCampaign(Campaign Campaign, string SourceText, int Seed, DateTimeOffset StartedAt, string Mode, IReadOnlyDictionary<string, string> ScenarioVersions);

/// <summary>A planned call with where it is now.</summary>
/// <param name="Call">The plan (its <see cref="PlannedCall.At"/> and <see cref="PlannedCall.WindowEnd"/> move when a misfire re-plans it).</param>
/// <param name="State">Its state.</param>
/// <param name="Attempts">Attempts started so far.</param>
/// <param name="AttemptCallId">The call id of the latest attempt (the id the carrier and the result store know), or null before the first.</param>
/// <param name="DueAt">When its trigger fires next (the planned time, mapped by the campaign's mode, or a retry's time).</param>
/// <param name="Reason">Why it ended as it did (no retry left, skipped because ...), when there is more to say than the state.</param>
/// <param name="AgentId">The agent who answered the latest attempt, from the stored call or its score, when known.</param>
/// <param name="Score">The latest attempt's score, when it was answered and scored.</param>
public sealed record CampaignCall(
    PlannedCall Call,
    CampaignCallState State,
    int Attempts,
    string? AttemptCallId,
    DateTimeOffset DueAt,
    string? Reason,
    string? AgentId,
    double? Score = null);

/// <summary>One entry of a planned call's history.</summary>
public sealed record CampaignCallEvent(string CallId, DateTimeOffset At, CampaignCallEventKind Kind, string? Detail);

/// <summary>A planned call as handed to the store: the plan and when its trigger first fires.</summary>
public sealed record PlannedCallDue(PlannedCall Call, DateTimeOffset DueAt);
