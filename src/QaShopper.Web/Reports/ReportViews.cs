using QaShopper.Core.Reports;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Reports;

/// <summary>One agent in the agents list.</summary>
public sealed record AgentRow(string Agent, string? Name, string? Site, int Calls, double? AverageScore, IReadOnlyDictionary<Grade, int> GradeCounts, int NeedsReview, IReadOnlyList<string> WeakestItems);

/// <summary>The agents list: every agent with calls in the range (and the site and scenario asked for).</summary>
public sealed record AgentListReport(ReportFilter Filter, IReadOnlyList<AgentRow> Agents);

/// <summary>One week of the score trend: the agent's scored calls and mean beside the whole team's (null: none scored).</summary>
public sealed record TrendWeek(DateOnly WeekStart, int AgentCalls, double? AgentMean, int TeamCalls, double? TeamMean);

/// <summary>One checklist item of an agent, beside the team's pass rate for it over the same range.</summary>
public sealed record ItemComparison(string ItemId, string? Text, ItemPassRate Agent, double? TeamPassRate);

/// <summary>One agent's page: the report, the weekly trend against the team, items against the team.</summary>
public sealed record AgentDetailReport(
    ReportFilter Filter,
    string Agent,
    string? Name,
    string? Site,
    int Calls,
    double? AverageScore,
    double? TeamAverageScore,
    IReadOnlyDictionary<Grade, int> GradeCounts,
    int NeedsReview,
    IReadOnlyList<TrendWeek> Trend,
    IReadOnlyList<ItemComparison> Items,
    IReadOnlyList<ItemComparison> WeakestItems,
    IReadOnlyList<CallSummary> LastCalls);

/// <summary>One item's deductions: points lost over the range, its failures, and the Pareto's running share.</summary>
public sealed record Deduction(string ItemId, string? Text, double PointsLost, int Failures, bool Critical, double CumulativePercent);

/// <summary>One cell of the heat map: an item's failures in one service period.</summary>
public sealed record HeatCell(string Period, string ItemId, int Failed, int Judged)
{
    /// <summary>Failed ÷ judged (passed + failed); null when the item was never judged in the period.</summary>
    public double? FailRate => Judged == 0 ? null : (double)Failed / Judged;
}

/// <summary>The grades of one site's calls.</summary>
public sealed record SiteGrades(string Site, int Calls, double? AverageScore, IReadOnlyDictionary<Grade, int> GradeCounts);

/// <summary>The team page: deductions (Pareto), service period × item failure rates, grades by site.</summary>
public sealed record TeamReport(
    ReportFilter Filter,
    int ScoredCalls,
    IReadOnlyList<Deduction> Deductions,
    IReadOnlyList<string> Periods,
    IReadOnlyList<string> Items,
    IReadOnlyList<HeatCell> HeatMap,
    IReadOnlyList<SiteGrades> Sites);

/// <summary>
/// The monthly summary. <c>AgentsNotReached</c>: roster agents with no call filed under them in the month;
/// <c>UnidentifiedCalls</c>: scored calls whose agent could not be identified (someone was reached, not known who).
/// While <c>UnidentifiedCalls</c> is above zero an agent "not reached" may have answered one of those calls: the
/// monthly page says so next to the list rather than letting it read as "never called".
/// </summary>
public sealed record MonthlyReport(
    string Month,
    int Calls,
    int ScoredCalls,
    double? AverageScore,
    IReadOnlyDictionary<Grade, int> GradeCounts,
    int NeedsReview,
    int AgentsReached,
    IReadOnlyList<Deduction> TopDeductions,
    IReadOnlyList<string> AgentsNotReached,
    int UnidentifiedCalls);
