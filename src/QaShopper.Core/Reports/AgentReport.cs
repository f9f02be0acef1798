using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Reports;

/// <summary>One agent's test calls summarised for a QA manager.</summary>
/// <param name="Agent">Agent id, or <see cref="AgentReportBuilder.Unidentified"/>.</param>
/// <param name="Calls">Scored test calls in the period.</param>
/// <param name="AverageScore">Mean score of the scored calls, one decimal; null when none were scored.</param>
/// <param name="GradeCounts">How many calls got each grade.</param>
/// <param name="NeedsReview">Calls waiting for a reviewer.</param>
/// <param name="Items">Pass rate of every checklist item the agent was scored on, weakest first.</param>
/// <param name="LastCalls">The most recent calls, newest first.</param>
public sealed record AgentReport(
    string Agent,
    int Calls,
    double? AverageScore,
    IReadOnlyDictionary<Grade, int> GradeCounts,
    int NeedsReview,
    IReadOnlyList<ItemPassRate> Items,
    IReadOnlyList<CallSummary> LastCalls)
{
    /// <summary>
    /// The weakest items, only items that failed at least once: critical items first (one failure fails the call), then
    /// by points lost, then by failures; what cost the agent most comes first, whatever the item's name.
    /// </summary>
    public IReadOnlyList<ItemPassRate> WeakestItems(int count) => ItemPassRate.ByCost(Items.Where(i => i.Failed > 0)).Take(count).ToList();
}

/// <summary>How often one checklist item passed; uncertain and not-applicable outcomes are not counted.</summary>
/// <param name="ItemId">The checklist item.</param>
/// <param name="Passed">Calls it passed.</param>
/// <param name="Failed">Calls it failed.</param>
/// <param name="Uncertain">Calls where it rests on low-confidence speech.</param>
/// <param name="PointsLost">Score points its failures cost, summed over the calls (see <see cref="PointsLostBy"/>), two decimals.</param>
/// <param name="Critical">True when the item is critical in a scenario it was scored in (a failure fails the call).</param>
public sealed record ItemPassRate(string ItemId, int Passed, int Failed, int Uncertain, double PointsLost = 0, bool Critical = false)
{
    /// <summary>Passed ÷ (passed + failed), 0..1; null when the item never applied.</summary>
    public double? PassRate => Passed + Failed == 0 ? null : (double)Passed / (Passed + Failed);

    /// <summary>Failed ÷ (passed + failed), 0..1; null when the item never applied.</summary>
    public double? FailRate => Passed + Failed == 0 ? null : (double)Failed / (Passed + Failed);

    /// <summary>
    /// The points each failed item cost one call: the score is 100 × passed weight ÷ applicable weight, so a failed item
    /// takes 100 × its weight ÷ the applicable weight (uncertain items count as applicable, as the scorer counts them).
    /// Decimal, so sums are exact in any order: a store summing aggregates agrees with a sum over the calls.
    /// </summary>
    public static IEnumerable<(string ItemId, decimal Points)> PointsLostBy(CallScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return PointsLostBy(score.Items, i => i.Id, i => i.Outcome, i => i.Weight);
    }

    /// <summary><see cref="PointsLostBy(CallScore)"/> over any stored form of a call's items.</summary>
    public static IEnumerable<(string ItemId, decimal Points)> PointsLostBy<T>(IReadOnlyCollection<T> items, Func<T, string> id, Func<T, ItemOutcome> outcome, Func<T, double> weight)
    {
        ArgumentNullException.ThrowIfNull(items);
        var applicable = items.Where(i => outcome(i) != ItemOutcome.NotApplicable).Sum(weight);
        return applicable <= 0
            ? []
            : items.Where(i => outcome(i) == ItemOutcome.Failed).Select(i => (id(i), (decimal)(100 * weight(i) / applicable)));
    }

    /// <summary>The reported figure of an exact sum of <see cref="PointsLostBy"/>: two decimals.</summary>
    public static double RoundPoints(decimal points) => (double)Math.Round(points, 2, MidpointRounding.AwayFromZero);

    /// <summary>Critical first, then most points lost, then most failures, then by id (so equal costs keep a stable order).</summary>
    public static IEnumerable<ItemPassRate> ByCost(IEnumerable<ItemPassRate> items) => items
        .OrderByDescending(i => i.Critical && i.Failed > 0)
        .ThenByDescending(i => Math.Round(i.PointsLost, 6))
        .ThenByDescending(i => i.Failed)
        .ThenBy(i => i.ItemId, StringComparer.Ordinal);
}

/// <summary>One call in a report.</summary>
/// <param name="CallId">The stored call.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="ScenarioId">The scenario played.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Score">Its score, when scored.</param>
/// <param name="Grade">Its grade, when scored.</param>
/// <param name="NeedsReview">True when it waits for a reviewer.</param>
/// <param name="PlannedFor">When its campaign planned it for; null outside campaigns.</param>
public sealed record CallSummary(string CallId, DateTimeOffset PlacedAt, string ScenarioId, CallStatus Status, double? Score, Grade? Grade, bool NeedsReview, DateTimeOffset? PlannedFor = null)
{
    /// <summary>The time reports file the call under (<see cref="CallRecord.ReportedAt"/>).</summary>
    public DateTimeOffset ReportedAt => PlannedFor ?? PlacedAt;
}
