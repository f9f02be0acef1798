using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>
/// Days of the week as written in <c>days</c>: a day (<c>sat</c>), a range that may wrap (<c>mon-fri</c>,
/// <c>fri-mon</c>), <c>daily</c>, <c>weekdays</c>, <c>weekends</c>, a comma list of those (<c>mon,wed,fri</c>)
/// or a YAML list of them (<c>[mon, tue]</c>).
/// </summary>
internal static class DaysParser
{
    private const string Forms = "write days as mon..sun, a range such as mon-fri or fri-mon, a list such as mon,wed,fri or [mon, wed], or daily, weekdays, weekends";

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string[] Known = [.. CampaignFields.DayNames, .. CampaignFields.DayKeywords];

    public static HashSet<DayOfWeek>? Parse(ParseContext context, YamlNode node)
    {
        var items = node switch
        {
            YamlScalarNode scalar when !YamlValues.IsNull(node) => [(scalar.Value ?? string.Empty, scalar)],
            YamlSequenceNode sequence => sequence.Children.Select(c => c is YamlScalarNode s ? (s.Value ?? string.Empty, s) : (string.Empty, (YamlNode)c)).ToList(),
            _ => new List<(string, YamlNode)>(),
        };

        if (items.Count == 0)
        {
            context.Report(node, $"'days' must name at least one day, e.g. {CampaignExamples.Days}; {Forms}");
            return null;
        }

        var days = new HashSet<DayOfWeek>();
        var ok = true;
        foreach (var (text, itemNode) in items)
        {
            foreach (var token in text.Split(',', StringSplitOptions.TrimEntries))
            {
                ok &= Add(context, itemNode, token, days);
            }
        }

        return ok ? days : null;
    }

    private static bool Add(ParseContext context, YamlNode node, string token, HashSet<DayOfWeek> days)
    {
        switch (token)
        {
            case "daily":
                days.UnionWith(Week);
                return true;
            case "weekdays":
                days.UnionWith(Week[..5]);
                return true;
            case "weekends":
                days.UnionWith(Week[5..]);
                return true;
        }

        var ends = token.Split('-', StringSplitOptions.TrimEntries);
        if (ends.Length > 2 || ends.Any(e => Index(e) < 0))
        {
            var bad = ends.Length > 2 ? token : ends.First(e => Index(e) < 0);
            context.Report(node, bad.Length == 0
                ? $"'days' has an empty entry in {YamlValues.Describe(node)}; {Forms}"
                : $"unknown day '{bad}' in 'days'; {Hint(bad)}");
            return false;
        }

        // A range may wrap round the weekend: fri-mon is Friday, Saturday, Sunday and Monday.
        var first = Index(ends[0]);
        var last = Index(ends[^1]);
        for (var i = first; ; i = (i + 1) % 7)
        {
            days.Add(Week[i]);
            if (i == last)
            {
                return true;
            }
        }
    }

    private static int Index(string name) => Array.IndexOf(CampaignFields.DayNames, name);

    private static string Hint(string bad)
    {
        // "monday", "Tues", "THU": the first three letters, lower-case, are the day's name.
        var shortName = bad.Length >= 3 ? bad[..3].ToLowerInvariant() : bad.ToLowerInvariant();
        var suggestion = Index(shortName) >= 0 ? shortName : FieldSuggester.Closest(bad, Known);
        return suggestion is null ? Forms : $"did you mean '{suggestion}'? ({Forms})";
    }
}
