using System.Globalization;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>The campaign's top-level fields and the checks across sections; delegates each section to its parser.</summary>
internal static class CampaignTopLevelParser
{
    /// <summary>The longest campaign, in days: a year, leap day included.</summary>
    private const int MaxDays = 366;

    public static Campaign? Parse(ParseContext context, YamlMappingNode root, IReadOnlyCollection<string>? knownScenarioIds)
    {
        var fields = FieldMap.Open(context, root, CampaignFields.TopLevel, "the campaign", CampaignExamples.Campaign)!;
        fields.Require(context, CampaignFields.TopLevelRequired, "the campaign", "campaign");

        var id = fields["id"] is { } idNode ? CampaignValues.Id(context, idNode, "campaign id", "id: demo-week") : null;
        var name = fields["name"] is { } nameNode ? YamlValues.Text(context, nameNode, "name") : null;
        var dates = fields["dates"] is { } datesNode ? ReadDates(context, datesNode) : null;
        var sites = fields["sites"] is { } sitesNode ? SitesParser.Parse(context, sitesNode) : null;

        var scenariosNode = fields["scenarios"];
        var scenarios = scenariosNode is null ? null : ScenarioWeightsParser.Parse(context, scenariosNode, knownScenarioIds);
        var declaredScenarios = scenariosNode is null ? [] : ScenarioWeightsParser.DeclaredIds(scenariosNode);
        var lines = fields["lines"] is { } linesNode ? LinesParser.Parse(context, linesNode, DeclaredSiteIds(fields["sites"]), declaredScenarios) : null;

        var quotas = fields["quotas"] is { } quotasNode ? QuotasParser.Parse(context, quotasNode) : null;
        var pacing = fields["pacing"] is { } pacingNode ? PacingParser.Parse(context, pacingNode) : CampaignDefaults.Pacing;
        var (anonymity, callerNumbers) = fields["anonymity"] is { } anonymityNode ? AnonymityParser.Parse(context, anonymityNode) : (null, []);
        var retries = fields["retries"] is { } retriesNode ? RetriesParser.Parse(context, retriesNode) : CampaignRetries.None;

        if (lines is not null)
        {
            CheckCallerNumbersAreNotLines(context, callerNumbers, lines);
        }

        if (sites is not null && dates is not null)
        {
            CheckSitesOpenDuringCampaign(context, sites, dates.Value.From, dates.Value.To);
        }

        if (context.HasErrors || id is null || name is null || dates is null || sites is null || lines is null || scenarios is null
            || quotas is null || pacing is null || anonymity is null || retries is null)
        {
            return null;
        }

        return new Campaign(
            id, name, dates.Value.From, dates.Value.To, [.. sites.Select(s => s.Site)], lines, scenarios, quotas, pacing, anonymity, retries);
    }

    private static (DateOnly From, DateOnly To)? ReadDates(ParseContext context, YamlNode node)
    {
        if (FieldMap.Open(context, node, CampaignFields.Dates, "'dates'", CampaignExamples.Dates) is not { } fields)
        {
            return null;
        }

        fields.Require(context, CampaignFields.DatesRequired, "'dates'", "dates");
        var toNode = fields["to"];
        var from = fields["from"] is { } fromNode ? CampaignValues.Date(context, fromNode, "from") : null;
        var to = toNode is null ? null : CampaignValues.Date(context, toNode, "to");
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            context.Report(toNode!, $"'to' ({Format(to.Value)}) must not be before 'from' ({Format(from.Value)}), e.g. {CampaignExamples.Dates}");
            return null;
        }

        var days = to.Value.DayNumber - from.Value.DayNumber + 1;
        if (days > MaxDays)
        {
            context.Report(toNode!, $"a campaign lasts at most {MaxDays.ToString(CultureInfo.InvariantCulture)} days; {Format(from.Value)} to {Format(to.Value)} is {days.ToString(CultureInfo.InvariantCulture)} days; split it into several campaigns");
            return null;
        }

        return (from.Value, to.Value);
    }

    /// <summary>Every site id written in the file, valid or not, so that a site's own problem is not repeated on each of its lines.</summary>
    private static List<string> DeclaredSiteIds(YamlNode? sitesNode) =>
        sitesNode is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlMappingNode>()
                .SelectMany(m => m.Children.Where(c => c.Key is YamlScalarNode { Value: "id" }).Select(c => c.Value))
                .OfType<YamlScalarNode>()
                .Select(s => s.Value ?? string.Empty)]
            : [];

    // A line that sees its own number as the caller id would know at once that the call is a test.
    private static void CheckCallerNumbersAreNotLines(ParseContext context, List<(string Number, YamlNode Node)> callerNumbers, List<TargetLine> lines)
    {
        foreach (var (number, node) in callerNumbers)
        {
            if (lines.Any(l => string.Equals(l.Number, number, StringComparison.Ordinal)))
            {
                context.Report(node, $"caller number '{number}' is also one of the campaign's lines; use numbers that are not called, e.g. \"+447700900101\"");
            }
        }
    }

    private static void CheckSitesOpenDuringCampaign(ParseContext context, List<(CampaignSite Site, YamlNode IdNode)> sites, DateOnly from, DateOnly to)
    {
        foreach (var (site, idNode) in sites)
        {
            var open = false;
            for (var date = from; date <= to && !open; date = date.AddDays(1))
            {
                open = site.Periods.Any(p => ServiceCalendar.Occurrence(site, p, date) is not null);
            }

            if (!open)
            {
                context.Report(idNode, $"site '{site.Id}' has no open service period between {Format(from)} and {Format(to)}; check its periods' days, holidays and closures against 'dates'");
            }
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
