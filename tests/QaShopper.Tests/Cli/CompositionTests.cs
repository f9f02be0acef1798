using System.Text.Json;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>The composition root: adapters are chosen by settings, and a bad choice stops start-up with the setting's name.</summary>
public sealed class CompositionTests
{
    private TempDirectory temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempDirectory();

    [TearDown]
    public void TearDown() => temp.Dispose();

    private string Settings(object settings)
    {
        var path = temp.File("settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    [TestCase("Store", "sqlite3")]
    [TestCase("Carrier", "twillio")]
    [TestCase("Speech", "polly")]
    [TestCase("Transcription", "whisper")]
    public async Task AnyCommand_UnknownAdapterKind_StopsNamingTheSettingAndTheAllowedValues(string section, string kind)
    {
        var config = Settings(new Dictionary<string, object> { [section] = new { Kind = kind } });

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{section}:Kind is '{kind}'; allowed: "), run.ToString());
        Assert.That(File.Exists(temp.File("qa.db")), Is.False, "nothing is opened or created before the settings are known to be good");
    }

    [Test]
    public async Task AnyCommand_KindsInAnotherCase_AreAccepted()
    {
        var config = Settings(new { Carrier = new { Kind = "Simulated" }, Speech = new { Kind = "LOCAL" } });

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }

    [Test]
    public async Task AnyCommand_EmptyRecordingFolder_StopsNamingTheSetting()
    {
        var config = Settings(new { Recordings = new { Directory = " " } });

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Contain("Recordings:Directory is empty"), run.ToString());
    }

    [Test]
    public async Task AnyCommand_EmptyScenarioFolder_StopsNamingTheSetting()
    {
        var config = Settings(new { Scenarios = new { Directory = "" } });

        var run = await CliRunner.RunAsync("report", "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Contain("Scenarios:Directory is empty"), run.ToString());
    }

    [Test]
    public async Task AnyCommand_DataFileOpenElsewhere_ExitsTwoNamingTheFileWithoutAStackTrace()
    {
        var path = temp.File("qa.db");
        using var holder = QaShopper.LiteDb.LiteDbFile.Open(path, TimeProvider.System);

        // A real process: the host's own logs go to the process's stderr, which an in-process run does not capture.
        using var run = CliProcess.Start(temp.Path, "report", "--db", path);
        Assert.That(await run.WaitForExitAsync(TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain($"The store '{path}' is in use by another QaShopper process"), run.Error);
        Assert.That(run.Error, Does.Not.Contain("Exception").And.Not.Contain("Hosting failed"), "a message, not a stack trace");
    }

    [Test]
    public async Task AnyCommand_SettingInUserSecrets_IsReadAndAnEnvironmentVariableWins()
    {
        // The user's secret store lives under HOME: a private one keeps the test away from the real user's secrets.
        var home = temp.File("home");
        var secrets = Path.Combine(home, ".microsoft", "usersecrets", "qashopper");
        Directory.CreateDirectory(secrets);
        await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), """{ "Carrier:Kind": "from-user-secrets" }""");
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home };

        using (var fromSecrets = CliProcess.Start(temp.Path, environment, "report", "--db", temp.File("qa.db")))
        {
            Assert.That(await fromSecrets.WaitForExitAsync(TimeSpan.FromMinutes(1)), Is.True);
            Assert.That(fromSecrets.ExitCode, Is.EqualTo(2), fromSecrets.Error);
            Assert.That(fromSecrets.Error, Does.Contain("Carrier:Kind is 'from-user-secrets'"));
        }

        environment["QASHOPPER_Carrier__Kind"] = "simulated";
        using var overridden = CliProcess.Start(temp.Path, environment, "report", "--db", temp.File("qa.db"));
        Assert.That(await overridden.WaitForExitAsync(TimeSpan.FromMinutes(1)), Is.True);
        Assert.That(overridden.ExitCode, Is.EqualTo(0), overridden.Error);
    }
}
