using System.Globalization;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>Retry rules after busy, no answer and failed calls; an absent rule means no retry.</summary>
internal static class RetriesParser
{
    public static CampaignRetries? Parse(ParseContext context, YamlNode node)
    {
        if (YamlValues.IsNull(node))
        {
            return CampaignRetries.None;
        }

        if (FieldMap.Open(context, node, CampaignFields.Retries, "'retries'", CampaignExamples.Retries) is not { } fields)
        {
            return null;
        }

        var busy = Rule(context, fields, "busy");
        var noAnswer = Rule(context, fields, "no_answer");
        var failed = Rule(context, fields, "failed");
        return busy is null || noAnswer is null || failed is null ? null : new CampaignRetries(busy, noAnswer, failed);
    }

    private static RetryRule? Rule(ParseContext context, FieldMap retries, string outcome)
    {
        if (retries.Given(outcome) is not { } node)
        {
            return RetryRule.None;
        }

        if (FieldMap.Open(context, node, CampaignFields.RetryRule, $"retry rule '{outcome}'", CampaignExamples.Retry) is not { } fields)
        {
            return null;
        }

        fields.Require(context, CampaignFields.RetryRuleRequired, $"retry rule '{outcome}'", "retry");
        var maxNode = fields["max"];
        var max = maxNode is null ? null : CampaignValues.Integer(context, maxNode, "max", 0, "2");
        if (max > CampaignDefaults.MaxRetries)
        {
            context.Report(maxNode!, $"'max' must be at most {CampaignDefaults.MaxRetries.ToString(CultureInfo.InvariantCulture)} retries; got {max.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        TimeSpan? after = TimeSpan.Zero;
        if (fields.Given("after") is { } afterNode)
        {
            after = YamlValues.Duration(context, afterNode, "after", mustBePositive: true);
        }
        else if (max > 0)
        {
            context.Report(fields.Node, $"retry rule '{outcome}' retries, so it needs 'after', the wait before each retry, e.g. {outcome}: {CampaignExamples.Retry}");
            return null;
        }

        return max is null || after is null ? null : new RetryRule(max.Value, after.Value);
    }
}
