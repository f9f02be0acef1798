using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Reports;

namespace QaShopper.Web.Pages.Reports;

/// <summary><c>/reports/team</c>: the Pareto of deductions, service period × item failure rates, grades by site.</summary>
public sealed class TeamModel(ReportService reports, TimeProvider clock, ILogger<TeamModel> logger) : ReportPageModel(clock, logger)
{
    /// <summary>The report shown.</summary>
    public TeamReport Report { get; private set; } = null!;

    /// <summary>Shows the team, or one of its tables as CSV.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReportFilter.TryRead(Request.Query, Today, out var filter, out var error))
        {
            return Refuse(error!);
        }

        Report = await reports.TeamAsync(filter, cancellationToken).ConfigureAwait(false);
        Tables = ReportTables.Of(Report);
        FilterQuery = filter.QueryString();
        return PageOrCsv("team");
    }

    /// <summary>The Pareto chart of points lost by item.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent ParetoChart() => SvgCharts.Pareto(
        "Points lost by item, with the cumulative share",
        [.. Report.Deductions.Select(d => new ChartBar(d.ItemId, d.PointsLost, d.CumulativePercent))]);
}
