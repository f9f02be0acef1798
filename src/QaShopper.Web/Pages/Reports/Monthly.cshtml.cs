using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Reports;

namespace QaShopper.Web.Pages.Reports;

/// <summary><c>/reports/monthly?month=YYYY-MM</c>: the month's calls, mean, grades, top deductions, agents not reached and calls reached but not identified.</summary>
public sealed class MonthlyModel(ReportService reports, TimeProvider clock, ILogger<MonthlyModel> logger) : ReportPageModel(clock, logger)
{
    /// <summary>The report shown.</summary>
    public MonthlyReport Report { get; private set; } = null!;

    /// <summary>Shows the month, or one of its tables as CSV.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReportFilter.TryReadMonth(Request.Query, Today, out var month, out var error))
        {
            return Refuse(error!);
        }

        Report = await reports.MonthlyAsync(month, cancellationToken).ConfigureAwait(false);
        Tables = ReportTables.Of(Report);
        FilterQuery = "month=" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return PageOrCsv("monthly-" + Report.Month);
    }
}
