using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>The lines called: number, site, roster of agents and the scenarios that fit.</summary>
internal static class LinesParser
{
    /// <summary>
    /// The lines; <paramref name="siteIds"/> and <paramref name="scenarioIds"/> are every id the file declares, so
    /// that a site with a problem of its own does not also make each of its lines an error.
    /// </summary>
    public static List<TargetLine>? Parse(ParseContext context, YamlNode node, IReadOnlyCollection<string> siteIds, IReadOnlyCollection<string> scenarioIds)
    {
        if (CampaignValues.Sequence(context, node, "lines", CampaignExamples.Line, allowEmpty: false) is not { } items)
        {
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var lines = new List<(TargetLine Line, YamlNode NumberNode)>();
        foreach (var item in items)
        {
            if (ParseOne(context, item, siteIds, scenarioIds) is { } line)
            {
                lines.Add(line);
            }
        }

        var distinct = CampaignValues.Distinct(context, lines, l => l.Line.Number, l => l.NumberNode, "line number");
        return context.ErrorCount == errorsBefore ? [.. distinct.Select(l => l.Line)] : null;
    }

    private static (TargetLine Line, YamlNode NumberNode)? ParseOne(
        ParseContext context, YamlNode node, IReadOnlyCollection<string> siteIds, IReadOnlyCollection<string> scenarioIds)
    {
        if (FieldMap.Open(context, node, CampaignFields.Line, "a line", CampaignExamples.Line) is not { } fields)
        {
            return null;
        }

        var numberNode = fields["number"];
        var number = numberNode is null ? null : CampaignValues.PhoneNumber(context, numberNode, "line number");
        var name = number is null ? "a line" : $"line '{number}'";
        fields.Require(context, CampaignFields.LineRequired, name, "line");

        var site = fields["site"] is { } siteNode ? ReadSite(context, siteNode, siteIds) : null;
        var agents = fields.Given("agents") is { } agentsNode ? ReadIds(context, agentsNode, "agents", "agent id", "sarah", name) : [];
        var scenarios = fields.Given("scenarios") is { } scenariosNode ? ReadIds(context, scenariosNode, "scenarios", "scenario id", "acme-bank-lost-card", name) : [];
        if (scenarios is not null)
        {
            CheckListed(context, scenarios, scenarioIds, name);
        }

        return number is null || site is null || agents is null || scenarios is null
            ? null
            : (new TargetLine(number, site, [.. agents.Select(a => a.Id)], [.. scenarios.Select(s => s.Id)]), numberNode!);
    }

    private static string? ReadSite(ParseContext context, YamlNode node, IReadOnlyCollection<string> siteIds)
    {
        var site = YamlValues.Text(context, node, "site");
        if (site is not null && !siteIds.Contains(site))
        {
            // The closest site has an invalid id of its own, already reported: pointing the line at it would mislead.
            if (FieldSuggester.Closest(site, siteIds) is { } closest && !CampaignValues.IsId(closest))
            {
                return null;
            }

            context.Report(node, $"unknown site '{site}'; {CampaignValues.Suggest(site, siteIds, "site")} ('site' names one of the campaign's 'sites' by id, e.g. site: leeds)");
            return null;
        }

        return site;
    }

    private static List<(string Id, YamlNode Node)>? ReadIds(ParseContext context, YamlNode node, string field, string what, string example, string lineName)
    {
        if (CampaignValues.Sequence(context, node, field, example, allowEmpty: true) is not { } items)
        {
            return null;
        }

        var ids = items.Select(i => (Id: CampaignValues.Id(context, i, what, $"{field}: [{example}]"), Node: i)).ToList();
        if (ids.Any(i => i.Id is null))
        {
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var distinct = CampaignValues.Distinct(context, ids, i => i.Id!, i => i.Node, what, $"on {lineName}");
        return context.ErrorCount == errorsBefore ? [.. distinct.Select(i => (i.Id!, i.Node))] : null;
    }

    private static void CheckListed(
        ParseContext context, List<(string Id, YamlNode Node)> scenarios, IReadOnlyCollection<string> scenarioIds, string lineName)
    {
        foreach (var (id, idNode) in scenarios)
        {
            if (!scenarioIds.Contains(id))
            {
                var hint = FieldSuggester.Closest(id, scenarioIds) is { } suggestion ? $"did you mean '{suggestion}'? Otherwise " : string.Empty;
                context.Report(idNode, $"scenario '{id}' on {lineName} is not in the campaign's 'scenarios' list; {hint}add it there, e.g. - {{ id: {id}, weight: 1 }}");
            }
        }
    }
}
