using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Scenarios;

public sealed class ScenarioSetValidatorTests
{
    [Test]
    public void Validate_SameIdInTwoFiles_ReportsSecondFileNamingFirst()
    {
        var first = ScenarioParser.Parse(ExampleScenario.Yaml, "scenarios/a.yaml");
        var second = ScenarioParser.Parse("# copy\n" + ExampleScenario.Yaml, "scenarios/b.yaml");

        var diagnostics = ScenarioSetValidator.Validate([first, second]);

        Assert.That(diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "scenarios/b.yaml:2:5: duplicate scenario id 'branch-saturday-hours'; already used in scenarios/a.yaml:1:5",
        }));
    }

    [Test]
    public void Validate_DistinctIds_ReportsNothing()
    {
        var first = ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml");
        var second = ScenarioParser.Parse(ExampleScenario.Yaml.Replace("id: branch-saturday-hours", "id: other", StringComparison.Ordinal), "b.yaml");
        var broken = ScenarioParser.Parse("id: x\n", "c.yaml");

        Assert.That(ScenarioSetValidator.Validate([first, second, broken]), Is.Empty);
    }
}
