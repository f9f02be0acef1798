using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>What keeps test calls from being recognised: the caller-id pool, its reuse rule, voices and jitter.</summary>
internal static class AnonymityParser
{
    /// <summary>The rules, and each caller number with its node so that clashes with the lines can be reported.</summary>
    public static (CampaignAnonymity? Anonymity, List<(string Number, YamlNode Node)> Numbers) Parse(ParseContext context, YamlNode node)
    {
        if (FieldMap.Open(context, node, CampaignFields.Anonymity, "'anonymity'", CampaignExamples.Anonymity) is not { } fields)
        {
            return (null, []);
        }

        var errorsBefore = context.ErrorCount;
        fields.Require(context, CampaignFields.AnonymityRequired, "'anonymity'", "anonymity");
        var numbers = fields["caller_numbers"] is { } numbersNode ? CallerNumbers(context, numbersNode) : [];
        var reuseDays = fields.Given("number_reuse_days") is { } reuseNode
            ? CampaignValues.Integer(context, reuseNode, "number_reuse_days", 0, "7")
            : CampaignDefaults.NumberReuseDays;
        var voices = fields.Given("caller_voices") is { } voicesNode ? Voices(context, voicesNode) : [];
        var jitter = fields.Given("jitter") is { } jitterNode ? YamlValues.Boolean(context, jitterNode, "jitter") : CampaignDefaults.Jitter;
        if (context.ErrorCount != errorsBefore || reuseDays is null || voices is null || jitter is null)
        {
            return (null, numbers);
        }

        return (new CampaignAnonymity([.. numbers.Select(n => n.Number)], reuseDays.Value, voices, jitter.Value), numbers);
    }

    private static List<(string Number, YamlNode Node)> CallerNumbers(ParseContext context, YamlNode node)
    {
        if (CampaignValues.Sequence(context, node, "caller_numbers", "\"+447700900101\"", allowEmpty: false) is not { } items)
        {
            return [];
        }

        var numbers = new List<(string Number, YamlNode Node)>();
        foreach (var item in items)
        {
            if (CampaignValues.PhoneNumber(context, item, "caller number") is { } number)
            {
                numbers.Add((number, item));
            }
        }

        return CampaignValues.Distinct(context, numbers, n => n.Number, n => n.Node, "caller number");
    }

    private static List<string>? Voices(ParseContext context, YamlNode node)
    {
        if (CampaignValues.Sequence(context, node, "caller_voices", "slt, kal", allowEmpty: true) is not { } items)
        {
            return null;
        }

        var voices = items.Select(i => (Voice: YamlValues.Text(context, i, "caller_voices"), Node: i)).ToList();
        if (voices.Any(v => v.Voice is null))
        {
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var distinct = CampaignValues.Distinct(context, voices, v => v.Voice!, v => v.Node, "caller voice");
        return context.ErrorCount == errorsBefore ? [.. distinct.Select(v => v.Voice!)] : null;
    }
}
