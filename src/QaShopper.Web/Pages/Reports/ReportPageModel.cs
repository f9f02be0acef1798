using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Reports;

namespace QaShopper.Web.Pages.Reports;

/// <summary>What every report page shares: the filter from the query string (bad input is a 400 with the reason) and the CSV export of its tables.</summary>
public abstract class ReportPageModel(TimeProvider clock, ILogger logger) : PageModel
{
    /// <summary>The tables the page shows (and exports).</summary>
    public IReadOnlyList<ReportTable> Tables { get; protected set; } = [];

    /// <summary>The page's query string (filters) without format and table, for the CSV links.</summary>
    public string FilterQuery { get; protected set; } = "";

    /// <summary>Today (UTC), the default end of a range.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The named table.</summary>
    public ReportTable Table(string name) => Tables.First(t => t.Name == name);

    /// <summary>A 400 with the reason in plain text.</summary>
    protected IActionResult Refuse(string reason)
    {
        ReportLog.BadReportRequest(logger, reason);
        return new ContentResult { StatusCode = 400, Content = reason, ContentType = "text/plain; charset=utf-8" };
    }

    /// <summary>With <c>?format=csv</c>, the table named by <c>table</c> (default the first) as a CSV download; else the page.</summary>
    protected IActionResult PageOrCsv(string fileStem)
    {
        var format = Request.Query["format"].ToString();
        if (string.IsNullOrEmpty(format) || format == "html")
        {
            return Page();
        }

        if (format != "csv")
        {
            return Refuse($"format: '{format}' is not html or csv");
        }

        var name = Request.Query["table"].ToString();
        var table = string.IsNullOrEmpty(name) ? Tables[0] : Tables.FirstOrDefault(t => t.Name == name);
        if (table is null)
        {
            return Refuse($"table: '{name}' is not one of {string.Join(", ", Tables.Select(t => t.Name))}");
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        table.WriteCsv(text);
        var safeStem = new string([.. fileStem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{safeStem}-{table.Name}.csv");
    }
}
