using System.Globalization;

namespace QaShopper.Core.Campaigns;

/// <summary>Numbers, dates and durations in problem messages, written the way the campaign file writes them.</summary>
internal static class PlanText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"20m", "1h30m", "45s": the campaign file's duration syntax.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = string.Empty;
        if (span.Days > 0 || span.Hours > 0)
        {
            text += ((span.Days * 24) + span.Hours).ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (span.Minutes > 0)
        {
            text += span.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (span.Seconds > 0)
        {
            text += span.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return text;
    }

    public static string Calls(int count) => count == 1 ? "1 call" : count.ToString(CultureInfo.InvariantCulture) + " calls";
}
