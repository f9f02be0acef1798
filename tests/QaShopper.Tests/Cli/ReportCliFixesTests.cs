using QaShopper.Cli;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;
using Spectre.Console;

namespace QaShopper.Tests.Cli;

/// <summary>What a new user missed in the CLI's reports: agent ids in any case, wide tables in a pipe, CSV of plans and status.</summary>
public sealed class ReportCliFixesTests
{
    private static readonly string Scenarios = RepoPaths.Combine("scenarios");
    private static readonly string DemoWeek = RepoPaths.Combine("scenarios", "campaigns", "demo-week.yaml");

    [Test]
    public void WideTable_WrittenToANonTerminal_KeepsEveryRowOnOneLine()
    {
        using var output = new StringWriter();
        var console = new CliConsole(output, TextWriter.Null, interactive: false);
        var table = new Table();
        var cells = Enumerable.Range(0, 24).Select(i => $"column-{i:D2}-with-a-long-value").ToArray();
        foreach (var i in Enumerable.Range(0, cells.Length))
        {
            table.AddColumn($"heading-{i:D2}");
        }

        table.AddRow(cells);
        console.Rich.Write(table);

        var lines = output.ToString().Split('\n');
        Assert.That(lines.Max(l => l.Length), Is.GreaterThan(700), "wider than any terminal");
        Assert.That(lines.Count(l => l.Contains("column-00", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines.Single(l => l.Contains("column-00", StringComparison.Ordinal)), Does.Contain("column-23-with-a-long-value"), "the row is not wrapped");
    }

    [Test]
    public async Task Report_AgentInAnotherCase_FindsTheAgent()
    {
        using var database = new TempDatabase();
        using (var file = LiteDbFile.Open(database.Path, TimeProvider.System))
        {
            file.Migrate();
            await new LiteDbResultStore(file, TimeProvider.System).SaveCallAsync(SampleCalls.Call(agentId: "sarah"), SampleCalls.Score(agent: "sarah"));
        }

        var run = await CliRunner.RunAsync("report", "--db", database.Path, "--scenarios", Scenarios, "--agent", "Sarah", "--format", "csv");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out.Split('\n')[1], Does.StartWith("sarah,1,83.3,"));
    }

    [Test]
    public async Task CampaignPlan_Csv_OneRowPerCall()
    {
        var json = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--json");
        var csv = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--csv");
        Assert.That(csv.ExitCode, Is.EqualTo(0), csv.ToString());
        var lines = csv.Out.TrimEnd().Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("call_id,site,local_date,period,at_utc,line,scenario,caller_number,caller_voice"));
        using var plan = System.Text.Json.JsonDocument.Parse(json.Out);
        var ids = plan.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("call_id").GetString()).ToList();
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(ids));
    }

    [Test]
    public async Task CampaignPlan_JsonAndCsv_IsRefused()
    {
        var run = await CliRunner.RunAsync("campaign", "plan", DemoWeek, "--scenarios", Scenarios, "--csv", "--json");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.Contain("--json and --csv cannot be used together"));
    }
}

public sealed class CampaignStatusCsvTests
{
    [Test]
    public async Task CampaignStatus_Csv_OneRowPerCallWithItsState()
    {
        using var database = new TempDatabase();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        using (var file = LiteDbFile.Open(database.Path, TimeProvider.System))
        {
            file.Migrate();
            var campaign = new QaShopper.Core.Campaigns.ScheduledCampaign(Campaigns.CampaignTestKit.Campaign(), "text", 7, at.AddDays(-1), "on-time", Campaigns.CampaignTestKit.NoScenarioVersions);
            await new LiteDbCampaignStore(file).SaveCampaignAsync(campaign,
            [
                new(Campaigns.CampaignTestKit.Call("acme-1", at, at.AddHours(1)), at),
                new(Campaigns.CampaignTestKit.Call("acme-2", at.AddHours(2), at.AddHours(3)), at.AddHours(2)),
            ]);
        }

        var run = await CliRunner.RunAsync("campaign", "status", "acme", "--db", database.Path, "--csv");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var lines = run.Out.TrimEnd().Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("call_id,site,period,line,scenario,planned_at_utc,state,attempts,attempt_call_id,agent,score,reason"));
        Assert.That(lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(7))), Is.EqualTo(new[]
        {
            "acme-1,leeds,all-day,\"'+441134960001\",example,2026-03-02T09:00:00Z,planned",
            "acme-2,leeds,all-day,\"'+441134960001\",example,2026-03-02T11:00:00Z,planned",
        }));
    }
}
