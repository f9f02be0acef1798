using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Reports;

namespace QaShopper.Web.Pages.Reports;

/// <summary><c>/reports/agents</c>: every agent with calls in the range.</summary>
public sealed class AgentsModel(ReportService reports, TimeProvider clock, ILogger<AgentsModel> logger) : ReportPageModel(clock, logger)
{
    /// <summary>The report shown.</summary>
    public AgentListReport Report { get; private set; } = null!;

    /// <summary>Shows the list, or its CSV.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReportFilter.TryRead(Request.Query, Today, out var filter, out var error))
        {
            return Refuse(error!);
        }

        Report = await reports.AgentsAsync(filter, cancellationToken).ConfigureAwait(false);
        Tables = ReportTables.Of(Report);
        FilterQuery = filter.QueryString();
        return PageOrCsv("agents");
    }
}
