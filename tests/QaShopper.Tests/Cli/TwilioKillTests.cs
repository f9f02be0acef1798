using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Hosting;
using QaShopper.Tests.EmulatedTwilio;
using QaShopper.Tests.Support;
using QaShopper.Twilio.Emulator;

namespace QaShopper.Tests.Cli;

/// <summary>
/// A host placing a Twilio call is killed outright in the middle of the call: the call goes on at Twilio, and the
/// host started again (<c>serve</c>, on the same public address) takes it up from its journal — settled once, scored
/// once, never dialled twice.
/// </summary>
[NonParallelizable]
public sealed class TwilioKillTests
{
    private const string Line = "+441134960001";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly string Campaign = TestCampaignFiles.Tiny
        .Replace("id: tiny-check", "id: kill-check", StringComparison.Ordinal)
        .Replace("agents: [sarah, james]", "agents: [sarah]", StringComparison.Ordinal);

    [Test]
    public async Task Sigkill_DuringATwilioCall_ServeStartedAgainFinishesTheCallOnceWithoutDiallingAgain()
    {
        using var temp = new TempDirectory();
        await using var run = await KilledMidCallAsync(temp);

        // serve is up before the call goes on: the rest of the call's webhooks land on it.
        using (var serve = CliProcess.Start(temp.Path, run.Environment, ["serve", "--urls", run.Webhooks, .. run.Settings]))
        {
            await serve.WaitForErrorLineAsync(l => l.Contains("qashopper serve: listening", StringComparison.Ordinal), Patience, "serve listening");
            run.Agent.ReleaseSecondTurn();
            await WaitAsync(() => run.Twilio.Calls.Single().RecordingDeleted, "the recording fetched and deleted at Twilio", serve);
            serve.Signal("TERM");
            Assert.That(await serve.WaitForExitAsync(Patience), Is.True, serve.Error);
        }

        await AssertSettledOnceAsync(temp, run);
    }

    [Test]
    public async Task Sigkill_CallEndsWhileNoHostListens_ServeReadsItsEndFromTwilioAndFinishesItOnce()
    {
        using var temp = new TempDirectory();
        await using var run = await KilledMidCallAsync(temp);

        // The call goes on and ends with nobody listening: its callbacks, and the recording's, are lost.
        run.Agent.ReleaseSecondTurn();
        await WaitAsync(() => run.Twilio.Calls.Single().EndTime is not null && run.Twilio.Calls.Single().RecordingSid is not null, "the call ended at Twilio", null);
        using (var serve = CliProcess.Start(temp.Path, run.Environment, ["serve", "--urls", run.Webhooks, .. run.Settings]))
        {
            await WaitAsync(() => run.Twilio.Calls.Single().RecordingDeleted, "the recording fetched and deleted at Twilio", serve);
            serve.Signal("TERM");
            Assert.That(await serve.WaitForExitAsync(Patience), Is.True, serve.Error);
        }

        await AssertSettledOnceAsync(temp, run);
    }

    /// <summary>A campaign of one Twilio call started here and killed once the call is answered and the caller's first line played.</summary>
    private static async Task<KilledRun> KilledMidCallAsync(TempDirectory temp)
    {
        // The agent speaks at the answer, then waits (the test holds turn 2) until the first host is dead.
        var agent = new HeldAgent();
        var twilio = await TwilioEmulator.StartAsync(
            new TwilioEmulatorOptions { OwnedNumbers = ["+447700900101", "+447700900102"] },
            new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), agent)));

        var webhooks = $"http://127.0.0.1:{LoopbackPort.Free()}";
        string[] settings =
        [
            "--db", temp.File("qa.db"),
            "--config", temp.Write("settings.json", JsonSerializer.Serialize(new
            {
                Carrier = new { Kind = "twilio" },
                Twilio = new { twilio.AccountSid, ApiBaseUrl = twilio.BaseAddress.ToString(), PublicBaseUrl = webhooks, WebhookListenUrl = webhooks },
                Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
                Recordings = new { Directory = temp.File("recordings") },
                LocalSpeech = new { Flite = new { CacheDirectory = temp.File("tts") } },
            })),
        ];
        var environment = new Dictionary<string, string> { ["QASHOPPER_Twilio__AuthToken"] = twilio.AuthToken };

        using (var first = CliProcess.Start(temp.Path, environment, ["campaign", "start", temp.Write("kill.yaml", Campaign), "--now", .. settings]))
        {
            await WaitAsync(() => agent.SecondTurnAsked && Answered(twilio), "the call answered and the caller's first line played", first);
            first.Signal("KILL");
            Assert.That(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True);
        }

        Assert.That(twilio.Calls.Single().EndTime, Is.Null, "the call is still going at Twilio");
        return new KilledRun(twilio, agent, webhooks, settings, environment);
    }

    private static async Task AssertSettledOnceAsync(TempDirectory temp, KilledRun run)
    {
        var (call, history, stored) = await StoreAsync(run.Settings);
        Assert.Multiple(() =>
        {
            Assert.That(run.Twilio.Calls, Has.Count.EqualTo(1), "dialled once");
            Assert.That((call.State, call.Attempts), Is.EqualTo((CampaignCallState.Completed, 1)));
            Assert.That(history.Count(k => k == CampaignCallEventKind.Started), Is.EqualTo(1));
            Assert.That(history, Does.Contain(CampaignCallEventKind.Resumed).And.Not.Contain(CampaignCallEventKind.Interrupted));
            Assert.That(stored.Select(s => (s.Call.CallId, s.Call.Status)), Is.EqualTo(new[] { (call.AttemptCallId, CallStatus.Completed) }), "stored and scored once");
            Assert.That(stored.Single().Score, Is.Not.Null);
            Assert.That(File.Exists(Path.Combine(temp.File("recordings"), call.AttemptCallId + ".wav")), Is.True);
        });
    }

    private static bool Answered(TwilioEmulator twilio) =>
        twilio.Deliveries.Any(d => d.Parameters.TryGetValue("CallStatus", out var s) && s == "in-progress" && d.ResponseStatus == 200);

    private static async Task WaitAsync(Func<bool> condition, string what, CliProcess? process)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"no {what}\n--- stderr\n{process?.Error}\n--- stdout\n{process?.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<(CampaignCall Call, List<CampaignCallEventKind> History, IReadOnlyList<StoredCall> Stored)> StoreAsync(string[] settings)
    {
        var parse = QaShopperCli.BuildRoot(CliConsole.System).Parse(["report", .. settings]);
        using var host = await AppHost.StartAsync(parse, HostFeatures.Store, CancellationToken.None);
        var campaigns = host.Services.GetRequiredService<ICampaignStore>();
        var call = (await campaigns.GetCallsAsync("kill-check")).Single();
        var history = (await campaigns.GetEventsAsync(call.Call.CallId)).Select(e => e.Kind).ToList();
        var stored = await host.Services.GetRequiredService<IResultStore>().GetCallsAsync(new CallQuery());
        await host.StopAsync();
        return (call, history, stored);
    }

    /// <summary>What a killed run leaves: the emulator (the call still going), the agent holding turn 2, the settings.</summary>
    private sealed record KilledRun(TwilioEmulator Twilio, HeldAgent Agent, string Webhooks, string[] Settings, Dictionary<string, string> Environment) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Twilio.DisposeAsync();
    }

    /// <summary>Speaks a tone on each turn; turn 2 waits until the test lets it.</summary>
    private sealed class HeldAgent : IEmulatedAgent
    {
        private readonly TaskCompletionSource secondTurn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool secondTurnAsked;

        public bool SecondTurnAsked => secondTurnAsked;

        public void ReleaseSecondTurn() => secondTurn.TrySetResult();

        public async Task<IReadOnlyList<AgentUtterance>> TakeTurnAsync(AgentCue cue, CancellationToken cancellationToken)
        {
            if (cue.Turn == 2)
            {
                secondTurnAsked = true;
                await secondTurn.Task.WaitAsync(cancellationToken);
            }

            return [new AgentUtterance(TimeSpan.FromSeconds(0.5), Tones.Sine(440, 2), $"turn {cue.Turn}")];
        }
    }
}
