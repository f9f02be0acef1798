using CsvHelper;

namespace QaShopper.Rendering;

/// <summary>A table as CSV on stdout, for a spreadsheet or a script: RFC 4180, formula-looking text escaped.</summary>
internal static class CsvTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        // Ids and reasons come from files and calls, so a field starting with = + - @ gets a leading ' and is quoted:
        // a spreadsheet shows it as text instead of running it as a formula.
        var options = new CsvWriterOptions { Mode = CsvMode.Rfc4180, Injection = CsvInjection.Escape };
        using var csv = CsvWriter.Create(output, options, true);
        csv.WriteRecord([.. header]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. row]);
        }
    }
}
