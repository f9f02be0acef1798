using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Simulation;

/// <summary>The shipped scenarios and call-centre file.</summary>
internal static class Shipped
{
    public static string CallCentreFile => RepoPaths.Combine("scenarios", "call-centre.yaml");

    public static CallCentre CallCentre() => CallCentreLoader.Load(CallCentreFile);

    public static IReadOnlyList<Scenario> Scenarios() =>
        [.. Directory.GetFiles(RepoPaths.Combine("scenarios"), "*.yaml")
            .Where(f => !f.EndsWith("call-centre.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ScenarioParser.Parse(File.ReadAllText(f), f).Scenario ?? throw new InvalidOperationException($"{f} does not parse"))];

    public static IReadOnlyList<Scenario> EnglishScenarios() =>
        [.. Scenarios().Where(s => s.Locale.StartsWith("en", StringComparison.Ordinal))];

    public static RenderedScenario Rendered(string id, int seed = 1) =>
        ScenarioRenderer.Render(Scenarios().Single(s => s.Id == id), new Random(seed));
}
