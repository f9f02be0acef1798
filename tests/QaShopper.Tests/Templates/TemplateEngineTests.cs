using QaShopper.Core.Templates;
using Scriban.Syntax;

namespace QaShopper.Tests.Templates;

public sealed class TemplateEngineTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["branch"] = "Downtown" };
    private static readonly Dictionary<string, string> Caller = new() { ["name"] = "Emma" };

    [TestCase("{{brnch}}")]
    [TestCase("{{caller.nam}}")]
    [TestCase("{{include 'other'}}")]
    [TestCase("{{date.now}}")]
    [TestCase("{{math.random 1 10}}")]
    public void Render_NameOutsideTheData_FailsInsteadOfRenderingNothing(string template)
    {
        Assert.That(() => Render(template), Throws.InstanceOf<ScriptRuntimeException>());
    }

    [Test]
    public void Render_EndlessLoop_IsStoppedByTheLoopLimit()
    {
        Assert.That(() => Render("{{while true}}x{{end}}"), Throws.InstanceOf<ScriptRuntimeException>());
    }

    [Test]
    public void Render_AssignmentInOneRender_IsNotSeenByTheNext()
    {
        var data = TemplateEngine.Data(Variables, Caller);

        _ = TemplateEngine.Shared.Render("{{branch2 = 'x'}}", data, new PickSink("a", new Random(1)));

        Assert.That(() => TemplateEngine.Shared.Render("{{branch2}}", data, new PickSink("b", new Random(1))), Throws.InstanceOf<ScriptRuntimeException>());
        Assert.That(TemplateEngine.Shared.Render("{{branch}} {{caller.name}}", data, new PickSink("c", new Random(1))), Is.EqualTo("Downtown Emma"));
    }

    [Test]
    public void Render_SameTextTwice_ParsesOnce()
    {
        const string template = "{{branch}} parse-once";

        var first = TemplateEngine.Shared.Parse(template);
        var second = TemplateEngine.Shared.Parse(template);

        Assert.That(second, Is.SameAs(first));
    }

    private static string Render(string template) =>
        TemplateEngine.Shared.Render(template, TemplateEngine.Data(Variables, Caller), new PickSink("t", new Random(1)));
}
