using System.Text.Json;
using QaShopper.Tests.EmulatedTwilio;
using QaShopper.Tests.Support;
using QaShopper.Twilio.Emulator;

namespace QaShopper.Tests.Cli;

/// <summary><c>qashopper twilio check</c> through the real SDK against the Twilio emulator: what a user sees before the first real call.</summary>
[NonParallelizable]
public sealed class TwilioCheckCommandTests
{
    [Test]
    public async Task TwilioCheck_GoodCredentialsAndOneNumberNotOwned_SaysWhichAndExitsTwo()
    {
        using var temp = new TempDirectory();
        await using var twilio = await TwilioEmulator.StartAsync(new TwilioEmulatorOptions { OwnedNumbers = ["+447700900101"] }, new ScriptedCallee(_ => EmulatedAnswer.Busy));

        var run = await CheckAsync(temp, twilio, twilio.AuthToken);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Out, Does.Contain("credentials: accepted").And.Contain("is active"));
        Assert.That(run.Out, Does.Contain("caller number +447700900101: owned by the account"));
        Assert.That(run.Out, Does.Contain("caller number +447700900102: NOT owned by the account"));
    }

    [Test]
    public async Task TwilioCheck_EveryNumberOwned_IsReady()
    {
        using var temp = new TempDirectory();
        await using var twilio = await TwilioEmulator.StartAsync(new TwilioEmulatorOptions { OwnedNumbers = ["+447700900101", "+447700900102"] }, new ScriptedCallee(_ => EmulatedAnswer.Busy));

        var run = await CheckAsync(temp, twilio, twilio.AuthToken);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Contain("twilio: ready to place calls"));
    }

    [Test]
    public async Task TwilioCheck_WrongToken_SaysTheCredentialsAreRejectedWithoutShowingThem()
    {
        using var temp = new TempDirectory();
        await using var twilio = await TwilioEmulator.StartAsync(new TwilioEmulatorOptions { OwnedNumbers = ["+447700900101"] }, new ScriptedCallee(_ => EmulatedAnswer.Busy));
        const string wrong = "0123456789abcdef0123456789abcdef";

        var run = await CheckAsync(temp, twilio, wrong);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Out, Does.Contain("Twilio:AccountSid/AuthToken rejected (401)"));
        Assert.That(run.ToString(), Does.Not.Contain(wrong).And.Not.Contain(twilio.AuthToken));
    }

    private static async Task<CliRun> CheckAsync(TempDirectory temp, TwilioEmulator twilio, string token)
    {
        var settings = temp.Write("settings.json", JsonSerializer.Serialize(new
        {
            Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
            Twilio = new { twilio.AccountSid, AuthToken = token, ApiBaseUrl = twilio.BaseAddress.ToString(), PublicBaseUrl = "http://127.0.0.1:5081" },
        }));
        return await CliRunner.RunAsync("twilio", "check", "--campaign", temp.Write("tiny.yaml", TestCampaignFiles.Tiny), "--config", settings);
    }
}
