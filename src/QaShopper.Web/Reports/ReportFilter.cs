using System.Globalization;
using Microsoft.AspNetCore.Http;
using QaShopper.Core.Results;

namespace QaShopper.Web.Reports;

/// <summary>
/// What a report page or API call asks for: UTC days <see cref="From"/> to <see cref="To"/> (both inclusive, by the
/// calls' report time, the planned time of campaign calls), and optionally one site and one scenario.
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, string? Site, string? Scenario)
{
    /// <summary>The default range when none is given: the last twelve weeks, today included.</summary>
    public const int DefaultDays = 84;

    /// <summary>The longest range a report covers (five years), so one request cannot ask for a century of days.</summary>
    public const int MaxDays = 5 * 366;

    /// <summary>The calls of the range, for the store (its end is exclusive).</summary>
    public CallQuery Query(string? agentId = null) => new(agentId, StartOf(From), StartOf(To.AddDays(1)), Scenario);

    /// <summary>The query string that selects this filter again (for links and CSV exports), without a leading '?'.</summary>
    public string QueryString()
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}"), string.Create(CultureInfo.InvariantCulture, $"to={To:yyyy-MM-dd}") };
        if (Site is not null)
        {
            parts.Add("site=" + Uri.EscapeDataString(Site));
        }

        if (Scenario is not null)
        {
            parts.Add("scenario=" + Uri.EscapeDataString(Scenario));
        }

        return string.Join('&', parts);
    }

    /// <summary>Reads <c>from</c>, <c>to</c>, <c>site</c> and <c>scenario</c>; false with the reason when one cannot be used.</summary>
    public static bool TryRead(IQueryCollection query, DateOnly today, out ReportFilter filter, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        filter = new ReportFilter(today.AddDays(1 - DefaultDays), today, null, null);
        error = null;
        if (!TryDate(query, "to", today, out var to, ref error) || !TryDate(query, "from", to.AddDays(1 - DefaultDays), out var from, ref error))
        {
            return false;
        }

        if (to < from)
        {
            error = $"to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}";
            return false;
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            error = $"the range from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is longer than {MaxDays} days";
            return false;
        }

        filter = new ReportFilter(from, to, Text(query, "site"), Text(query, "scenario"));
        return true;
    }

    /// <summary>Reads <c>month</c> as <c>YYYY-MM</c> (default: this month).</summary>
    public static bool TryReadMonth(IQueryCollection query, DateOnly today, out DateOnly month, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        month = new DateOnly(today.Year, today.Month, 1);
        error = null;
        var text = Text(query, "month");
        if (text is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            error = $"month: '{text}' is not a month (YYYY-MM)";
            return false;
        }

        return true;
    }

    private static bool TryDate(IQueryCollection query, string name, DateOnly fallback, out DateOnly value, ref string? error)
    {
        value = fallback;
        var text = Text(query, name);
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        error = $"{name}: '{text}' is not a date (YYYY-MM-DD)";
        return false;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
