using QaShopper.Core.Calls;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Scoring;

namespace QaShopper.Tests.Calls;

/// <summary>The scenario's own name pattern, spelled out with the roster's names, is the recogniser's context for introductions.</summary>
public sealed class NameIntroductionsTests
{
    [Test]
    public void AlternationOfWords_IsSpelledOutWithEveryFirstName()
    {
        var scenario = TestScenarios.Scenario(TestScenarios.Item("agent-name", new RegexCheck("(this is|you're speaking with) (?<agent>[a-z]+)")));

        var forms = NameIntroductions.Of(scenario, ["Fiona Reed", "Owen"]);

        Assert.That(forms, Is.EquivalentTo(new[] { "this is fiona", "this is owen", "you're speaking with fiona", "you're speaking with owen" }));
    }

    [TestCase("my name is (?<agent>[a-z]+)", "my name is NAME")]
    [TestCase("(?:hi|hello),? (?<agent>\\w+) speaking", null)]
    [TestCase("my\\s+name is (?<agent>[a-z]+) speaking", "my name is NAME speaking")]
    [TestCase("name is [a-z]+", null)]
    [TestCase("my name is (?<agent>[a-z]+)?", null)]
    [TestCase("(my name is|you're speaking (to|with)) (?<agent>[a-z]+)", "my name is NAME")]
    public void Forms_AreOnlyThoseOfPlainWordPatterns(string pattern, string? first)
    {
        var forms = NameIntroductions.Forms(pattern);

        Assert.That(forms is { Count: > 0 } ? forms[0].Replace('\u0001'.ToString(), "NAME", StringComparison.Ordinal) : null, Is.EqualTo(first));
    }

    [Test]
    public void NestedAlternatives_AreSpelledOutToo()
    {
        var forms = NameIntroductions.Forms("(my name is|you're speaking (to|with)|you're through to) (?<agent>[a-z]+)")!
            .Select(f => f.Replace('\u0001'.ToString(), "NAME", StringComparison.Ordinal));

        Assert.That(forms, Is.EqualTo(new[] { "my name is NAME", "you're speaking to NAME", "you're speaking with NAME", "you're through to NAME" }));
    }

    [Test]
    public void ScenarioWithoutANameItem_HasNoIntroductions()
    {
        var scenario = TestScenarios.Scenario(TestScenarios.Item("greeting", TestScenarios.Any("hello")));

        Assert.That(NameIntroductions.Of(scenario, ["Fiona"]), Is.Empty);
    }
}
