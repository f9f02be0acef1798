using Microsoft.Extensions.Options;
using QaShopper.Core.Scenarios;

namespace QaShopper.Campaigns;

/// <summary>Finds a scenario by id for a planned call.</summary>
internal interface IScenarioCatalog
{
    /// <summary>The valid scenario with this id, or null when there is none.</summary>
    Scenario? Find(string scenarioId);
}

/// <summary>
/// Scenarios read from <see cref="CampaignSchedulerOptions.ScenarioDirectory"/> on first use. Read once per host:
/// a campaign runs the scenario versions that were there when the host started.
/// </summary>
internal sealed class DirectoryScenarioCatalog(IOptions<CampaignSchedulerOptions> options) : IScenarioCatalog
{
    private readonly Lazy<Dictionary<string, Scenario>> scenarios = new(() => Load(options.Value.ScenarioDirectory));

    public Scenario? Find(string scenarioId) => scenarios.Value.GetValueOrDefault(scenarioId);

    private static Dictionary<string, Scenario> Load(string directory)
    {
        var found = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        if (Directory.Exists(directory))
        {
            foreach (var (scenario, _) in Scenarios.ScenarioFiles.LoadValidIn(directory))
            {
                found.TryAdd(scenario.Id, scenario);
            }
        }

        return found;
    }
}
