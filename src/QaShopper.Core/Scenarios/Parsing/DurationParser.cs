using System.Globalization;
using System.Text.RegularExpressions;

namespace QaShopper.Core.Scenarios.Parsing;

internal enum DurationProblem
{
    None,
    MissingUnit,
    Invalid,
    TooLong,
}

/// <summary>Durations as written in scenarios: a number and a unit, optionally compound (<c>1m30s</c>).</summary>
internal static partial class DurationParser
{
    public static DurationProblem Parse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var trimmed = text.Trim();
        if (BareNumber().IsMatch(trimmed))
        {
            return DurationProblem.MissingUnit;
        }

        var match = Compound().Match(trimmed);
        if (trimmed.Length == 0 || !match.Success)
        {
            return DurationProblem.Invalid;
        }

        var milliseconds =
            Part(match, "h") * 3_600_000
            + Part(match, "m") * 60_000
            + Part(match, "s") * 1_000
            + Part(match, "ms");

        // Far beyond any call; keeps the tick conversion below from overflowing.
        if (!double.IsFinite(milliseconds) || milliseconds > TimeSpan.FromDays(365).TotalMilliseconds)
        {
            return DurationProblem.TooLong;
        }

        value = TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));
        return DurationProblem.None;
    }

    private static double Part(Match match, string unit)
    {
        var group = match.Groups[unit];
        return group.Success ? double.Parse(group.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    // Units largest first, each at most once, so "1m30s" reads one way only.
    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+(?:\.\d+)?)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Compound();
}
