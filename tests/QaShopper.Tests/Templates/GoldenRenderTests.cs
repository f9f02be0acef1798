using System.Globalization;
using System.Text;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Scenarios;
using QaShopper.Tests.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Templates;

/// <summary>
/// Pins what every shipped scenario renders to, so that a change of template engine cannot alter a word a
/// caller says or a phrase the scorer listens for. The golden file was written by the engine it replaced.
/// </summary>
public sealed class GoldenRenderTests
{
    private const int Seeds = 20;

    // Set to rewrite the golden file from the current engine (only when a rendering change is intended).
    private const string RewriteVariable = "QASHOPPER_REWRITE_GOLDEN_RENDERS";

    // Texts the shipped scenarios do not exercise: markup, quotes, spacing inside braces, empty and repeated picks.
    private const string EdgeCases = """
        variables:
          company: "Smith & Sons <Ltd>"
          hours: "9 to 5 {{not a template}}"
        caller:
          name: "{{pick 'Émile' \"O'Brien\" 'Zoë' '王芳'}}"
          line: "  {{ pick 'a,b' 'c' }}  and {{company}} "
        script:
          - say: "Hello {{ caller.name }}, is this {{company}}? It's \"urgent\" {{pick 'yes' 'no'}}{{pick 'x' 'y'}}"
          - say: "Multi\nline {{hours}}\n{{caller.line}}"
          - listen: { until: ["{{pick '' 'press one'}}", "{{caller.name}} & {{caller.line}}"] }
        checklist:
          - id: a
            text: A
            weight: 1
            match: { any: ["{{company}} {{caller.name}}", "{{pick 'hi' 'hello'}} {{caller.line}} {{pick 'a' 'a'}}"] }
          - id: b
            text: B
            weight: 1
            match: { none: ["{{hours}}"] }

        """;

    private static string GoldenPath => RepoPaths.Combine("tests", "QaShopper.Tests", "Templates", "golden-renders.txt");

    [Test]
    public void Render_ShippedScenariosForTwentySeeds_MatchTheGoldenFile()
    {
        var actual = RenderAll();
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1")
        {
            File.WriteAllText(GoldenPath, actual);
        }

        var expected = File.ReadAllText(GoldenPath).ReplaceLineEndings("\n");

        Assert.That(actual, Is.EqualTo(expected));
    }

    private static string RenderAll()
    {
        var scenarios = ScenarioFiles.Expand([RepoPaths.Combine("scenarios"), RepoPaths.Combine("examples")])
            .Select(file => (Name: Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/'), ScenarioFiles.Load(file).Result))
            .Where(loaded => loaded.Result.IsValid)
            .Select(loaded => (loaded.Name, Scenario: loaded.Result.Scenario!))
            .Append(("contract-example", ScenarioParser.Parse(ExampleScenario.Yaml, "contract-example.yaml").Scenario!))
            .Append(("edge-cases", ScenarioRendererTests.Parse(EdgeCases)))
            .ToList();
        Assert.That(scenarios, Has.Count.GreaterThanOrEqualTo(7), "the shipped scenarios were not found");

        var output = new StringBuilder();
        var resolver = new TemplatePhraseResolver();
        foreach (var (name, scenario) in scenarios)
        {
            output.Append("# ").Append(name).Append('\n');
            foreach (var item in scenario.Checklist)
            {
                foreach (var phrase in Phrases(item.Check))
                {
                    output.Append("resolve ").Append(item.Id).Append(' ').Append(phrase).Append(" => ")
                        .AppendJoin(" | ", resolver.Resolve(scenario, phrase)).Append('\n');
                }
            }

            for (var seed = 1; seed <= Seeds; seed++)
            {
                var rendered = ScenarioRenderer.Render(scenario, new Random(seed));
                output.Append("## seed ").Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
                foreach (var (key, value) in rendered.Caller.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    output.Append("caller.").Append(key).Append(" = ").Append(value).Append('\n');
                }

                foreach (var step in rendered.Script)
                {
                    switch (step)
                    {
                        case SayStep say:
                            output.Append("say ").Append(say.Text).Append('\n');
                            break;
                        case ListenStep listen:
                            output.Append("until ").AppendJoin(" | ", listen.Until).Append('\n');
                            break;
                    }
                }

                foreach (var item in rendered.Checklist)
                {
                    output.Append("check ").Append(item.Id).Append(' ').AppendJoin(" | ", Phrases(item.Check)).Append('\n');
                }

                foreach (var (key, value) in rendered.Choices.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    output.Append("choice ").Append(key).Append(" = ").Append(value).Append('\n');
                }

                foreach (var (item, index, phrase) in Original(scenario))
                {
                    var location = string.Create(CultureInfo.InvariantCulture, $"checklist.{item}.match[{index}]");
                    output.Append("with-choices ").Append(location).Append(" => ")
                        .AppendJoin(" | ", TemplatePhraseResolver.ResolveWithChoices(scenario, phrase, rendered.Choices, location)).Append('\n');
                }
            }
        }

        return output.ToString().ReplaceLineEndings("\n");
    }

    private static IEnumerable<(string Item, int Index, string Phrase)> Original(Scenario scenario) =>
        scenario.Checklist.SelectMany(item => Phrases(item.Check).Select((phrase, i) => (item.Id, i, phrase)));

    private static IReadOnlyList<string> Phrases(ItemCheck check) => check switch
    {
        AnyPhraseCheck any => any.Phrases,
        AllPhrasesCheck all => all.Phrases,
        NoPhraseCheck none => none.Phrases,
        _ => [],
    };
}
