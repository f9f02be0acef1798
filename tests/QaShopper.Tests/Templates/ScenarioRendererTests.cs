using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Tests.Scenarios;

namespace QaShopper.Tests.Templates;

public sealed class ScenarioRendererTests
{
    private static readonly string[] Names = ["Emma", "Liam", "Noah", "Olivia"];

    [Test]
    public void Render_ContractExample_RendersVariablesCallerAndPick()
    {
        var scenario = ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml").Scenario!;

        var rendered = ScenarioRenderer.Render(scenario, new Random(7));

        var name = rendered.Caller.Name;
        Assert.That(Names, Does.Contain(name));
        Assert.Multiple(() =>
        {
            Assert.That(rendered.Caller.Voice, Is.EqualTo("en-US-AvaNeural"));
            Assert.That(((SayStep)rendered.Script[1]).Text, Is.EqualTo($"Hi, my name is {name}. When does your Downtown branch open on Saturday?"));
            Assert.That(((SayStep)rendered.Script[3]).Text, Is.EqualTo("Great, thank you. That's all I needed."));
            Assert.That(((AnyPhraseCheck)rendered.Checklist[2].Check).Phrases, Is.EqualTo(new[] { "nine to one", "nine am to one pm" }));
            Assert.That(rendered.Choices, Is.EqualTo(new Dictionary<string, string> { ["caller.name"] = name! }));
            Assert.That(rendered.Scenario, Is.SameAs(scenario));
        });
    }

    [Test]
    public void Render_SameSeed_SameResult()
    {
        var scenario = Parse("""
            caller:
              name: "{{pick 'Emma' 'Liam' 'Noah' 'Olivia'}}"
            script:
              - say: "{{pick 'Hi' 'Hello' 'Hey'}}, {{pick 'I need help' 'a question'}} from {{caller.name}}"
              - listen: { until: ["{{pick 'press one' 'say yes'}}"] }
            checklist:
              - id: greeting
                text: Greets
                weight: 1
                match: { any: ["{{pick 'welcome' 'hello'}}"] }

            """);

        var first = ScenarioRenderer.Render(scenario, new Random(42));
        var second = ScenarioRenderer.Render(scenario, new Random(42));

        Assert.That(second.Choices, Is.EqualTo(first.Choices));
        Assert.That(((SayStep)second.Script[0]).Text, Is.EqualTo(((SayStep)first.Script[0]).Text));
        Assert.That(first.Choices.Keys, Is.EquivalentTo(new[]
        {
            "caller.name", "script[0].say", "script[0].say#2", "script[1].listen.until[0]", "checklist.greeting.match[0]",
        }));
        Assert.That(((SayStep)first.Script[0]).Text, Is.EqualTo($"{first.Choices["script[0].say"]}, {first.Choices["script[0].say#2"]} from {first.Caller.Name}"));
        Assert.That(((ListenStep)first.Script[1]).Until, Is.EqualTo(new[] { first.Choices["script[1].listen.until[0]"] }));
    }

    [Test]
    public void Render_ManySeeds_CoverEveryAlternative()
    {
        var scenario = ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml").Scenario!;

        var names = Enumerable.Range(0, 200).Select(seed => ScenarioRenderer.Render(scenario, new Random(seed)).Caller.Name).Distinct();

        Assert.That(names, Is.EquivalentTo(Names));
    }

    [Test]
    public void Render_SpecialCharacters_AreNotHtmlEscaped()
    {
        var scenario = Parse("""
            variables:
              company: "Smith & Sons <Ltd>"
            script:
              - say: "Is this {{company}}? It's \"urgent\"."
            checklist:
              - id: a
                text: A
                weight: 1
                match: { any: ["{{company}}"] }

            """);

        var rendered = ScenarioRenderer.Render(scenario, new Random(1));

        Assert.That(((SayStep)rendered.Script[0]).Text, Is.EqualTo("Is this Smith & Sons <Ltd>? It's \"urgent\"."));
    }

    [TestCase("empty")]
    [TestCase("date")]
    [TestCase("include")]
    public void Render_VariableNamedLikeAScribanBuiltin_RendersItsValue(string name)
    {
        var scenario = Parse("""
            variables:
              NAME: Downtown
            script:
              - say: "Is {{NAME}} open?"
            checklist:
              - id: a
                text: A
                weight: 1
                match: { any: ["x"] }

            """.Replace("NAME", name, StringComparison.Ordinal));

        var rendered = ScenarioRenderer.Render(scenario, new Random(1));

        Assert.That(((SayStep)rendered.Script[0]).Text, Is.EqualTo("Is Downtown open?"));
    }

    internal static Scenario Parse(string body)
    {
        var result = ScenarioParser.Parse("id: t\ntitle: T\nlocale: en-US\n" + body, "t.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Scenario!;
    }
}
