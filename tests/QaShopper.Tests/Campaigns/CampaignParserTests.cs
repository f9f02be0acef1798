using QaShopper.Core.Campaigns;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Campaigns;

public sealed class CampaignParserTests
{
    private static readonly string DemoWeekFile = RepoPaths.Combine("scenarios", "campaigns", "demo-week.yaml");

    private static string Minimal => CampaignParserDiagnosticsTests.Minimal;

    private static string With(string old, string replacement) => CampaignParserDiagnosticsTests.With(old, replacement);

    [Test]
    public void Parse_DemoWeek_ReadsEveryField()
    {
        var text = File.ReadAllText(DemoWeekFile);

        var result = CampaignParser.Parse(text, "scenarios/campaigns/demo-week.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.IsValid, Is.True);
        var c = result.Campaign!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Id, Is.EqualTo("demo-week"));
            Assert.That(c.Name, Is.EqualTo("Demo week, all three sites"));
            Assert.That(c.From, Is.EqualTo(new DateOnly(2026, 11, 23)));
            Assert.That(c.To, Is.EqualTo(new DateOnly(2026, 11, 29)));
            Assert.That(c.Sites.Select(s => s.Id), Is.EqualTo(new[] { "leeds", "chicago", "manila" }));
            Assert.That(c.Lines, Has.Count.EqualTo(6));
            Assert.That(c.Scenarios, Has.Count.EqualTo(5));
            Assert.That(c.SourcePath, Is.EqualTo("scenarios/campaigns/demo-week.yaml"));
            Assert.That(c.ContentHash, Is.EqualTo(ScenarioParser.ComputeContentHash(text)));
        });

        var leeds = c.Site("leeds");
        Assert.Multiple(() =>
        {
            Assert.That(leeds.TimeZone.Id, Is.EqualTo("Europe/London"));
            Assert.That(leeds.OpeningHours, Has.Count.EqualTo(2));
            Assert.That(leeds.OpeningHours[1].Days, Is.EquivalentTo(new[] { DayOfWeek.Saturday }));
            Assert.That(leeds.OpeningHours[0].Window, Is.EqualTo(new DailyWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(20))));
            Assert.That(leeds.Holidays, Is.EqualTo(new[] { new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26) }));
            Assert.That(leeds.Closures, Is.EqualTo(new[] { new Closure(new DateTime(2026, 11, 25, 12, 0, 0), new DateTime(2026, 11, 25, 13, 0, 0), "monthly team briefing") }));
            Assert.That(leeds.Periods.Select(p => p.Name), Is.EqualTo(new[] { "shift-start", "peak", "before-lunch", "after-lunch", "shift-handover", "quiet", "shift-end" }));
            Assert.That(leeds.Period("peak").Days, Is.EquivalentTo(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }));
            Assert.That(leeds.Period("quiet").Days, Has.Count.EqualTo(6));
            Assert.That(leeds.Period("shift-start").Window, Is.EqualTo(new DailyWindow(TimeSpan.FromHours(8), new TimeSpan(8, 45, 0))));
            Assert.That(c.Site("chicago").TimeZone.Id, Is.EqualTo("America/Chicago"));
            Assert.That(c.Site("chicago").Holidays, Is.EqualTo(new[] { new DateOnly(2026, 11, 26) }));
            Assert.That(c.Site("manila").Period("shift-start").Days, Has.Count.EqualTo(7));
            Assert.That(c.Site("manila").Period("quiet").Days, Is.EquivalentTo(new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
            Assert.That(c.Site("manila").OpeningHours.Single().Days, Has.Count.EqualTo(7));
        });

        Assert.Multiple(() =>
        {
            Assert.That(c.Lines[0], Is.EqualTo(c.Lines[0] with { Number = "+441134960001", SiteId = "leeds" }));
            Assert.That(c.Lines[0].Agents, Is.EqualTo(new[] { "sarah", "james", "helen", "peter", "laura" }));
            Assert.That(c.Lines[0].ScenarioIds, Is.EqualTo(new[] { "acme-bank-saturday-hours", "acme-bank-lost-card" }));
            Assert.That(c.Lines[4].ScenarioIds, Is.EqualTo(new[] { "brightmart-order-delivery" }));
            Assert.That(c.Lines[5].Number, Is.EqualTo("+6328000102"));
            Assert.That(c.Lines[5].ScenarioIds, Is.Empty, "no scenarios: all of the campaign's");
            Assert.That(c.Scenarios[0], Is.EqualTo(new WeightedScenario("acme-bank-saturday-hours", 2)));
            Assert.That(c.Scenarios.Skip(1).Select(s => s.Weight), Is.All.EqualTo(1));
            Assert.That(c.Quotas, Is.EqualTo(new CampaignQuotas(3, 1, 2)));
            Assert.That(c.Pacing, Is.EqualTo(new CampaignPacing(1, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(6))));
            Assert.That(c.Anonymity.CallerNumbers, Has.Count.EqualTo(8));
            Assert.That(c.Anonymity.CallerNumbers[0], Is.EqualTo("+447700900101"));
            Assert.That(c.Anonymity.NumberReuseDays, Is.EqualTo(7));
            Assert.That(c.Anonymity.CallerVoices, Is.EqualTo(new[] { "slt", "kal" }));
            Assert.That(c.Anonymity.Jitter, Is.True);
            Assert.That(c.Retries, Is.EqualTo(new CampaignRetries(
                new RetryRule(2, TimeSpan.FromMinutes(10)), new RetryRule(2, TimeSpan.FromMinutes(15)), new RetryRule(1, TimeSpan.FromMinutes(5)))));
        });
    }

    [Test]
    public void Parse_EveryShippedCampaign_IsValidWithTheShippedScenarios()
    {
        var scenarioIds = Shipped.Scenarios().Select(s => s.Id).ToList();
        var files = Directory.GetFiles(RepoPaths.Combine("scenarios", "campaigns"), "*.yaml", SearchOption.AllDirectories);

        Assert.That(files, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var result = CampaignParser.Parse(File.ReadAllText(file), file, scenarioIds);
                Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty, file);
                Assert.That(result.IsValid, Is.True, file);
            }
        });
    }

    [Test]
    public void Parse_SmallCampaignOfTheFormatReference_IsValid()
    {
        var doc = File.ReadAllText(RepoPaths.Combine("docs", "campaign-format.md"));
        var section = doc[doc.IndexOf("## A small campaign", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = section[start..section.IndexOf("```\n", start, StringComparison.Ordinal)];

        var result = CampaignParser.Parse(example, "docs/campaign-format.md", [.. Shipped.Scenarios().Select(s => s.Id)]);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Campaign!.Site("leeds").Periods, Has.Count.EqualTo(2));
    }

    [Test]
    public void Parse_OptionalSectionsLeftOut_TakeTheDocumentedDefaults()
    {
        var result = CampaignParser.Parse(Minimal, "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        var c = result.Campaign!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Pacing, Is.EqualTo(new CampaignPacing(1, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(6))));
            Assert.That(c.Anonymity.NumberReuseDays, Is.EqualTo(7));
            Assert.That(c.Anonymity.CallerVoices, Is.Empty);
            Assert.That(c.Anonymity.Jitter, Is.True);
            Assert.That(c.Retries, Is.EqualTo(CampaignRetries.None));
            Assert.That(c.Quotas.MaxPerPeriodPerDay, Is.Null);
            Assert.That(c.Scenarios[1], Is.EqualTo(new WeightedScenario("b-two", 1)));
        });
    }

    [Test]
    public void Parse_PartialSections_DefaultTheOtherFields()
    {
        var yaml = With("quotas: { per_agent_per_week: 3, per_line_per_period: 1 }", "quotas: { per_line_per_period: 2 }")
            + "pacing: { min_gap_same_line: 0s }\nretries: { busy: { max: 0 }, failed: { max: 1, after: 1m30s } }\n";

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        var c = result.Campaign!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Quotas, Is.EqualTo(new CampaignQuotas(0, 2, null)));
            Assert.That(c.Pacing, Is.EqualTo(new CampaignPacing(1, TimeSpan.Zero, TimeSpan.FromMinutes(6))));
            Assert.That(c.Retries, Is.EqualTo(new CampaignRetries(RetryRule.None, RetryRule.None, new RetryRule(1, TimeSpan.FromSeconds(90)))));
        });
    }

    [TestCase("mon-fri", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [TestCase("sat", new[] { DayOfWeek.Saturday })]
    [TestCase("fri-mon", new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday })]
    [TestCase("sun-sun", new[] { DayOfWeek.Sunday })]
    [TestCase("daily", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })]
    [TestCase("weekdays", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [TestCase("weekends", new[] { DayOfWeek.Saturday, DayOfWeek.Sunday })]
    [TestCase("\"mon,wed,fri\"", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })]
    [TestCase("\"mon, wed-thu\"", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday })]
    [TestCase("[mon, tue]", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday })]
    [TestCase("[sat-sun, mon]", new[] { DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday })]
    public void Parse_DaysForms_ReadAsTheseDays(string days, DayOfWeek[] expected)
    {
        var yaml = With("{ name: peak, days: mon-fri", $"{{ name: peak, days: {days}")
            .Replace("{ days: mon-fri, from: \"08:00\"", "{ days: daily, from: \"08:00\"", StringComparison.Ordinal);

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Campaign!.Sites[0].Period("peak").Days, Is.EquivalentTo(expected));
    }

    [Test]
    public void Parse_WindowEndingAt2400_RunsToMidnight()
    {
        var yaml = With("{ days: mon-fri, from: \"08:00\", to: \"20:00\" }", "{ days: mon-fri, from: \"08:00\", to: \"24:00\" }");

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Campaign!.Sites[0].OpeningHours[0].Window.End, Is.EqualTo(TimeSpan.FromHours(24)));
    }

    [Test]
    public void Parse_PeriodOutsideOpeningHours_ReportsThePeriodPosition()
    {
        var yaml = With(
            "      - { name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }\n",
            "      - { name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }\n      - { name: late, days: mon-fri, from: \"20:00\", to: \"21:00\" }\n      - { name: weekend, days: weekends, from: \"09:00\", to: \"11:00\" }\n");

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Campaign, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "t.yaml:14:9: service period 'late' (20:00-21:00) is never inside the opening hours of site 'leeds' on any of its days; move it inside 'opening_hours' or widen them, e.g. { days: mon-fri, from: \"08:00\", to: \"20:00\" }",
            "t.yaml:15:9: service period 'weekend' (09:00-11:00) is never inside the opening hours of site 'leeds' on any of its days; move it inside 'opening_hours' or widen them, e.g. { days: mon-fri, from: \"08:00\", to: \"20:00\" }",
        }));
    }

    [Test]
    public void Parse_PeriodPartlyInsideOpeningHours_IsValid()
    {
        var yaml = With("from: \"09:00\", to: \"11:00\"", "from: \"19:30\", to: \"21:00\"");

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_NoOpeningHours_PeriodsAreTheOpeningHours()
    {
        var yaml = With("    opening_hours:\n      - { days: mon-fri, from: \"08:00\", to: \"20:00\" }\n", string.Empty)
            .Replace("{ name: peak, days: mon-fri", "{ name: peak, days: daily", StringComparison.Ordinal);

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Campaign!.Sites[0].OpeningHours, Is.Empty);
    }

    [Test]
    public void Parse_KnownScenarioIds_UnknownScenarioIsAnErrorWithSuggestion()
    {
        var result = CampaignParser.Parse(Minimal, "t.yaml", ["a-one", "b-too"]);

        Assert.That(result.Campaign, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "t.yaml:18:11: unknown scenario 'b-two'; did you mean 'b-too'? (the id of a scenario file under scenarios/)",
        }));
    }

    [Test]
    public void Parse_KnownScenarioIdsAllPresent_IsValid()
    {
        var result = CampaignParser.Parse(Minimal, "t.yaml", ["a-one", "b-two", "c-three"]);

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_ManyProblems_ReportsAllInFileOrder()
    {
        var yaml = With("id: t", "id: T")
            .Replace("Europe/London", "Europe/Londn", StringComparison.Ordinal)
            .Replace("\"+441134960001\"", "\"+44 113\"", StringComparison.Ordinal)
            .Replace("weight: 2", "weight: -2", StringComparison.Ordinal)
            .Replace("per_agent_per_week: 3", "per_agent_per_week: x", StringComparison.Ordinal);

        var result = CampaignParser.Parse(yaml, "many.yaml");

        Assert.That(result.Diagnostics.Select(d => $"{d.Position.Line}:{d.Position.Column}"), Is.EqualTo(new[] { "1:5", "6:16", "15:15", "17:26", "19:31" }));
    }

    [Test]
    public void Parse_SiteWithProblem_IsNotAlsoUnknownOnItsLines()
    {
        var yaml = With("Europe/London", "Nowhere/At_All");

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(result.Diagnostics[0].Message, Does.StartWith("unknown time zone 'Nowhere/At_All'"));
    }

    [Test]
    public void Parse_InvalidSiteId_IsNotAlsoAnUnknownSiteOnItsLines()
    {
        var yaml = With("  - id: leeds\n", "  - id: Leeds\n");

        var result = CampaignParser.Parse(yaml, "t.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "t.yaml:5:9: invalid site id 'Leeds'; expected lower-case letters, digits and '-', e.g. id: leeds",
        }));
    }

    [Test]
    public void Parse_BomAndCrLf_HashEqualsLfVersion()
    {
        var lf = CampaignParser.Parse(Minimal, "a.yaml");
        var crlf = CampaignParser.Parse("\uFEFF" + Minimal.Replace("\n", "\r\n", StringComparison.Ordinal), "a.yaml");

        Assert.That(crlf.Diagnostics, Is.Empty);
        Assert.That(crlf.Campaign!.ContentHash, Is.EqualTo(lf.Campaign!.ContentHash));
        Assert.That(lf.Campaign.ContentHash, Is.EqualTo(ScenarioParser.ComputeContentHash(Minimal)));
    }

    [Test]
    public void CampaignInvalidException_ListsEveryDiagnostic()
    {
        var result = CampaignParser.Parse(With("id: t", "id: T").Replace("weight: 2", "weight: 0", StringComparison.Ordinal), "bad.yaml");

        var exception = new CampaignInvalidException(result.Diagnostics);

        Assert.That(exception.Diagnostics, Has.Count.EqualTo(2));
        Assert.That(exception.Message, Does.Contain("bad.yaml:1:5: ").And.Contain("bad.yaml:17:26: "));
    }

    [Test]
    public void Parse_Null_Throws()
    {
        Assert.That(() => CampaignParser.Parse(null!, "a.yaml"), Throws.ArgumentNullException);
        Assert.That(() => CampaignParser.Parse("id: x", null!), Throws.ArgumentNullException);
    }
}
