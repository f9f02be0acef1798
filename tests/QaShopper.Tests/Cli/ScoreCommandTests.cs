using System.Text.Json;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class ScoreCommandTests
{
    private TempDirectory dir = null!;
    private string scenario = null!;
    private string transcript = null!;

    [SetUp]
    public void SetUp()
    {
        dir = new TempDirectory();
        scenario = dir.Write("branch-saturday-hours.yaml", ContractExample.ScenarioYaml);
        transcript = dir.Write("call.json", ContractExample.GoodCallTranscript);
    }

    [TearDown]
    public void TearDown() => dir.Dispose();

    [Test]
    public async Task ScoreJson_PrintsOnlyTheContractJson()
    {
        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "scenario", "agent", "score", "grade", "needsReview", "items" }));
        Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("branch-saturday-hours"));
        Assert.That(root.GetProperty("agent").GetString(), Is.EqualTo("sarah"));
        Assert.That(root.GetProperty("score").GetDouble(), Is.EqualTo(88.9));
        Assert.That(run.Out, Does.Contain("\"score\": 88.9"), "the score is written with one decimal");
        Assert.That(root.GetProperty("grade").GetString(), Is.EqualTo("good"));
        Assert.That(root.GetProperty("needsReview").GetBoolean(), Is.False);

        var outcomes = root.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("outcome").GetString());
        Assert.That(outcomes, Is.EqualTo(new Dictionary<string, string?>
        {
            ["greeting"] = "passed",
            ["agent-name"] = "passed",
            ["correct-hours"] = "passed",
            ["no-forbidden-phrases"] = "passed",
            ["offers-more-help"] = "passed",
            ["closing"] = "failed",
            ["answer-speed"] = "passed",
            ["no-long-hold"] = "passed",
        }));
        var closing = root.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "closing");
        Assert.That(closing.GetProperty("evidence").GetProperty("reason").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task ScoreWithoutJson_PrintsReadableScoreSheet()
    {
        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("Saturday opening hours").And.Contain("sarah").And.Contain("88.9").And.Contain("good"));
        Assert.That(run.Out, Does.Contain("closing").And.Contain("failed"));
    }

    [Test]
    public async Task Score_MalformedTranscript_ExitsTwoNamingTheFile()
    {
        var broken = dir.Write("broken.json", "{ \"answeredAfter\": 7.2, \"segments\": [ { \"speaker\": ");

        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", broken, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Out, Is.Empty, "nothing but JSON may reach stdout, and there is no result");
        Assert.That(run.Error, Does.Contain("broken.json"));
    }

    [Test]
    public async Task Score_InvalidScenario_ExitsTwoWithPositions()
    {
        var bad = dir.Write("bad.yaml", ContractExample.ScenarioYaml.Replace("weight: 30", "weight: lots", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync("score", "--scenario", bad, "--transcript", transcript);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Match(@"bad\.yaml:\d+:\d+: "));
    }

    [Test]
    public async Task Score_BothTranscriptAndRecording_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--recording", "x.wav");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("exactly one of --transcript"));
    }

    [Test]
    public async Task Score_OutOfRangeSetting_ExitsTwoNamingTheSetting()
    {
        var config = dir.Write("settings.json", """{ "Scoring": { "SimilarityThreshold": 3 } }""");

        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--config", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("SimilarityThreshold"));
    }

    [Test]
    public async Task ScoreSave_SameTranscriptTwice_StoresOneCallAndReportShowsIt()
    {
        var db = dir.File("qa.db");
        for (var i = 0; i < 2; i++)
        {
            var saved = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--save", "--db", db, "--json");
            Assert.That(saved.ExitCode, Is.Zero, saved.ToString());
        }

        var report = await CliRunner.RunAsync("report", "--format", "json", "--db", db);

        Assert.That(report.ExitCode, Is.Zero, report.ToString());
        using var json = JsonDocument.Parse(report.Out);
        var agents = json.RootElement.EnumerateArray().ToList();
        Assert.That(agents, Has.Count.EqualTo(1));
        Assert.That(agents[0].GetProperty("agent").GetString(), Is.EqualTo("sarah"));
        Assert.That(agents[0].GetProperty("calls").GetInt32(), Is.EqualTo(1), "saving the same transcript again updates the call");
        Assert.That(agents[0].GetProperty("averageScore").GetDouble(), Is.EqualTo(88.9));
        Assert.That(agents[0].GetProperty("weakestItems").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "closing" }));
    }

    [Test]
    public async Task Report_CsvAndTable_ListTheAgent()
    {
        var db = dir.File("qa.db");
        await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--save", "--db", db);

        var csv = await CliRunner.RunAsync("report", "--format", "csv", "--db", db);
        var table = await CliRunner.RunAsync("report", "--agent", "Sarah", "--db", db);

        Assert.That(csv.ExitCode, Is.Zero, csv.ToString());
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Is.EqualTo("agent,calls,average_score,excellent,good,pass,fail,needs_review,weakest_items"));
        Assert.That(lines[1], Is.EqualTo("sarah,1,88.9,0,1,0,0,0,closing"));
        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        Assert.That(table.Out, Does.Contain("sarah").And.Contain("Last calls").And.Contain("branch-saturday-hours"));
    }

    [Test]
    public async Task Report_DateRangeExcludingTheCall_IsEmpty()
    {
        var db = dir.File("qa.db");
        await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--save", "--db", db);

        var run = await CliRunner.RunAsync("report", "--format", "json", "--db", db, "--from", "2001-01-01", "--to", "2001-01-31");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(JsonDocument.Parse(run.Out).RootElement.GetArrayLength(), Is.Zero);
    }
}
