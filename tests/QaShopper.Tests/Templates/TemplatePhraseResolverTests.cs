using QaShopper.Core.Templates;

namespace QaShopper.Tests.Templates;

public sealed class TemplatePhraseResolverTests
{
    private const string Body = """
        caller:
          name: "{{pick 'Emma' 'Liam'}}"
        variables:
          branch: Downtown
        script:
          - say: hi
        checklist:
          - id: a
            text: A
            weight: 1
            match: { any: ["x"] }

        """;

    [Test]
    public void Resolve_Variable_RendersIt()
    {
        var scenario = ScenarioRendererTests.Parse(Body);

        Assert.That(new TemplatePhraseResolver().Resolve(scenario, "welcome to {{branch}}"), Is.EqualTo(new[] { "welcome to Downtown" }));
    }

    [Test]
    public void Resolve_PickInPhraseAndCaller_ExpandsEveryCombination()
    {
        var scenario = ScenarioRendererTests.Parse(Body);

        var phrases = new TemplatePhraseResolver().Resolve(scenario, "{{pick 'hello' 'hi'}} {{caller.name}}, {{caller.name}}");

        Assert.That(phrases, Is.EquivalentTo(new[] { "hello Emma, Emma", "hello Liam, Liam", "hi Emma, Emma", "hi Liam, Liam" }));
    }

    [Test]
    public void Resolve_DuplicateAlternatives_AreDistinct()
    {
        var scenario = ScenarioRendererTests.Parse(Body);

        Assert.That(new TemplatePhraseResolver().Resolve(scenario, "{{pick 'a' 'a' 'b'}}"), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Resolve_ManyPicks_CapsAtSixtyFourCombinations()
    {
        var scenario = ScenarioRendererTests.Parse(Body);
        var template = string.Join(" ", Enumerable.Repeat("{{pick 'a' 'b' 'c'}}", 5));

        Assert.That(new TemplatePhraseResolver().Resolve(scenario, template), Has.Count.EqualTo(TemplatePhraseResolver.MaxCombinations));
    }

    [Test]
    public void Resolve_PlainPhrase_ReturnsItAndCaches()
    {
        var scenario = ScenarioRendererTests.Parse(Body);
        var resolver = new TemplatePhraseResolver();

        var first = resolver.Resolve(scenario, "hello {{branch}}");

        Assert.That(resolver.Resolve(scenario, "hello"), Is.EqualTo(new[] { "hello" }));
        Assert.That(resolver.Resolve(scenario, "hello {{branch}}"), Is.SameAs(first));
    }

    [Test]
    public void ResolveWithChoices_RecordedCallerPick_IsUsed()
    {
        var scenario = ScenarioRendererTests.Parse(Body);
        var rendered = ScenarioRenderer.Render(scenario, new Random(3));

        var phrases = TemplatePhraseResolver.ResolveWithChoices(scenario, "thanks {{caller.name}}", rendered.Choices);

        Assert.That(phrases, Is.EqualTo(new[] { $"thanks {rendered.Caller.Name}" }));
    }

    [Test]
    public void ResolveWithChoices_PhraseLocation_UsesRecordedPick()
    {
        var scenario = ScenarioRendererTests.Parse(Body);
        var choices = new Dictionary<string, string> { ["checklist.a.match[0]"] = "hi" };

        Assert.That(TemplatePhraseResolver.ResolveWithChoices(scenario, "{{pick 'hello' 'hi'}}", choices, "checklist.a.match[0]"), Is.EqualTo(new[] { "hi" }));
        Assert.That(TemplatePhraseResolver.ResolveWithChoices(scenario, "{{pick 'hello' 'hi'}}", choices), Is.EqualTo(new[] { "hello", "hi" }));
    }
}
