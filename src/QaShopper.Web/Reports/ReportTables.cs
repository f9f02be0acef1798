using System.Globalization;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Reports;

/// <summary>The tables of each report page; the page shows them and <c>?format=csv&amp;table=NAME</c> downloads them.</summary>
public static class ReportTables
{
    private static readonly Grade[] Grades = Enum.GetValues<Grade>();

    /// <summary>The agents list.</summary>
    public static IReadOnlyList<ReportTable> Of(AgentListReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var query = report.Filter.QueryString();
        return
        [
            new ReportTable("agents", "Agents", ["Agent", "Name", "Site", "Calls", "Mean score", .. Grades.Select(g => g.ToString()), "Needs review", "Weakest items"],
            [
                .. report.Agents.Select(a => (IReadOnlyList<ReportCell>)
                [
                    new ReportCell(a.Agent, $"/reports/agents/{Uri.EscapeDataString(a.Agent)}?{query}"),
                    a.Name ?? "", a.Site ?? "", ReportCell.Number(a.Calls), ReportCell.Number(a.AverageScore),
                    .. Grades.Select(g => ReportCell.Number(a.GradeCounts.GetValueOrDefault(g))),
                    ReportCell.Number(a.NeedsReview), string.Join(' ', a.WeakestItems),
                ]),
            ]),
        ];
    }

    /// <summary>One agent's page.</summary>
    public static IReadOnlyList<ReportTable> Of(AgentDetailReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new ReportTable("trend", "Score by week", ["Week", "Calls", "Mean score", "Team calls", "Team mean"],
            [
                .. report.Trend.Select(w => (IReadOnlyList<ReportCell>)
                [
                    w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReportCell.Number(w.AgentCalls), ReportCell.Number(w.AgentMean),
                    ReportCell.Number(w.TeamCalls), ReportCell.Number(w.TeamMean),
                ]),
            ]),
            Items("weakest", "Weakest items (what cost most points, critical first)", report.WeakestItems),
            Items("items", "Checklist items against the team", report.Items),
            new ReportTable("calls", "Last calls", ["Call", "Planned for", "Placed", "Scenario", "Status", "Score", "Grade", "Needs review"],
            [
                .. report.LastCalls.Select(c => (IReadOnlyList<ReportCell>)
                [
                    new ReportCell(c.CallId, $"/calls/{Uri.EscapeDataString(c.CallId)}"),
                    Time(c.ReportedAt), Time(c.PlacedAt), c.ScenarioId, c.Status.ToString(), ReportCell.Number(c.Score),
                    c.Grade?.ToString() ?? "-", c.NeedsReview ? "yes" : "no",
                ]),
            ]),
        ];
    }

    /// <summary>The team page.</summary>
    public static IReadOnlyList<ReportTable> Of(TeamReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cells = report.HeatMap.ToDictionary(h => (h.Period, h.ItemId));
        return
        [
            Deductions("pareto", "Points lost by item (Pareto)", report.Deductions),
            new ReportTable("heatmap", "Failure rate by service period and item", ["Period", .. report.Items],
            [
                .. report.Periods.Select(p => (IReadOnlyList<ReportCell>)
                [
                    p,
                    .. report.Items.Select(i => cells.TryGetValue((p, i), out var cell)
                        ? new ReportCell(Percent(cell.FailRate), CssClass: HeatClass(cell.FailRate))
                        : new ReportCell("-", CssClass: "heat-none")),
                ]),
            ]),
            new ReportTable("sites", "Grades by site", ["Site", "Calls", "Mean score", .. Grades.Select(g => g.ToString())],
            [
                .. report.Sites.Select(s => (IReadOnlyList<ReportCell>)
                [
                    s.Site, ReportCell.Number(s.Calls), ReportCell.Number(s.AverageScore), .. Grades.Select(g => ReportCell.Number(s.GradeCounts.GetValueOrDefault(g))),
                ]),
            ]),
        ];
    }

    /// <summary>The monthly summary.</summary>
    public static IReadOnlyList<ReportTable> Of(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new ReportTable("summary", "Summary", ["Month", "Calls", "Scored", "Mean score", .. Grades.Select(g => g.ToString()), "Needs review", "Agents reached", "Agents not reached", "Unidentified calls"],
            [
                [
                    report.Month, ReportCell.Number(report.Calls), ReportCell.Number(report.ScoredCalls), ReportCell.Number(report.AverageScore),
                    .. Grades.Select(g => ReportCell.Number(report.GradeCounts.GetValueOrDefault(g))), ReportCell.Number(report.NeedsReview),
                    ReportCell.Number(report.AgentsReached), ReportCell.Number(report.AgentsNotReached.Count), ReportCell.Number(report.UnidentifiedCalls),
                ],
            ]),
            Deductions("deductions", "Top deductions", report.TopDeductions),
            new ReportTable("not-reached", "Agents not reached (no call identified as theirs)", ["Agent"], [.. report.AgentsNotReached.Select(a => (IReadOnlyList<ReportCell>)[new ReportCell(a, $"/reports/agents/{Uri.EscapeDataString(a)}")])]),
        ];
    }

    /// <summary>The CSS class of a heat-map cell: six steps of failure rate.</summary>
    public static string HeatClass(double? failRate) => failRate is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"heat-{Math.Min(5, (int)Math.Ceiling(r * 5))}")
        : "heat-none";

    private static ReportTable Items(string name, string title, IReadOnlyList<ItemComparison> items) =>
        new(name, title, ["Item", "Wording", "Critical", "Passed", "Failed", "Uncertain", "Points lost", "Pass rate", "Team pass rate"],
        [
            .. items.Select(i => (IReadOnlyList<ReportCell>)
            [
                i.ItemId, i.Text ?? "", i.Agent.Critical ? "yes" : "no", ReportCell.Number(i.Agent.Passed), ReportCell.Number(i.Agent.Failed),
                ReportCell.Number(i.Agent.Uncertain), ReportCell.Number(i.Agent.PointsLost, "0.##"), ReportCell.Percent(i.Agent.PassRate), ReportCell.Percent(i.TeamPassRate),
            ]),
        ]);

    private static ReportTable Deductions(string name, string title, IReadOnlyList<Deduction> deductions) =>
        new(name, title, ["Item", "Wording", "Critical", "Failures", "Points lost", "Cumulative %"],
        [
            .. deductions.Select(d => (IReadOnlyList<ReportCell>)
            [
                d.ItemId, d.Text ?? "", d.Critical ? "yes" : "no", ReportCell.Number(d.Failures), ReportCell.Number(d.PointsLost, "0.##"), ReportCell.Number(d.CumulativePercent),
            ]),
        ]);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
