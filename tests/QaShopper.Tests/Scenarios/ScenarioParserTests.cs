using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Scenarios;

public sealed class ScenarioParserTests
{
    [Test]
    public void Parse_ContractExample_ReadsEveryField()
    {
        var result = ScenarioParser.Parse(ExampleScenario.Yaml, "scenarios/branch.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.IsValid, Is.True);
        var s = result.Scenario!;
        Assert.Multiple(() =>
        {
            Assert.That(s.Id, Is.EqualTo("branch-saturday-hours"));
            Assert.That(s.Title, Is.EqualTo("Saturday opening hours of the downtown branch"));
            Assert.That(s.Locale, Is.EqualTo("en-US"));
            Assert.That(s.Description, Is.EqualTo("Caller asks when the downtown branch opens on Saturday."));
            Assert.That(s.Caller.Name, Is.EqualTo("{{pick 'Emma' 'Liam' 'Noah' 'Olivia'}}"));
            Assert.That(s.Caller.Voice, Is.EqualTo("en-US-AvaNeural"));
            Assert.That(s.Variables, Is.EqualTo(new Dictionary<string, string> { ["branch"] = "Downtown", ["saturday_hours"] = "nine to one" }));
            Assert.That(s.Grades, Is.EqualTo(new GradeThresholds(90, 80, 60)));
            Assert.That(s.SourcePath, Is.EqualTo("scenarios/branch.yaml"));
            Assert.That(s.IdPosition, Is.EqualTo(new SourcePosition(1, 5)));
            Assert.That(s.ContentHash, Does.Match("^[0-9a-f]{64}$"));
        });

        Assert.That(s.Script, Has.Count.EqualTo(6));
        Assert.Multiple(() =>
        {
            Assert.That(s.Script[0], Is.EqualTo(new ListenStep(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2), [], new SourcePosition(12, 5))).Using<ScriptStep>(StepEquals));
            Assert.That(s.Script[1], Is.EqualTo(new SayStep("Hi, my name is {{caller.name}}. When does your {{branch}} branch open on Saturday?", new SourcePosition(13, 5))));
            Assert.That(((ListenStep)s.Script[2]).Max, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(s.Script[3], Is.EqualTo(new SayStep("Great, thank you. That's all I needed.", new SourcePosition(15, 5))));
            Assert.That(((ListenStep)s.Script[4]).Max, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(s.Script[5], Is.EqualTo(new HangupStep(new SourcePosition(17, 5))));
        });

        var items = s.Checklist;
        Assert.That(items.Select(i => i.Id), Is.EqualTo(new[]
        {
            "greeting", "agent-name", "correct-hours", "no-forbidden-phrases", "offers-more-help", "closing", "answer-speed", "no-long-hold",
        }));
        Assert.Multiple(() =>
        {
            var greeting = items[0];
            Assert.That(greeting.Text, Is.EqualTo("Greets the caller with the company name"));
            Assert.That(greeting.Weight, Is.EqualTo(10));
            Assert.That(greeting.Critical, Is.False);
            Assert.That(greeting.Speaker, Is.EqualTo(Speaker.Agent));
            Assert.That(((AnyPhraseCheck)greeting.Check).Phrases, Is.EqualTo(new[] { "thank you for calling acme", "welcome to acme" }));
            Assert.That(greeting.Within, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(greeting.InLast, Is.Null);
            Assert.That(greeting.After, Is.Null);
            Assert.That(greeting.Position, Is.EqualTo(new SourcePosition(19, 5)));

            Assert.That(items[1].Check, Is.EqualTo(new RegexCheck("my name is (?<agent>[a-z]+)")));
            Assert.That(items[1].Weight, Is.EqualTo(5));
            Assert.That(items[2].Critical, Is.True);
            Assert.That(((AnyPhraseCheck)items[2].Check).Phrases, Is.EqualTo(new[] { "{{saturday_hours}}", "nine am to one pm" }));
            Assert.That(((NoPhraseCheck)items[3].Check).Phrases, Is.EqualTo(new[] { "i don't know", "not my problem", "calm down" }));
            Assert.That(items[4].After, Is.EqualTo("correct-hours"));
            Assert.That(items[5].InLast, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(items[6].Check, Is.EqualTo(new AnsweredWithinCheck(TimeSpan.FromSeconds(18))));
            Assert.That(items[7].Check, Is.EqualTo(new MaxSilenceCheck(TimeSpan.FromSeconds(30))));
            Assert.That(items[7].Weight, Is.EqualTo(5));
        });
    }

    [Test]
    public void Parse_ListenDefaults_AreThirtySecondsAndTwoSeconds()
    {
        var result = ScenarioParser.Parse(Minimal("  - listen: {}\n  - listen:\n"), "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        var steps = result.Scenario!.Script.Cast<ListenStep>().ToList();
        Assert.That(steps.Select(s => s.Max), Is.All.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(steps.Select(s => s.Silence), Is.All.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Parse_ListenWithAllFields_ReadsThem()
    {
        var result = ScenarioParser.Parse(Minimal("  - listen: { max: 1m30s, silence: 1.5s, until: [\"press one\"] }\n  - press: \"1w2#\"\n  - pause: 500ms\n"), "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        var listen = (ListenStep)result.Scenario!.Script[0];
        Assert.Multiple(() =>
        {
            Assert.That(listen.Max, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(listen.Silence, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(listen.Until, Is.EqualTo(new[] { "press one" }));
            Assert.That(((PressStep)result.Scenario.Script[1]).Digits, Is.EqualTo("1w2#"));
            Assert.That(((PauseStep)result.Scenario.Script[2]).Duration, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        });
    }

    [Test]
    public void Parse_PartialGrades_DefaultTheOthers()
    {
        var result = ScenarioParser.Parse(Minimal("  - hangup\n") + "grades: { pass: 50 }\n", "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Grades, Is.EqualTo(new GradeThresholds(90, 80, 50)));
    }

    [Test]
    public void Parse_BomAndCrLf_HashEqualsLfVersion()
    {
        var lf = ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml");
        var crlf = ScenarioParser.Parse("\uFEFF" + ExampleScenario.Yaml.Replace("\n", "\r\n", StringComparison.Ordinal), "a.yaml");

        Assert.That(crlf.Diagnostics, Is.Empty);
        Assert.That(crlf.Scenario!.ContentHash, Is.EqualTo(lf.Scenario!.ContentHash));
        Assert.That(lf.Scenario.ContentHash, Is.EqualTo(ScenarioParser.ComputeContentHash(ExampleScenario.Yaml)));
    }

    [Test]
    public void Parse_ContentHash_IsSha256OfText()
    {
        const string text = "id: x\n";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.That(ScenarioParser.ComputeContentHash("\uFEFFid: x\r\n"), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_SchemaComment_IsIgnored()
    {
        var result = ScenarioParser.Parse("# yaml-language-server: $schema=../schemas/scenario.schema.json\n" + ExampleScenario.Yaml, "a.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.IdPosition, Is.EqualTo(new SourcePosition(2, 5)));
    }

    [Test]
    public void Parse_Null_Throws()
    {
        Assert.That(() => ScenarioParser.Parse(null!, "a.yaml"), Throws.ArgumentNullException);
    }

    internal static string Minimal(string script) => $"""
        id: t
        title: T
        locale: en-US
        checklist:
          - id: a
            text: A
            weight: 1
            match: {"{"} any: ["x"] {"}"}
        script:

        """ + script;

    private static bool StepEquals(ScriptStep x, ScriptStep y) =>
        x is ListenStep a && y is ListenStep b
            ? a.Max == b.Max && a.Silence == b.Silence && a.Until.SequenceEqual(b.Until) && a.Position == b.Position
            : x.Equals(y);
}
