using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Hosting;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>
/// A campaign run here, stopped from outside as users and service managers stop it: a signal stops it placing calls
/// at once and it says what it did; <c>kill -9</c> loses nothing and the next start repeats nothing.
/// </summary>
[NonParallelizable]
public sealed class CampaignStopTests
{
    private const int PlannedCalls = 6;
    private const int Concurrency = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    // Six calls on one line, so a stop comes while most are still to be placed; a failed (interrupted) call is retried once.
    private static readonly string Campaign = TestCampaignFiles.Tiny
        .Replace("id: tiny-check", "id: stop-check", StringComparison.Ordinal)
        .Replace("per_agent_per_week: 1", "per_agent_per_week: 3\nretries:\n  failed: { max: 1, after: 5m }", StringComparison.Ordinal)
        .Replace("caller_numbers: [\"+447700900101\", \"+447700900102\"]", "caller_numbers: [\"+447700900101\", \"+447700900102\", \"+447700900103\", \"+447700900104\", \"+447700900105\", \"+447700900106\"]", StringComparison.Ordinal);

    private TempDirectory temp = null!;
    private string[] settings = [];

    [SetUp]
    public void SetUp()
    {
        temp = new TempDirectory();
        settings =
        [
            "--db", temp.File("qa.db"),
            "--config", temp.Write("settings.json", JsonSerializer.Serialize(new
            {
                Simulation = new { CallCentreFile = RepoPaths.Combine("scenarios", "call-centre.yaml") },
                Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
                Recordings = new { Directory = temp.File("recordings") },
                Scheduler = new { MaxConcurrentCalls = Concurrency, StopGracePeriod = "00:01:00" },
                LocalSpeech = new { Flite = new { CacheDirectory = temp.File("tts") } },
            })),
        ];
    }

    [TearDown]
    public void TearDown() => temp.Dispose();

    private static bool IsCallLine(string line) => line.StartsWith('[') && line.Contains('/', StringComparison.Ordinal) && line.Contains("] stop-check-", StringComparison.Ordinal);

    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task StartNow_StopSignal_PlacesNoNewCallSettlesTheOnesInProgressAndExitsNonZeroWithASummary(string signal)
    {
        var file = temp.Write("stop.yaml", Campaign);
        using var run = CliProcess.Start(temp.Path, ["campaign", "start", file, "--now", .. settings]);
        await run.WaitForErrorLineAsync(IsCallLine, Patience, "first finished call");

        var finishedBeforeSignal = run.ErrorLines.Count(IsCallLine);
        run.Signal(signal);
        var exited = await run.WaitForExitAsync(Patience);

        Assert.That(exited, Is.True, $"still running after SIGINT/SIGTERM\n{run.Error}");
        var calls = await CallsAsync();
        var started = calls.Count(c => c.Attempts > 0);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(130), run.Error);
            Assert.That(run.Error, Does.Contain("stopping: no new call is placed").And.Contain("stopped early"));
            Assert.That(run.Output, Does.Contain("stop-check"), "the campaign's status is printed");
            Assert.That(calls.Select(c => c.State), Has.None.EqualTo(CampaignCallState.Running), "every call in progress is settled, none left running");

            // Those finished, those in progress (one per scheduler thread), and one more that may have started in the
            // instant between the last line read and the signal; never the rest of the campaign.
            Assert.That(started, Is.LessThanOrEqualTo(finishedBeforeSignal + Concurrency + 1), $"{started} calls started; {finishedBeforeSignal} had finished at the signal");
            Assert.That(started, Is.LessThan(PlannedCalls));
        });
    }

    [Test]
    public async Task StartNow_KilledWithSigkillThenStartedAgain_LosesNoCallAndPlacesNoneTwice()
    {
        var file = temp.Write("stop.yaml", Campaign);
        using (var first = CliProcess.Start(temp.Path, ["campaign", "start", file, "--now", .. settings]))
        {
            await first.WaitForErrorLineAsync(IsCallLine, Patience, "first finished call");
            first.Signal("KILL");
            Assert.That(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(first.ExitCode, Is.EqualTo(137), "killed, not stopped");
        }

        using var second = CliProcess.Start(temp.Path, ["campaign", "start", file, "--now", .. settings]);
        Assert.That(await second.WaitForExitAsync(Patience), Is.True, second.Error);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);

        var (calls, stored, histories) = await StoreAsync();
        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(PlannedCalls), "no planned call lost");
            Assert.That(calls.Select(c => c.State.IsFinal()), Is.All.True, "every call ended");
            foreach (var call in calls)
            {
                var attempts = stored.Where(s => s.Call.CallId.StartsWith(call.Call.CallId, StringComparison.Ordinal)).ToList();
                Assert.That(attempts.Count(a => a.Call.Status == CallStatus.Completed), Is.LessThanOrEqualTo(1), $"{call.Call.CallId} answered more than once");
                var history = histories[call.Call.CallId];
                Assert.That(history.Count(e => e == CampaignCallEventKind.Started), Is.EqualTo(call.Attempts), $"{call.Call.CallId}: one start per attempt");
                Assert.That(history.Count(e => e is CampaignCallEventKind.Completed or CampaignCallEventKind.NoAnswer or CampaignCallEventKind.Busy or CampaignCallEventKind.Failed), Is.EqualTo(1), $"{call.Call.CallId}: one final outcome");
            }
        });
    }

    private async Task<IReadOnlyList<CampaignCall>> CallsAsync() => (await StoreAsync()).Calls;

    private async Task<(IReadOnlyList<CampaignCall> Calls, IReadOnlyList<StoredCall> Stored, Dictionary<string, List<CampaignCallEventKind>> Histories)> StoreAsync()
    {
        var parse = QaShopperCli.BuildRoot(CliConsole.System).Parse(["report", .. settings]);
        using var host = await AppHost.StartAsync(parse, HostFeatures.Store, CancellationToken.None);
        var campaigns = host.Services.GetRequiredService<ICampaignStore>();
        var calls = await campaigns.GetCallsAsync("stop-check");
        var histories = new Dictionary<string, List<CampaignCallEventKind>>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            histories[call.Call.CallId] = [.. (await campaigns.GetEventsAsync(call.Call.CallId)).Select(e => e.Kind)];
        }

        var stored = await host.Services.GetRequiredService<IResultStore>().GetCallsAsync(new CallQuery());
        await host.StopAsync();
        return (calls, stored, histories);
    }
}
