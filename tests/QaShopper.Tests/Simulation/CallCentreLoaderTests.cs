using QaShopper.Core.Templates;
using QaShopper.Simulation;

namespace QaShopper.Tests.Simulation;

public sealed class CallCentreLoaderTests
{
    [Test]
    public void Load_ShippedFile_HasSitesAgentsAndProfiles()
    {
        var centre = Shipped.CallCentre();

        Assert.That(centre.Sites, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(centre.Agents, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(centre.Sites.All(s => centre.AgentsAt(s).Count >= 2), Is.True, "agents are spread over the sites");
        Assert.That(centre.Profiles.Keys, Is.SupersetOf(new[] { "excellent", "solid", "average", "struggling", "new-starter" }));
        Assert.That(centre.Agents.All(a => a.Id.Equals(a.Name, StringComparison.OrdinalIgnoreCase) && a.Id.All(char.IsLower)), Is.True);
        Assert.That(centre.Agents.Count(a => a.Voice is "rms" or "awb"), Is.GreaterThan(centre.Agents.Count / 2));
    }

    [Test]
    public void Load_ShippedFile_FirstLineNamesItsSchema() =>
        Assert.That(File.ReadLines(Shipped.CallCentreFile).First(), Is.EqualTo("# yaml-language-server: $schema=../schemas/call-centre.schema.json"));

    [Test]
    public void Coverage_ShippedFile_CoversEveryItemOfEveryEnglishScenario()
    {
        var centre = Shipped.CallCentre();
        var scenarios = Shipped.EnglishScenarios();

        Assert.That(scenarios, Has.Count.EqualTo(5));
        foreach (var scenario in scenarios)
        {
            var problems = CallCentreCoverage.Check(centre, ScenarioRenderer.Render(scenario, new Random(3)));
            Assert.That(problems, Is.Empty, scenario.Id);
        }
    }

    [Test]
    public void Coverage_ItemWithoutLine_NamesScenarioAndItem()
    {
        var text = File.ReadAllText(Shipped.CallCentreFile)
            .Replace("        - { item: sunday-closed,", "        - { item: x-sunday-closed,", StringComparison.Ordinal);
        var centre = CallCentreLoader.Parse(text, "cc.yaml");

        var problems = CallCentreCoverage.Check(centre, Shipped.Rendered("acme-bank-saturday-hours"));

        Assert.That(problems, Has.Some.Contains("scenario 'acme-bank-saturday-hours'").And.Contains("checklist item 'sunday-closed' has no behaviour mapping"));
        Assert.That(problems, Has.Some.Contains("has no checklist item 'x-sunday-closed'"));
    }

    [Test]
    public void Coverage_OtherwiseContainingThePhrase_IsReported()
    {
        var text = File.ReadAllText(Shipped.CallCentreFile)
            .Replace("otherwise: \"Yes, on Sunday it opens from eleven until three.\"", "otherwise: \"We are closed on Sundays, I think.\"", StringComparison.Ordinal);
        var centre = CallCentreLoader.Parse(text, "cc.yaml");

        var problems = CallCentreCoverage.Check(centre, Shipped.Rendered("acme-bank-saturday-hours"));

        Assert.That(problems, Has.Some.Contains("contains what item 'sunday-closed' looks for, but is not its 'says'"));
    }

    [Test]
    public void Coverage_UnknownScenario_SaysSo()
    {
        var centre = Shipped.CallCentre();
        var problems = CallCentreCoverage.Check(centre, Shipped.Rendered("brightmart-returns-policy-zh"));
        Assert.That(problems, Has.One.Contains("scenario 'brightmart-returns-policy-zh' has no agent lines"));
    }

    private const string Minimal = """
        sites:
          - id: leeds
            name: Leeds
            time_zone: Europe/London
            lines: ["+441134960001"]
        profiles:
          good: { greets: 1, gives_name: 1, follows_procedure: 1, correct_information: 1, offers_more_help: 1, closes_politely: 1, uses_forbidden_phrase: 0, answers_slowly: 0, holds_too_long: 0, no_answer: 0, busy: 0 }
        agents:
          - { id: sarah, name: Sarah, staff_number: "1", site: leeds, voice: rms, profile: good }
        scenarios: {}
        """;

    [Test]
    public void Parse_Minimal_Loads() =>
        Assert.That(CallCentreLoader.Parse(Minimal, "cc.yaml").Agents, Has.Count.EqualTo(1));

    [TestCase("voice: rms", "voice: en-US-AvaNeural", "cc.yaml:9:70: 'en-US-AvaNeural' is not a local voice")]
    [TestCase("voice: rms", "voice: espeak:en-us+m9", "cc.yaml:9:70: 'espeak:en-us+m9' is not a local voice")]
    [TestCase("\"+441134960001\"", "\"01134960001\"", "cc.yaml:5:13: line '01134960001' is not an E.164 number")]
    [TestCase("Europe/London", "Europe/Leeds", "cc.yaml:4:16: 'Europe/Leeds' is not an IANA time zone")]
    [TestCase("site: leeds", "site: york", "cc.yaml:9:56: unknown site 'york'")]
    [TestCase("profile: good", "profile: great", "cc.yaml:9:84: unknown profile 'great'")]
    [TestCase("greets: 1,", "greets: 1.5,", "cc.yaml:7:19: 'greets' must be a probability from 0 to 1")]
    [TestCase("id: sarah", "id: Sarah", "cc.yaml:9:11: agent id 'Sarah' must be lower-case letters")]
    [TestCase("name: Leeds", "nmae: Leeds", "cc.yaml:3:5: unknown field 'nmae'")]
    public void Parse_Problem_IsReportedWithFileLineAndColumn(string find, string replace, string expected)
    {
        var ex = Assert.Throws<CallCentreException>(() => CallCentreLoader.Parse(Minimal.Replace(find, replace, StringComparison.Ordinal), "cc.yaml"));
        Assert.That(ex!.Errors, Has.Some.StartsWith(expected));
    }

    [Test]
    public void Parse_BrokenYaml_IsPositioned()
    {
        var ex = Assert.Throws<CallCentreException>(() => CallCentreLoader.Parse("sites: [\n  - a: b\n", "cc.yaml"));
        Assert.That(ex!.Errors[0], Does.Match(@"^cc\.yaml:\d+:\d+: "));
    }
}
