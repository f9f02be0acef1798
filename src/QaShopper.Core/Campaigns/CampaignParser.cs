using QaShopper.Core.Campaigns.Parsing;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scenarios.Parsing;

namespace QaShopper.Core.Campaigns;

/// <summary>Reads a campaign file (<c>docs/campaign-format.md</c>) into a <see cref="Campaign"/>, reporting every problem with its position.</summary>
public static class CampaignParser
{
    /// <summary>
    /// Parses and validates one campaign's text. <paramref name="fileName"/> is used in diagnostics and becomes
    /// <see cref="Campaign.SourcePath"/>. When <paramref name="knownScenarioIds"/> is given, scenario ids it does not
    /// hold are errors. Every problem found is reported, not only the first; the result carries a campaign only when
    /// there is none.
    /// </summary>
    public static CampaignLoadResult Parse(string yaml, string fileName, IReadOnlyCollection<string>? knownScenarioIds = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);

        var text = ScenarioParser.Normalize(yaml);
        var context = new ParseContext(fileName, text);
        var root = ScenarioParser.LoadSingleMapping(context, "campaign", CampaignFields.TopLevelRequired);
        if (root is null)
        {
            return new CampaignLoadResult(null, context.Diagnostics);
        }

        var campaign = CampaignTopLevelParser.Parse(context, root, knownScenarioIds);
        if (context.HasErrors || campaign is null)
        {
            return new CampaignLoadResult(null, context.Diagnostics);
        }

        return new CampaignLoadResult(
            campaign with { SourcePath = fileName, ContentHash = ScenarioParser.ComputeContentHash(text) },
            context.Diagnostics);
    }
}
