namespace QaShopper.Core.Scenarios;

/// <summary>Checks rules that span scenario files, such as ids that must be unique across all of them.</summary>
public static class ScenarioSetValidator
{
    /// <summary>
    /// Reports every scenario whose id was already used by an earlier one, at the later file's id and
    /// naming the first file. Results without a scenario (invalid files) are skipped: their own
    /// diagnostics already explain them.
    /// </summary>
    public static IReadOnlyList<ScenarioDiagnostic> Validate(IEnumerable<ScenarioLoadResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var first = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        var diagnostics = new List<ScenarioDiagnostic>();
        foreach (var scenario in results.Select(r => r.Scenario).OfType<Scenario>())
        {
            if (first.TryGetValue(scenario.Id, out var earlier))
            {
                var where = $"{earlier.SourcePath ?? "(unnamed)"}:{earlier.IdPosition}";
                diagnostics.Add(new ScenarioDiagnostic(
                    scenario.SourcePath ?? "(unnamed)",
                    scenario.IdPosition,
                    $"duplicate scenario id '{scenario.Id}'; already used in {where}"));
                continue;
            }

            first.Add(scenario.Id, scenario);
        }

        return diagnostics;
    }
}
