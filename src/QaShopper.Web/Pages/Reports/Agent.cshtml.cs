using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Reports;

namespace QaShopper.Web.Pages.Reports;

/// <summary><c>/reports/agents/{id}</c>: one agent's trend against the team, grades, items, last calls.</summary>
public sealed class AgentModel(ReportService reports, TimeProvider clock, ILogger<AgentModel> logger) : ReportPageModel(clock, logger)
{
    /// <summary>The report shown.</summary>
    public AgentDetailReport Report { get; private set; } = null!;

    /// <summary>Shows the agent, or one of its tables as CSV; 404 for an agent never seen.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!ReportFilter.TryRead(Request.Query, Today, out var filter, out var error))
        {
            return Refuse(error!);
        }

        if (await reports.AgentAsync(id, filter, cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Tables = ReportTables.Of(report);
        FilterQuery = report.Filter.QueryString();
        return PageOrCsv("agent-" + report.Agent);
    }

    /// <summary>The weekly trend: the agent's mean and the team's, one point per week with scored calls.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent TrendChart() => SvgCharts.Lines(
        $"Weekly mean score of {Report.Agent} and the team",
        [.. Report.Trend.Select(w => w.WeekStart.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
        [
            // The team first, so the agent's line and points are drawn over it where they meet.
            new ChartSeries("team", "team", [.. Report.Trend.Select(w => w.TeamMean)]),
            new ChartSeries(Report.Agent, "agent", [.. Report.Trend.Select(w => w.AgentMean)]),
        ]);
}
