using System.Text.Json;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>campaign start, status and cancel through the real command tree, the real Quartz store and, for --now, real speech.</summary>
public sealed class CampaignRunCommandTests
{
    private static readonly string Scenarios = RepoPaths.Combine("scenarios");

    private const string TinyCampaign = TestCampaignFiles.Tiny;

    private static string[] Settings(TempDirectory temp) =>
    [
        "--db", temp.File("qa.db"),
        "--config", temp.Write("settings.json", JsonSerializer.Serialize(new
        {
            Simulation = new { CallCentreFile = RepoPaths.Combine("scenarios", "call-centre.yaml") },
            Scenarios = new { Directory = Scenarios },
            Recordings = new { Directory = temp.File("recordings") },
        })),
    ];

    private static async Task<JsonDocument> StatusAsync(TempDirectory temp)
    {
        var run = await CliRunner.RunAsync(["campaign", "status", "tiny-check", "--json", .. Settings(temp)]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        return JsonDocument.Parse(run.Out);
    }

    [Test]
    public async Task Start_OnTime_SchedulesEveryCallWithoutPlacingAny()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("tiny.yaml", TinyCampaign);

        var start = await CliRunner.RunAsync(["campaign", "start", file, .. Settings(temp)]);
        using var status = await StatusAsync(temp);

        Assert.That(start.ExitCode, Is.EqualTo(0), start.ToString());
        Assert.That(start.Error, Does.Contain("2 newly scheduled (on-time)"));
        var states = status.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("state").GetString()).ToList();
        Assert.That(states, Is.EqualTo(new[] { "planned", "planned" }));
    }

    [Test]
    public async Task Start_SameFileTwice_SchedulesNothingNew()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("tiny.yaml", TinyCampaign);

        await CliRunner.RunAsync(["campaign", "start", file, .. Settings(temp)]);
        var again = await CliRunner.RunAsync(["campaign", "start", file, .. Settings(temp)]);
        using var status = await StatusAsync(temp);

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(again.Error, Does.Contain("0 newly scheduled"));
        Assert.That(status.RootElement.GetProperty("calls").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Start_EditedFileUnderAScheduledId_IsRefusedAndTheScheduledCallsStay()
    {
        using var temp = new TempDirectory();
        await CliRunner.RunAsync(["campaign", "start", temp.Write("tiny.yaml", TinyCampaign), .. Settings(temp)]);
        var edited = temp.Write("tiny-edited.yaml", TinyCampaign.Replace("\"12:00\"", "\"12:30\"", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync(["campaign", "start", edited, .. Settings(temp)]);
        using var status = await StatusAsync(temp);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("already scheduled").And.Contain("campaign cancel tiny-check"));
        Assert.That(status.RootElement.GetProperty("calls").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Cancel_ScheduledCampaign_EndsEveryPlannedCallCancelled()
    {
        using var temp = new TempDirectory();
        await CliRunner.RunAsync(["campaign", "start", temp.Write("tiny.yaml", TinyCampaign), .. Settings(temp)]);

        var cancel = await CliRunner.RunAsync(["campaign", "cancel", "tiny-check", .. Settings(temp)]);
        using var status = await StatusAsync(temp);

        Assert.That(cancel.ExitCode, Is.EqualTo(0), cancel.ToString());
        Assert.That(cancel.Error, Does.Contain("2 planned call(s) cancelled"));
        Assert.That(status.RootElement.GetProperty("is_finished").GetBoolean(), Is.True);
        Assert.That(status.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("state").GetString()), Is.All.EqualTo("cancelled"));
    }

    [Test]
    public async Task Status_UnknownCampaign_ExitsOneAndSaysHowToList()
    {
        using var temp = new TempDirectory();

        var run = await CliRunner.RunAsync(["campaign", "status", "nope", .. Settings(temp)]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("no campaign 'nope'"));
    }

    [Test]
    public async Task Start_Now_PlacesTranscribesAndScoresEveryCallAgainstTheSimulatedCallCentre()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("tiny.yaml", TinyCampaign);

        var run = await CliRunner.RunAsync(["campaign", "start", file, "--now", .. Settings(temp)]);
        using var status = await StatusAsync(temp);
        var list = await CliRunner.RunAsync(["campaign", "status", .. Settings(temp)]);
        var report = await CliRunner.RunAsync(["report", "--format", "json", .. Settings(temp)]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(status.RootElement.GetProperty("is_finished").GetBoolean(), Is.True);
        var calls = status.RootElement.GetProperty("calls").EnumerateArray().ToList();
        Assert.That(calls.Select(c => c.GetProperty("state").GetString()), Is.All.AnyOf("completed", "no-answer", "busy"), "every call ends in one final state");
        Assert.That(calls.Select(c => c.GetProperty("attempt_call_id").GetString()), Is.Unique);
        Assert.That(list.Out, Does.Contain("tiny-check"));
        var completed = calls.Count(c => c.GetProperty("state").GetString() == "completed");
        Assert.That(completed, Is.GreaterThan(0), "with these seeds at least one simulated call is answered");
        using var reports = JsonDocument.Parse(report.Out);
        Assert.That(reports.RootElement.EnumerateArray().Sum(a => a.GetProperty("calls").GetInt32()), Is.LessThanOrEqualTo(completed));
    }

    [TestCase("--now", "--speed", "10", "--now and --speed cannot be combined")]
    [TestCase("--speed", "0.5", null, "--speed must be between 1 and 1000000")]
    public async Task Start_BadRunOptions_ExitTwoNamingTheOption(string first, string second, string? third, string message)
    {
        using var temp = new TempDirectory();
        string[] options = third is null ? [first, second] : [first, second, third];

        var run = await CliRunner.RunAsync(["campaign", "start", temp.Write("tiny.yaml", TinyCampaign), .. options, .. Settings(temp)]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public async Task Start_QuotaTheCampaignCannotMeet_SchedulesNothingAndExitsOne()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("too-many.yaml", TinyCampaign.Replace("per_agent_per_week: 1", "per_agent_per_week: 200", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync(["campaign", "start", file, .. Settings(temp)]);
        var list = await CliRunner.RunAsync(["campaign", "status", .. Settings(temp)]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("cannot be met: +441134960001: needs").And.Contain("nothing scheduled"));
        Assert.That(list.Error, Does.Contain("no campaign scheduled yet"));
    }

    [Test]
    public async Task Start_OnTimeWhenTheDatesAreOver_ExitsOneSuggestingNow()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("past.yaml", TinyCampaign.Replace("from: 2099-01-05, to: 2099-01-11", "from: 2020-01-06, to: 2020-01-12", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync(["campaign", "start", file, .. Settings(temp)]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("the dates are over").And.Contain("--now"));
    }

    [Test]
    public async Task Demo_SmallCampaign_RunsItThenPrintsTheAgentTableAndWritesTheReport()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("tiny.yaml", TinyCampaign);
        var report = temp.File("report/index.html");

        var run = await CliRunner.RunAsync(["demo", "--campaign", file, "--scenarios", Scenarios, "--report", report, .. Settings(temp)]);
        using var status = await StatusAsync(temp);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("Test calls per agent").And.Contain("demo: campaign tiny-check, 2 calls"));
        Assert.That(File.Exists(report), Is.True);
        Assert.That(status.RootElement.GetProperty("is_finished").GetBoolean(), Is.True);
    }
}
