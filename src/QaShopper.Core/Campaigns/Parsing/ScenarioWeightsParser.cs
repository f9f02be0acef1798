using System.Globalization;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>The campaign's scenarios with relative weights; checked against the known scenarios when those are given.</summary>
internal static class ScenarioWeightsParser
{
    /// <summary>The ids written in the list, valid or not, so that lines are checked against what the author meant.</summary>
    public static List<string> DeclaredIds(YamlNode node) =>
        node is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlMappingNode>()
                .SelectMany(m => m.Children.Where(c => c.Key is YamlScalarNode { Value: "id" }).Select(c => c.Value))
                .OfType<YamlScalarNode>()
                .Select(s => s.Value ?? string.Empty)]
            : [];

    public static List<WeightedScenario>? Parse(ParseContext context, YamlNode node, IReadOnlyCollection<string>? knownScenarioIds)
    {
        if (CampaignValues.Sequence(context, node, "scenarios", CampaignExamples.Scenario, allowEmpty: false) is not { } items)
        {
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var scenarios = new List<(WeightedScenario Scenario, YamlNode IdNode)>();
        foreach (var item in items)
        {
            if (ParseOne(context, item, knownScenarioIds) is { } scenario)
            {
                scenarios.Add(scenario);
            }
        }

        var distinct = CampaignValues.Distinct(context, scenarios, s => s.Scenario.Id, s => s.IdNode, "scenario id");
        return context.ErrorCount == errorsBefore ? [.. distinct.Select(s => s.Scenario)] : null;
    }

    private static (WeightedScenario Scenario, YamlNode IdNode)? ParseOne(ParseContext context, YamlNode node, IReadOnlyCollection<string>? knownScenarioIds)
    {
        if (FieldMap.Open(context, node, CampaignFields.Scenario, "a scenario entry", CampaignExamples.Scenario) is not { } fields)
        {
            return null;
        }

        fields.Require(context, CampaignFields.ScenarioRequired, "a scenario entry", "scenario");
        var idNode = fields["id"];
        var id = idNode is null ? null : CampaignValues.Id(context, idNode, "scenario id", "id: acme-bank-lost-card");
        if (id is not null && knownScenarioIds is not null && !knownScenarioIds.Contains(id))
        {
            context.Report(idNode!, $"unknown scenario '{id}'; {CampaignValues.Suggest(id, knownScenarioIds, "scenario")} (the id of a scenario file under scenarios/)");
            id = null;
        }

        var weight = fields.Given("weight") is { } weightNode ? ReadWeight(context, weightNode) : CampaignDefaults.ScenarioWeight;
        return id is null || weight is null ? null : (new WeightedScenario(id, weight.Value), idNode!);
    }

    private static double? ReadWeight(ParseContext context, YamlNode node)
    {
        var weight = YamlValues.Number(context, node, "weight", "weight: 2");
        if (weight is <= 0)
        {
            context.Report(node, $"'weight' must be a number greater than zero, e.g. weight: 2; got {weight.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return weight;
    }
}
