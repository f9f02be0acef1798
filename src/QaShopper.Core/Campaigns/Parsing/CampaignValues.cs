using System.Globalization;
using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>Typed reads of the campaign file's values (ids, whole numbers, dates, times, phone numbers, lists) with positioned messages.</summary>
internal static partial class CampaignValues
{
    /// <summary>A lower-case id: letters, digits and '-', not starting or ending with '-'.</summary>
    public static string? Id(ParseContext context, YamlNode node, string what, string example)
    {
        var id = YamlValues.Text(context, node, what);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Report(node, $"invalid {what} '{id}'; expected lower-case letters, digits and '-', e.g. {example}");
            return null;
        }

        return id;
    }

    public static bool IsId(string text) => IdPattern().IsMatch(text);

    /// <summary>A whole number of at least <paramref name="minimum"/>, written as a plain scalar.</summary>
    public static int? Integer(ParseContext context, YamlNode node, string field, int minimum, string example)
    {
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { Length: > 0 } text }
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            context.Report(node, $"'{field}' must be a whole number, e.g. {field}: {example}; got {YamlValues.Describe(node)}");
            return null;
        }

        if (value < minimum)
        {
            context.Report(node, $"'{field}' must be at least {minimum.ToString(CultureInfo.InvariantCulture)}; got {text}");
            return null;
        }

        return value;
    }

    /// <summary>A calendar date written <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly? Date(ParseContext context, YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } text } && !YamlValues.IsNull(node)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return InRange(context, node, field, date);
        }

        context.Report(node, $"invalid date {YamlValues.Describe(node)} for '{field}'; expected YYYY-MM-DD, e.g. 2026-11-23");
        return null;
    }

    /// <summary>The first date a campaign file may name.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>The last date a campaign file may name.</summary>
    public static readonly DateOnly MaxDate = new(2199, 12, 31);

    // Checked by value: planning converts local days to UTC and looks a day either side, which overflows at the ends of
    // DateTime's range (0001-01-01, 9999-12-31); no test call is placed outside these years.
    private static DateOnly? InRange(ParseContext context, YamlNode node, string field, DateOnly date)
    {
        if (date >= MinDate && date <= MaxDate)
        {
            return date;
        }

        context.Report(node, $"'{field}' {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is out of range; dates run from {MinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {MaxDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return null;
    }

    /// <summary>A local time of day written <c>HH:MM</c> (24-hour); <c>24:00</c> only where a window ends.</summary>
    public static TimeSpan? Time(ParseContext context, YamlNode node, string field, bool isEnd)
    {
        if (node is YamlScalarNode { Value: { } text } && TimePattern().Match(text) is { Success: true } match)
        {
            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hours < 24 || (hours == 24 && minutes == 0 && isEnd))
            {
                return new TimeSpan(hours, minutes, 0);
            }

            if (hours == 24 && minutes == 0)
            {
                context.Report(node, $"'{field}' cannot be 24:00; only a window's end may be 24:00, the end of the day; start the next day's window at \"00:00\"");
                return null;
            }
        }

        var endHint = isEnd ? " (24:00 for the end of the day)" : string.Empty;
        var example = isEnd ? "17:30" : "09:00";
        context.Report(node, $"invalid time {YamlValues.Describe(node)} for '{field}'; expected HH:MM on the 24-hour clock{endHint}, e.g. {field}: \"{example}\"");
        return null;
    }

    /// <summary>A local date and time written <c>YYYY-MM-DDTHH:MM</c>.</summary>
    public static DateTime? LocalDateTime(ParseContext context, YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } text }
            && DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return InRange(context, node, field, DateOnly.FromDateTime(value)) is null ? null : value;
        }

        context.Report(node, $"invalid local date-time {YamlValues.Describe(node)} for '{field}'; expected YYYY-MM-DDTHH:MM, e.g. {field}: \"2026-11-25T12:00\"");
        return null;
    }

    /// <summary>A phone number in E.164 form: '+', then 7 to 15 digits, the first not 0.</summary>
    public static string? PhoneNumber(ParseContext context, YamlNode node, string what)
    {
        var number = YamlValues.Text(context, node, what);
        if (number is not null && !E164Pattern().IsMatch(number))
        {
            context.Report(node, $"{what} '{number}' is not in E.164 form; write '+', the country code and the number, 7 to 15 digits with no spaces or punctuation, e.g. \"+441134960001\"");
            return null;
        }

        return number;
    }

    /// <summary>The items of a list; null (reported) when the node is not a list, or is empty and <paramref name="allowEmpty"/> is false.</summary>
    public static IList<YamlNode>? Sequence(ParseContext context, YamlNode node, string field, string example, bool allowEmpty)
    {
        if (node is not YamlSequenceNode sequence)
        {
            context.Report(node, $"'{field}' must be a list, e.g. {field}: [{example}]; got {YamlValues.Describe(node)}");
            return null;
        }

        if (sequence.Children.Count == 0 && !allowEmpty)
        {
            context.Report(node, $"'{field}' must list at least one item, e.g. {field}: [{example}]");
            return null;
        }

        return sequence.Children;
    }

    /// <summary>
    /// Reports every entry whose key was seen before, naming the line of the first; returns the first of each key.
    /// </summary>
    public static List<T> Distinct<T>(
        ParseContext context, IEnumerable<T> entries, Func<T, string> key, Func<T, YamlNode> node, string what, string? where = null)
    {
        var suffix = where is null ? string.Empty : $" {where}";
        var first = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var distinct = new List<T>();
        foreach (var entry in entries)
        {
            if (first.TryGetValue(key(entry), out var earlier))
            {
                context.Report(node(entry), $"duplicate {what} '{key(entry)}'{suffix}; first given at line {earlier.Start.Line.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }

            first.Add(key(entry), node(entry));
            distinct.Add(entry);
        }

        return distinct;
    }

    /// <summary>Completes an "unknown X" message with the closest known name, or the list of known names.</summary>
    public static string Suggest(string name, IReadOnlyCollection<string> known, string noun)
    {
        if (FieldSuggester.Closest(name, known) is { } suggestion)
        {
            return $"did you mean '{suggestion}'?";
        }

        return known.Count == 0 ? $"no {noun} is defined" : $"expected one of: {string.Join(", ", known)}";
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<h>[0-2][0-9]):(?<m>[0-5][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();
}
