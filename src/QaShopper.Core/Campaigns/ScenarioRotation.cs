namespace QaShopper.Core.Campaigns;

/// <summary>
/// Smooth weighted round-robin over a line's scenarios: over any stretch of calls each scenario's count stays within
/// one or two of its weighted share, without runs of the same scenario. A seeded start keeps lines from all opening
/// with the same scenario.
/// </summary>
internal sealed class ScenarioRotation
{
    private readonly IReadOnlyList<WeightedScenario> scenarios;
    private readonly double[] current;
    private readonly double total;

    public ScenarioRotation(IReadOnlyList<WeightedScenario> scenarios, Random random)
    {
        this.scenarios = scenarios;
        total = scenarios.Sum(s => s.Weight);
        current = scenarios.Select(s => random.NextDouble() * s.Weight).ToArray();
    }

    /// <summary>The scenarios a line plays: its own subset (weighted as in the campaign) or all of the campaign's; those without weight dropped.</summary>
    public static IReadOnlyList<WeightedScenario> For(TargetLine line, Campaign campaign)
    {
        var chosen = line.ScenarioIds.Count == 0
            ? campaign.Scenarios
            : line.ScenarioIds.Distinct(StringComparer.Ordinal)
                .Select(id => campaign.Scenarios.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal)) ?? new WeightedScenario(id, 1))
                .ToList();
        return chosen.Where(s => s.Weight > 0 && double.IsFinite(s.Weight)).ToList();
    }

    public string Next()
    {
        var best = 0;
        for (var i = 0; i < current.Length; i++)
        {
            current[i] += scenarios[i].Weight;
            if (current[i] > current[best])
            {
                best = i;
            }
        }

        current[best] -= total;
        return scenarios[best].Id;
    }
}
