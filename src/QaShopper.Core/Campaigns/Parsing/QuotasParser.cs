using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>How many calls the campaign needs: per agent per week, per line per period, capped per period per day.</summary>
internal static class QuotasParser
{
    public static CampaignQuotas? Parse(ParseContext context, YamlNode node)
    {
        if (FieldMap.Open(context, node, CampaignFields.Quotas, "'quotas'", CampaignExamples.Quotas) is not { } fields)
        {
            return null;
        }

        var perAgent = Read(context, fields, "per_agent_per_week", 0, "3");
        var perLine = Read(context, fields, "per_line_per_period", 0, "1");
        var cap = fields.Given("max_per_period_per_day") is { } capNode
            ? CampaignValues.Integer(context, capNode, "max_per_period_per_day", 1, "2")
            : null;
        if (perAgent is null || perLine is null || (fields.Given("max_per_period_per_day") is not null && cap is null))
        {
            return null;
        }

        if (perAgent == 0 && perLine == 0)
        {
            context.Report(fields.Node, $"'quotas' asks for no calls: set 'per_agent_per_week' or 'per_line_per_period' above 0, e.g. {CampaignExamples.Quotas}");
            return null;
        }

        return new CampaignQuotas(perAgent.Value, perLine.Value, cap);
    }

    private static int? Read(ParseContext context, FieldMap fields, string field, int minimum, string example) =>
        fields.Given(field) is { } node ? CampaignValues.Integer(context, node, field, minimum, example) : 0;
}
