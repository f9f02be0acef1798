using System.Text.Json;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>A bad setting stops the command before any work or side effect, with one line naming the setting or file.</summary>
public sealed class BadSettingsTests
{
    private TempDirectory temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempDirectory();

    [TearDown]
    public void TearDown() => temp.Dispose();

    [Test]
    public async Task Report_MalformedConfigFile_FailsWithOneLineNamingTheFileBeforeOpeningTheStore()
    {
        var config = temp.Write("bad.json", "{ \"Store\": { \"Path\": ");

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        AssertOneLine(run, config);
        Assert.That(run.Error, Does.Contain("not valid JSON"));
        Assert.That(File.Exists(temp.File("qa.db")), Is.False, "nothing was done: the store was not even created");
    }

    [Test]
    public async Task Report_MalformedAppsettingsInTheWorkingFolder_FailsWithOneLineNamingIt()
    {
        var appsettings = temp.Write("appsettings.json", "{ \"Logging\": [ }");

        using var run = CliProcess.Start(temp.Path, "report", "--db", temp.File("qa.db"));
        Assert.That(await run.WaitForExitAsync(TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain(appsettings).And.Contain("not valid JSON"));
        Assert.That(File.Exists(temp.File("qa.db")), Is.False);
    }

    [TestCase("999")]
    [TestCase("Loud")]
    public async Task Report_LogLevelThatIsNotALevel_FailsNamingTheSetting(string level)
    {
        var config = Config(new { Logging = new { LogLevel = new { Default = level } } });

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        AssertOneLine(run, "Logging:LogLevel:Default");
        Assert.That(run.Error, Does.Contain("Warning").And.Contain(level), "the line says what was given and what is allowed");
        Assert.That(File.Exists(temp.File("qa.db")), Is.False);
    }

    [Test]
    public async Task Report_LogLevelByNameInAnyCase_IsAccepted()
    {
        var config = Config(new { Logging = new { LogLevel = new { Default = "warning", Microsoft = "None" } } });

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }

    [Test]
    public async Task CampaignValidate_ScenarioFolderThatDoesNotExist_FailsNamingTheSetting()
    {
        var missing = temp.File("no-such-folder");
        var campaign = temp.Write("tiny.yaml", TestCampaignFiles.Tiny);
        var config = Config(new { Scenarios = new { Directory = missing } });

        var run = await CliRunner.RunAsync("campaign", "validate", campaign, "--config", config);

        AssertOneLine(run, "Scenarios:Directory");
        Assert.That(run.Error, Does.Contain(missing));
    }

    [Test]
    public async Task CampaignStartNow_FliteProgramThatDoesNotExist_FailsNamingTheSettingAndStoresNoCampaign()
    {
        var campaign = temp.Write("tiny.yaml", TestCampaignFiles.Tiny);
        var config = Config(new
        {
            Simulation = new { CallCentreFile = RepoPaths.Combine("scenarios", "call-centre.yaml") },
            Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
            Recordings = new { Directory = temp.File("recordings") },
            LocalSpeech = new { Flite = new { ExecutablePath = "/nonexistent/flite" } },
        });

        var start = await CliRunner.RunAsync("campaign", "start", campaign, "--now", "--db", temp.File("qa.db"), "--config", config);
        var status = await CliRunner.RunAsync("campaign", "status", "--json", "--db", temp.File("qa.db"), "--config", config);

        AssertOneLine(start, "LocalSpeech:Flite:ExecutablePath");
        Assert.That(start.Error, Does.Contain("/nonexistent/flite"));
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.Out, Does.Not.Contain("tiny-check"), "the campaign is refused before it is stored: " + status);
    }

    [Test]
    public async Task CampaignStartOnTime_FliteProgramThatDoesNotExist_IsNotCheckedBecauseNothingIsSpoken()
    {
        var campaign = temp.Write("tiny.yaml", TestCampaignFiles.Tiny);
        var config = Config(new
        {
            Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
            LocalSpeech = new { Flite = new { ExecutablePath = "/nonexistent/flite" } },
        });

        var start = await CliRunner.RunAsync("campaign", "start", campaign, "--db", temp.File("qa.db"), "--config", config);

        Assert.That(start.ExitCode, Is.Zero, start.ToString());
    }

    [TestCase("Scheduler:MaxConcurrentCalls", "0")]
    [TestCase("Scheduler:MaxConcurrentCalls", "abc")]
    [TestCase("Scheduler:StopGracePeriod", "10675199.02:48:05.4775807")]
    [TestCase("Scoring:SimilarityThreshold", "1e309")]
    public async Task CampaignStartNow_BadSetting_LeavesTheStoreByteForByteAsItWas(string setting, string value)
    {
        var db = temp.File("qa.db");
        var earlier = await CliRunner.RunAsync("campaign", "start", temp.Write("tiny.yaml", TestCampaignFiles.Tiny), "--db", db, "--scenarios", RepoPaths.Combine("scenarios"));
        Assert.That(earlier.ExitCode, Is.Zero, earlier.ToString());
        var before = await File.ReadAllBytesAsync(db);
        var parts = setting.Split(':');
        var config = temp.Write("bad.json", $"{{ \"{parts[0]}\": {{ \"{parts[1]}\": \"{value}\" }} }}");
        var campaign = temp.Write("other.yaml", TestCampaignFiles.Tiny.Replace("id: tiny-check", "id: other-check", StringComparison.Ordinal));

        var start = await CliRunner.RunAsync(
            "campaign", "start", campaign, "--now", "--db", db, "--scenarios", RepoPaths.Combine("scenarios"), "--config", config);

        AssertOneLine(start, setting);
        Assert.That(await File.ReadAllBytesAsync(db), Is.EqualTo(before), "neither the campaign nor its triggers were stored");
    }

    private static void AssertOneLine(CliRun run, string named)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain(named), run.ToString());
        Assert.That(run.Out, Is.Empty, run.ToString());
    }

    private string Config(object settings) => temp.Write("settings.json", JsonSerializer.Serialize(settings));
}
