using System.Globalization;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Scenarios;
using QaShopper.Scenarios;

namespace QaShopper.Campaigns;

/// <summary>Reads campaign files from disk and checks their scenario ids against a scenario folder.</summary>
internal static class CampaignFiles
{
    /// <summary>Ids of the valid scenarios under <paramref name="scenarioDirectory"/>.</summary>
    public static IReadOnlyCollection<string> ScenarioIds(string scenarioDirectory) =>
        Scenarios(scenarioDirectory).Select(s => s.Scenario.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The valid scenarios under <paramref name="scenarioDirectory"/> with their file texts.</summary>
    public static IReadOnlyList<(Scenario Scenario, string Text)> Scenarios(string scenarioDirectory)
    {
        if (!Directory.Exists(scenarioDirectory))
        {
            throw new CliException($"Scenarios:Directory (--scenarios): folder '{scenarioDirectory}' not found");
        }

        return ScenarioFiles.LoadValidIn(scenarioDirectory);
    }

    public static (CampaignLoadResult Result, string Text) Load(string file, IReadOnlyCollection<string> scenarioIds)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"{file}: no such campaign file");
        }

        var text = ScenarioFiles.ReadText(file);
        return (CampaignParser.Parse(text, file, scenarioIds), text);
    }

    /// <summary>Reads a campaign that must be valid, or throws with every problem listed (exit 1).</summary>
    public static (Campaign Campaign, string Text) LoadValid(string file, IReadOnlyCollection<string> scenarioIds)
    {
        var (result, text) = Load(file, scenarioIds);
        if (!result.IsValid)
        {
            throw new CliException(string.Join(Environment.NewLine, result.Diagnostics), ExitCodes.Invalid);
        }

        return (result.Campaign!, text);
    }

    /// <summary>
    /// The seed a campaign is planned with when none is given: taken from the file's content hash, so
    /// <c>campaign plan</c> and <c>campaign start</c> agree on the same file, and an edited file gets new times.
    /// </summary>
    public static int DefaultSeed(Campaign campaign) =>
        campaign.ContentHash.Length >= 8
            ? int.Parse(campaign.ContentHash.AsSpan(0, 7), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : 1;

    /// <summary>Plans <paramref name="campaign"/> for the given dates (default: all of its dates).</summary>
    public static CampaignPlan Plan(Campaign campaign, DateOnly? from, DateOnly? to, int seed, DateTimeOffset? notBefore)
    {
        var first = from ?? campaign.From;
        var last = to ?? campaign.To;
        if (first < campaign.From || last > campaign.To || last < first)
        {
            throw new CliException($"--from/--to: {first:yyyy-MM-dd}..{last:yyyy-MM-dd} must lie within the campaign's dates {campaign.From:yyyy-MM-dd}..{campaign.To:yyyy-MM-dd}");
        }

        return CampaignPlanner.Plan(campaign, new PlanRequest(first, last, seed, notBefore));
    }
}
