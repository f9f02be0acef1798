using System.Collections.Concurrent;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;

namespace QaShopper.Scheduling;

/// <summary>Finds the exact scenario version a campaign's call follows.</summary>
internal interface IScenarioCatalog
{
    /// <summary>The scenario <paramref name="scenarioId"/> at version <paramref name="contentHash"/>, or null when that version is not kept.</summary>
    Task<Scenario?> FindAsync(string scenarioId, string contentHash, CancellationToken cancellationToken);
}

/// <summary>
/// Scenario versions read back from the result store, where a campaign's start keeps them: a running campaign follows
/// the scenarios it was started with, whatever the scenario folder holds later. Parsed once per version.
/// </summary>
internal sealed class StoredScenarioCatalog(IResultStore results) : IScenarioCatalog
{
    private readonly ConcurrentDictionary<(string Id, string Hash), Scenario> parsed = new();

    public async Task<Scenario?> FindAsync(string scenarioId, string contentHash, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue((scenarioId, contentHash), out var known))
        {
            return known;
        }

        var text = await results.GetScenarioSourceAsync(scenarioId, contentHash, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return null;
        }

        var loaded = ScenarioParser.Parse(text, $"{scenarioId}@{contentHash[..Math.Min(8, contentHash.Length)]} (stored)");
        if (loaded.Scenario is not { } scenario || scenario.ContentHash != contentHash)
        {
            return null;
        }

        return parsed.GetOrAdd((scenarioId, contentHash), scenario);
    }
}
