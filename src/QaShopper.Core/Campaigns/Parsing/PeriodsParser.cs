using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>A site's named service periods; each must fall inside the opening hours on at least one of its days.</summary>
internal static class PeriodsParser
{
    public static List<(ServicePeriod Period, YamlNode Node)>? Parse(ParseContext context, YamlNode node, string siteName)
    {
        if (CampaignValues.Sequence(context, node, "periods", CampaignExamples.Period, allowEmpty: false) is not { } items)
        {
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var periods = new List<(ServicePeriod Period, YamlNode NameNode, YamlNode Node)>();
        foreach (var item in items)
        {
            if (ParseOne(context, item, siteName) is { } period)
            {
                periods.Add(period);
            }
        }

        var distinct = CampaignValues.Distinct(context, periods, p => p.Period.Name, p => p.NameNode, "service period name", $"in {siteName}");
        return context.ErrorCount == errorsBefore ? [.. distinct.Select(p => (p.Period, p.Node))] : null;
    }

    /// <summary>
    /// Reports every period that is never inside the opening hours: on none of its days does an opening-hours window
    /// of that day overlap it. Empty opening hours mean the site is open whenever a period says.
    /// </summary>
    public static void CheckInsideOpeningHours(
        ParseContext context, string siteName, IReadOnlyList<WeeklyWindow> openingHours, IEnumerable<(ServicePeriod Period, YamlNode Node)> periods)
    {
        if (openingHours.Count == 0)
        {
            return;
        }

        foreach (var (period, node) in periods)
        {
            var everOpen = period.Days.Any(day => openingHours.Any(h =>
                h.Days.Contains(day) && h.Window.Start < period.Window.End && period.Window.Start < h.Window.End));
            if (!everOpen)
            {
                context.Report(node, $"service period '{period.Name}' ({period.Window}) is never inside the opening hours of {siteName} on any of its days; move it inside 'opening_hours' or widen them, e.g. {CampaignExamples.OpeningHours}");
            }
        }
    }

    private static (ServicePeriod Period, YamlNode NameNode, YamlNode Node)? ParseOne(ParseContext context, YamlNode node, string siteName)
    {
        if (FieldMap.Open(context, node, CampaignFields.Period, "a service period", CampaignExamples.Period) is not { } fields)
        {
            return null;
        }

        var nameNode = fields["name"];
        var name = nameNode is null ? null : CampaignValues.Id(context, nameNode, "service period name", "name: shift-start");
        fields.Require(context, CampaignFields.PeriodRequired, name is null ? $"a service period of {siteName}" : $"service period '{name}' of {siteName}", "period");
        var (days, window) = WindowReader.Read(context, fields);
        return name is null || days is null || window is null
            ? null
            : (new ServicePeriod(name, days, window.Value), nameNode!, node);
    }
}
