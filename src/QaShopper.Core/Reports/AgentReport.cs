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
    /// <summary>The weakest items: lowest pass rate first, only items that failed at least once.</summary>
    public IReadOnlyList<ItemPassRate> WeakestItems(int count) =>
        Items.Where(i => i.Failed > 0).Take(count).ToList();
}

/// <summary>How often one checklist item passed; uncertain and not-applicable outcomes are not counted.</summary>
public sealed record ItemPassRate(string ItemId, int Passed, int Failed, int Uncertain)
{
    /// <summary>Passed ÷ (passed + failed), 0..1; null when the item never applied.</summary>
    public double? PassRate => Passed + Failed == 0 ? null : (double)Passed / (Passed + Failed);
}

/// <summary>One call in a report.</summary>
public sealed record CallSummary(string CallId, DateTimeOffset PlacedAt, string ScenarioId, CallStatus Status, double? Score, Grade? Grade, bool NeedsReview);
