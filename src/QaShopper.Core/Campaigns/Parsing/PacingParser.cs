using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>How densely a line may be called; every field is optional (see <see cref="CampaignDefaults"/>).</summary>
internal static class PacingParser
{
    public static CampaignPacing? Parse(ParseContext context, YamlNode node)
    {
        if (YamlValues.IsNull(node))
        {
            return CampaignDefaults.Pacing;
        }

        if (FieldMap.Open(context, node, CampaignFields.Pacing, "'pacing'", CampaignExamples.Pacing) is not { } fields)
        {
            return null;
        }

        var concurrent = fields.Given("max_concurrent_per_line") is { } concurrentNode
            ? CampaignValues.Integer(context, concurrentNode, "max_concurrent_per_line", 1, "1")
            : CampaignDefaults.MaxConcurrentPerLine;
        var gap = fields.Given("min_gap_same_line") is { } gapNode
            ? YamlValues.Duration(context, gapNode, "min_gap_same_line", mustBePositive: false)
            : CampaignDefaults.MinGapSameLine;
        var length = fields.Given("expected_call_length") is { } lengthNode
            ? YamlValues.Duration(context, lengthNode, "expected_call_length", mustBePositive: true)
            : CampaignDefaults.ExpectedCallLength;
        return concurrent is null || gap is null || length is null ? null : new CampaignPacing(concurrent.Value, gap.Value, length.Value);
    }
}
