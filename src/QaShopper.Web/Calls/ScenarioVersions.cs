using System.Collections.Concurrent;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Calls;

/// <summary>
/// The scenario versions calls were scored against, parsed from the text the store keeps, once each: a version never
/// changes under its content hash. Gives the pages each item's wording and the grade thresholds.
/// </summary>
public sealed class ScenarioVersions(IResultStore store)
{
    private readonly ConcurrentDictionary<string, Scenario?> parsed = new(StringComparer.Ordinal);

    /// <summary>The version, or null when it was never stored (a score saved without its scenario) or no longer parses.</summary>
    public async Task<Scenario?> GetAsync(string scenarioId, string contentHash, CancellationToken cancellationToken)
    {
        var key = scenarioId + "\u0001" + contentHash;
        if (parsed.TryGetValue(key, out var known))
        {
            return known;
        }

        var source = await store.GetScenarioSourceAsync(scenarioId, contentHash, cancellationToken).ConfigureAwait(false);
        var scenario = source is null ? null : ScenarioParser.Parse(source, scenarioId + ".yaml").Scenario;
        return parsed.GetOrAdd(key, scenario);
    }
}
