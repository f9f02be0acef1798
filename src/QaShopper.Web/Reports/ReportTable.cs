using System.Globalization;
using CsvHelper;

namespace QaShopper.Web.Reports;

/// <summary>One cell: its text (what the CSV holds), and on the page an optional link and CSS class.</summary>
public sealed record ReportCell(string Text, string? Href = null, string? CssClass = null)
{
    /// <summary>A right-aligned number cell.</summary>
    public static ReportCell Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), CssClass: "num");

    /// <summary>A right-aligned number cell with one decimal, or "-".</summary>
    public static ReportCell Number(double? value, string format = "0.0") =>
        new(value?.ToString(format, CultureInfo.InvariantCulture) ?? "-", CssClass: "num");

    /// <summary>A rate 0..1 as a whole percentage, or "-".</summary>
    public static ReportCell Percent(double? rate) =>
        new(rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "-", CssClass: "num");

    /// <summary>Plain text.</summary>
    public static implicit operator ReportCell(string text) => new(text);

    /// <summary>Plain text (for languages without implicit conversions).</summary>
    public static ReportCell FromString(string text) => new(text);
}

/// <summary>
/// One table of a report, as the page shows it and as its CSV export writes it: the same rows either way, so what a
/// manager downloads is what they saw.
/// </summary>
/// <param name="Name">Its name in <c>?format=csv&amp;table=NAME</c> and in the file name.</param>
/// <param name="Title">Its heading on the page.</param>
/// <param name="Columns">Column headers (the CSV header is these in lower case with underscores).</param>
/// <param name="Rows">The rows, each as many cells as columns.</param>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    /// <summary>The CSV header names: <c>Pass rate</c> becomes <c>pass_rate</c>.</summary>
    public IEnumerable<string> CsvHeader => Columns.Select(c => c.ToLowerInvariant().Replace(' ', '_').Replace("%", "percent", StringComparison.Ordinal));

    /// <summary>Writes the table as CSV (RFC 4180, formula-looking text escaped as the CLI's CSV does).</summary>
    public void WriteCsv(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Agent, item and scenario ids come from files and calls, so a field starting with = + - @ is escaped: a
        // spreadsheet shows it as text instead of running it as a formula.
        var options = new CsvWriterOptions { Mode = CsvMode.Rfc4180, Injection = CsvInjection.Escape };
        using var csv = CsvWriter.Create(output, options, true);
        csv.WriteRecord([.. CsvHeader]);
        foreach (var row in Rows)
        {
            csv.WriteRecord([.. row.Select(c => c.Text)]);
        }
    }
}
