using System.Text.RegularExpressions;
using QaShopper.Core.Templates;

namespace QaShopper.Simulation;

/// <summary>
/// Fills an agent line's <c>{{name}}</c> placeholders. Deliberately simpler than scenario templates (no helpers):
/// agent lines only need values known for the call.
/// </summary>
internal static partial class LineTemplate
{
    /// <summary>The values a line may use in a call to <paramref name="scenario"/> answered by <paramref name="agent"/>.</summary>
    public static Dictionary<string, string> Values(RenderedScenario scenario, ScenarioLines lines, Agent agent, Site? site)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in scenario.Scenario.Variables)
        {
            values[key] = value;
        }

        foreach (var (key, value) in scenario.Caller.Fields)
        {
            values[$"caller.{key}"] = value;
        }

        values["company"] = lines.Company;
        values["agent.id"] = agent.Id;
        values["agent.name"] = agent.Name;
        values["agent.staff_number"] = agent.StaffNumber;
        values["site.name"] = site?.Name ?? agent.Site;
        return values;
    }

    /// <summary>The text with every known placeholder filled; unknown ones are added to <paramref name="unknown"/> and left as written.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values, ICollection<string>? unknown = null) =>
        Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            unknown?.Add(name);
            return match.Value;
        });

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
