using System.Text.Json;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>
/// <c>qashopper rehearse</c>: a campaign placed through the production adapters (the Twilio carrier against the Twilio
/// emulator, Azure Speech against its emulator), answered by the simulated call centre, scored and stored.
/// </summary>
[NonParallelizable]
public sealed class RehearseCommandTests
{
    private const string Line = "+441134960001";

    // Two calls on one line, one per scenario of the bank; busy, unanswered and failed calls are retried once.
    private static readonly string Campaign = TestCampaignFiles.Tiny
        .Replace("id: tiny-check", "id: rehearsal-check", StringComparison.Ordinal)
        .Replace("scenarios: [acme-bank-saturday-hours] }", "scenarios: [acme-bank-saturday-hours, acme-bank-lost-card] }", StringComparison.Ordinal)
        .Replace("  - { id: acme-bank-saturday-hours }", "  - { id: acme-bank-saturday-hours }\n  - { id: acme-bank-lost-card }\nretries: { busy: { max: 1, after: 10m }, no_answer: { max: 1, after: 10m }, failed: { max: 1, after: 10m } }", StringComparison.Ordinal);

    private TempDirectory temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempDirectory();

    [TearDown]
    public void TearDown() => temp.Dispose();

    [Test]
    public async Task Rehearse_ThroughBothEmulators_PlacesRecordsTranscribesAndScoresTheCalls()
    {
        var run = await RehearseAsync();
        var status = await StatusAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("2 calls created").And.Contain("(0 refused or failed)"), run.Out);
        Assert.That(run.Out, Does.Match(@"Azure Speech emulator: [1-9]\d* syntheses, [1-9]\d* transcriptions"), "the caller spoke and the recordings were heard through the Azure adapters");
        var completed = status.Where(c => c.State == "completed").ToList();
        Assert.That(status.Select(c => c.State), Is.All.AnyOf("completed", "no-answer", "busy"));
        Assert.That(completed, Is.Not.Empty);
        Assert.That(await ScoredCallsAsync(), Is.EqualTo(completed.Count), "every answered call transcribed, scored and stored");
        Assert.That(run.Out, Does.Contain($"{completed.Count} recordings, {completed.Count} deleted after download"), "downloaded, stored, then deleted at Twilio");
        Assert.That(Directory.GetFiles(temp.File("recordings"), "*.wav"), Has.Length.EqualTo(completed.Count));
    }

    [Test]
    public async Task Rehearse_CallbacksSentTwiceOutOfOrderAndRecordingFirst_EachCallStoredAndScoredOnce()
    {
        var run = await RehearseAsync("--local-speech", "--fault", "duplicate-callbacks", "--fault", "reorder-callbacks", "--fault", "recording-first");
        var status = await StatusAsync();
        var stored = await ScoredCallsAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var completed = status.Count(c => c.State == "completed");
        Assert.That(completed, Is.GreaterThan(0), run.ToString());
        Assert.That(stored, Is.EqualTo(completed), "one stored, scored call per answered call, whatever the callbacks did");
        Assert.That(status.Select(c => c.Attempts), Is.All.EqualTo(1));
    }

    [TestCase("busy", "busy")]
    [TestCase("no-answer", "no-answer")]
    [TestCase("failed", "failed")]
    public async Task Rehearse_LineThatNeverConnects_IsRetriedByTheCampaignRuleThenGivenUp(string fault, string state)
    {
        var run = await RehearseAsync("--local-speech", "--fault", $"{fault}:{Line}");
        var status = await StatusAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(status.Select(c => (c.State, c.Attempts)), Is.All.EqualTo((state, 2)), "one retry, as the campaign says");
        Assert.That(run.Out, Does.Contain($"{status.Count * 2} calls created"));
    }

    [Test]
    public async Task Rehearse_UnknownFault_ExitsTwoListingTheKinds()
    {
        var run = await RehearseAsync("--local-speech", "--fault", "engaged");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("unknown kind 'engaged'").And.Contain("busy, no-answer"));
    }

    [Test]
    public async Task Demo_CarrierKindTwilio_RefusesPointingToRehearse()
    {
        var run = await CliRunner.RunAsync("demo", "--db", temp.File("qa.db"), "--config", temp.Write("twilio.json", """{ "Carrier": { "Kind": "twilio" } }"""));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("simulated call centre only").And.Contain("qashopper rehearse"));
        Assert.That(File.Exists(temp.File("qa.db")), Is.False, "nothing stored, nothing dialled");
    }

    private Task<CliRun> RehearseAsync(params string[] extra) =>
        CliRunner.RunAsync(
        [
            "rehearse", "--campaign", temp.Write("campaign.yaml", Campaign), "--db", temp.File("qa.db"), "--config", Settings(),
            "--report", temp.File("report.html"), .. extra,
        ]);

    /// <summary>The scored calls in the store, as the per-agent report counts them.</summary>
    private async Task<int> ScoredCallsAsync()
    {
        var report = await CliRunner.RunAsync("report", "--format", "json", "--db", temp.File("qa.db"), "--config", Settings());
        Assert.That(report.ExitCode, Is.EqualTo(0), report.ToString());
        using var agents = JsonDocument.Parse(report.Out);
        return agents.RootElement.EnumerateArray().Sum(a => a.GetProperty("calls").GetInt32());
    }

    private async Task<List<(string State, int Attempts)>> StatusAsync()
    {
        var status = await CliRunner.RunAsync("campaign", "status", "rehearsal-check", "--json", "--db", temp.File("qa.db"), "--config", Settings());
        Assert.That(status.ExitCode, Is.EqualTo(0), status.ToString());
        using var json = JsonDocument.Parse(status.Out);
        return [.. json.RootElement.GetProperty("calls").EnumerateArray().Select(c => (
            c.GetProperty("state").GetString()!,
            c.GetProperty("attempts").GetInt32()))];
    }

    private string Settings() => temp.Write("settings.json", JsonSerializer.Serialize(new
    {
        Simulation = new { CallCentreFile = RepoPaths.Combine("scenarios", "call-centre.yaml") },
        Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
        LocalSpeech = new { Flite = new { CacheDirectory = temp.File("flite") } },
    }));
}
