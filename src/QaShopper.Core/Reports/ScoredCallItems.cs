using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Reports;

/// <summary>What a team report needs of one scored call: its agent, time, score and item outcomes; no transcript or evidence.</summary>
/// <param name="CallId">The stored call.</param>
/// <param name="Agent">The agent the score names, else the call's; null when unidentified.</param>
/// <param name="ReportedAt">The time reports file the call under (<see cref="CallRecord.ReportedAt"/>).</param>
/// <param name="ScenarioId">The scenario played.</param>
/// <param name="Score">Its score.</param>
/// <param name="Grade">Its grade.</param>
/// <param name="Items">Every item's outcome, weight and criticality, in checklist order.</param>
public sealed record ScoredCallItems(string CallId, string? Agent, DateTimeOffset ReportedAt, string ScenarioId, double Score, Grade Grade, IReadOnlyList<ScoredItem> Items);

/// <summary>One item of a <see cref="ScoredCallItems"/>.</summary>
public sealed record ScoredItem(string Id, ItemOutcome Outcome, double Weight, bool Critical);
