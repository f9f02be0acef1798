using System.Text.Json;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class CampaignCommandTests
{
    private static readonly string DemoWeek = RepoPaths.Combine("scenarios", "campaigns", "demo-week.yaml");
    private static readonly string Scenarios = RepoPaths.Combine("scenarios");

    [Test]
    public async Task Validate_ShippedDemoCampaign_IsValidAndSaysHowManyCallsItPlans()
    {
        var run = await CliRunner.RunAsync("campaign", "validate", DemoWeek, "--scenarios", Scenarios);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Match(@"valid; plans \d+ calls from 2026-11-23 to 2026-11-29"));
    }

    [Test]
    public async Task Validate_BrokenFile_PrintsPositionedProblemsAndExitsOne()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(DemoWeek).Replace("time_zone: Europe/London", "time_zone: Europe/Londn", StringComparison.Ordinal);
        var file = temp.Write("broken.yaml", text);

        var run = await CliRunner.RunAsync("campaign", "validate", file, "--scenarios", Scenarios);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Match(@"broken\.yaml:\d+:\d+: unknown time zone 'Europe/Londn'"));
    }

    [Test]
    public async Task Validate_QuotaLargerThanThePeriodsAllow_ReportsTheNumbersAndExitsOne()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(DemoWeek).Replace("per_agent_per_week: 3", "per_agent_per_week: 40", StringComparison.Ordinal);
        var file = temp.Write("too-many.yaml", text);

        var run = await CliRunner.RunAsync("campaign", "validate", file, "--scenarios", Scenarios);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("cannot be planned: +441134960001: needs"));
    }

    [Test]
    public async Task Validate_UnknownScenario_IsAnError()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(DemoWeek).Replace("{ id: acme-bank-lost-card, weight: 1 }", "{ id: acme-bank-lost-cards, weight: 1 }", StringComparison.Ordinal);
        var file = temp.Write("unknown-scenario.yaml", text);

        var run = await CliRunner.RunAsync("campaign", "validate", file, "--scenarios", Scenarios);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("acme-bank-lost-cards"));
    }

    [Test]
    public async Task Plan_DemoCampaign_ShowsADayByPeriodTablePerSiteAndEveryCall()
    {
        var run = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("leeds (Europe/London)").And.Contain("chicago (America/Chicago)").And.Contain("manila (Asia/Manila)"));
        Assert.That(run.Out, Does.Contain("shift-handover").And.Contain("Mon 2026-11-23"));
        Assert.That(run.Out, Does.Contain("demo-week-20261123-0001"));
    }

    [Test]
    public async Task Plan_Json_ListsTheSameCallsAsTheTableAndIsStableForTheSameFile()
    {
        var first = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--json");
        var second = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--json");
        using var json = JsonDocument.Parse(first.Out);

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(json.RootElement.GetProperty("calls").GetArrayLength(), Is.GreaterThanOrEqualTo(42), "14 agents × 3 calls");
        Assert.That(json.RootElement.GetProperty("problems").GetArrayLength(), Is.Zero);
        Assert.That(second.Out, Is.EqualTo(first.Out), "no seed given: the plan is derived from the file");
    }

    [Test]
    public async Task Plan_DifferentSeed_MovesTheCalls()
    {
        var first = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--json", "--seed", "1");
        var second = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--json", "--seed", "2");

        Assert.That(second.Out, Is.Not.EqualTo(first.Out));
    }

    [Test]
    public async Task Plan_DatesOutsideTheCampaign_ExitTwoNamingTheOptions()
    {
        var run = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--from", "2026-11-01");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("--from/--to"));
    }

    [Test]
    public async Task Plan_OneDay_PlansOnlyThatDay()
    {
        var run = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--json", "--from", "2026-11-24", "--to", "2026-11-24");
        using var json = JsonDocument.Parse(run.Out);

        var dates = json.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("local_date").GetString()).Distinct().ToList();
        Assert.That(dates, Is.EqualTo(new[] { "2026-11-24" }));
    }
}
