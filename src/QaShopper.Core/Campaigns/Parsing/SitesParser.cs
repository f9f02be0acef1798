using System.Globalization;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>The sites: time zone, opening hours, holidays, closures and service periods of each.</summary>
internal static class SitesParser
{
    /// <summary>The sites that parsed, with the node of each id; null when the list itself is unusable.</summary>
    public static List<(CampaignSite Site, YamlNode IdNode)>? Parse(ParseContext context, YamlNode node)
    {
        if (CampaignValues.Sequence(context, node, "sites", CampaignExamples.Site, allowEmpty: false) is not { } items)
        {
            return null;
        }

        var sites = new List<(CampaignSite Site, YamlNode IdNode)>();
        foreach (var item in items)
        {
            if (ParseOne(context, item) is { } site)
            {
                sites.Add(site);
            }
        }

        return CampaignValues.Distinct(context, sites, s => s.Site.Id, s => s.IdNode, "site id");
    }

    private static (CampaignSite Site, YamlNode IdNode)? ParseOne(ParseContext context, YamlNode node)
    {
        if (FieldMap.Open(context, node, CampaignFields.Site, "a site", CampaignExamples.Site) is not { } fields)
        {
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var idNode = fields["id"];
        var id = idNode is null ? null : CampaignValues.Id(context, idNode, "site id", "id: leeds");
        var name = id is null ? "the site" : $"site '{id}'";
        fields.Require(context, CampaignFields.SiteRequired, name, "site");

        var zone = fields["time_zone"] is { } zoneNode ? TimeZoneReader.Read(context, zoneNode) : null;
        var openingHours = fields.Given("opening_hours") is { } hoursNode ? OpeningHours(context, hoursNode, name) : [];
        var holidays = fields.Given("holidays") is { } holidaysNode ? Holidays(context, holidaysNode) : [];
        var closures = fields.Given("closures") is { } closuresNode ? Closures(context, closuresNode) : [];
        var periods = fields["periods"] is { } periodsNode ? PeriodsParser.Parse(context, periodsNode, name) : null;
        if (periods is not null && openingHours is not null)
        {
            PeriodsParser.CheckInsideOpeningHours(context, name, openingHours, periods);
        }

        if (context.ErrorCount != errorsBefore || id is null || zone is null || openingHours is null || holidays is null
            || closures is null || periods is null)
        {
            return null;
        }

        return (new CampaignSite(id, zone, openingHours, holidays, closures, [.. periods.Select(p => p.Period)]), idNode!);
    }

    private static List<WeeklyWindow>? OpeningHours(ParseContext context, YamlNode node, string siteName)
    {
        if (CampaignValues.Sequence(context, node, "opening_hours", CampaignExamples.OpeningHours, allowEmpty: true) is not { } items)
        {
            return null;
        }

        var windows = new List<WeeklyWindow>();
        var ok = true;
        foreach (var item in items)
        {
            var fields = FieldMap.Open(context, item, CampaignFields.OpeningHours, "an opening_hours window", CampaignExamples.OpeningHours);
            if (fields is null)
            {
                ok = false;
                continue;
            }

            fields.Require(context, CampaignFields.OpeningHoursRequired, $"an opening_hours window of {siteName}", "opening_hours");
            var (days, window) = WindowReader.Read(context, fields);
            if (days is null || window is null)
            {
                ok = false;
                continue;
            }

            windows.Add(new WeeklyWindow(days, window.Value));
        }

        return ok ? windows : null;
    }

    private static List<DateOnly>? Holidays(ParseContext context, YamlNode node)
    {
        if (CampaignValues.Sequence(context, node, "holidays", "2026-12-25", allowEmpty: true) is not { } items)
        {
            return null;
        }

        var dates = items.Select(i => (Date: CampaignValues.Date(context, i, "holidays"), Node: i)).ToList();
        if (dates.Any(d => d.Date is null))
        {
            return null;
        }

        var distinct = CampaignValues.Distinct(context, dates, d => d.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d => d.Node, "holiday");
        return [.. distinct.Select(d => d.Date!.Value)];
    }

    private static List<Closure>? Closures(ParseContext context, YamlNode node)
    {
        if (CampaignValues.Sequence(context, node, "closures", CampaignExamples.Closure, allowEmpty: true) is not { } items)
        {
            return null;
        }

        var closures = new List<Closure>();
        var ok = true;
        foreach (var item in items)
        {
            if (Closure(context, item) is { } closure)
            {
                closures.Add(closure);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? closures : null;
    }

    private static Closure? Closure(ParseContext context, YamlNode node)
    {
        if (FieldMap.Open(context, node, CampaignFields.Closure, "a closure", CampaignExamples.Closure) is not { } fields)
        {
            return null;
        }

        fields.Require(context, CampaignFields.ClosureRequired, "a closure", "closure");
        var toNode = fields["to"];
        var from = fields["from"] is { } fromNode ? CampaignValues.LocalDateTime(context, fromNode, "from") : null;
        var to = toNode is null ? null : CampaignValues.LocalDateTime(context, toNode, "to");
        var reason = fields.Given("reason") is { } reasonNode ? YamlValues.Text(context, reasonNode, "reason") : null;
        if (from is null || to is null)
        {
            return null;
        }

        if (to <= from)
        {
            context.Report(toNode!, $"a closure's 'to' ({Format(to.Value)}) must be after its 'from' ({Format(from.Value)}), e.g. {CampaignExamples.Closure}");
            return null;
        }

        return new Closure(from.Value, to.Value, reason);
    }

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
