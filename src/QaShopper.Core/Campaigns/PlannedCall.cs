namespace QaShopper.Core.Campaigns;

/// <summary>One call of a campaign plan: when, where, with what, disguised how.</summary>
/// <param name="CallId">Deterministic for the campaign, seed and position: <c>{campaign}-{yyyyMMdd}-{nnnn}</c>.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="SiteId">The site the line rings at.</param>
/// <param name="Line">The number called (E.164).</param>
/// <param name="Period">The service period the call falls in.</param>
/// <param name="LocalDate">The site-local date of the period occurrence.</param>
/// <param name="At">When to dial (UTC offset 0).</param>
/// <param name="WindowEnd">When the open part of the period occurrence ends: retries and late runs must start before it.</param>
/// <param name="ScenarioId">The scenario to play.</param>
/// <param name="CallerNumber">The caller id shown to the agent.</param>
/// <param name="CallerVoice">The caller's voice, or null for the synthesizer's choice.</param>
/// <param name="Seed">Seed for the call's template picks and anything random the carrier does.</param>
public sealed record PlannedCall(
    string CallId,
    string CampaignId,
    string SiteId,
    string Line,
    string Period,
    DateOnly LocalDate,
    DateTimeOffset At,
    DateTimeOffset WindowEnd,
    string ScenarioId,
    string CallerNumber,
    string? CallerVoice,
    int Seed);

/// <summary>
/// The planner's answer for a date range: the calls, and every reason the campaign cannot be met as written.
/// A plan with problems still lists the calls that fit, so the user sees how far off it is.
/// </summary>
public sealed record CampaignPlan(Campaign Campaign, DateOnly From, DateOnly To, IReadOnlyList<PlannedCall> Calls, IReadOnlyList<PlanProblem> Problems)
{
    public bool IsFeasible => Problems.Count == 0;
}

/// <summary>Why a campaign cannot be planned as written, with the numbers (needed vs. possible).</summary>
/// <param name="Subject">What it concerns: a line number, a site, a site's period.</param>
/// <param name="Message">The whole explanation, e.g. "needs 42 calls in the week from 2026-11-23, its periods allow at most 30".</param>
public sealed record PlanProblem(string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Message}";
}
