using System.Text.Json;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Tests.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary><c>validate</c> with a cloud speech service configured checks each caller voice against the voices it offers.</summary>
public sealed class ValidateVoicesTests
{
    private const string Key = "validate-voices-test-key";

    private static string Scenario(TempDirectory temp, string voice) =>
        temp.Write("scenario.yaml", File.ReadAllText(RepoPaths.Combine("scenarios", "acme-bank-saturday-hours.yaml"))
            .Replace("voice: en-US-AvaNeural", "voice: " + voice, StringComparison.Ordinal));

    private static string AzureSettings(TempDirectory temp, AzureSpeechEmulator emulator) =>
        temp.Write("settings.json", JsonSerializer.Serialize(new
        {
            Speech = new { Kind = "azure" },
            AzureSpeech = new { Endpoint = emulator.Endpoint.ToString(), Key, CacheDirectory = temp.File("tts") },
        }));

    [Test]
    public async Task Validate_AzureConfiguredAndAVoiceItLacks_ReportsTheVoiceAtItsLine()
    {
        using var temp = new TempDirectory();
        await using var emulator = await AzureSpeechEmulator.StartAsync(new FakeSynthesizer(), Key, TimeProvider.System);
        var file = Scenario(temp, "en-US-NobodyNeural");
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("voice: en-US-NobodyNeural", StringComparison.Ordinal)) + 1;

        var run = await CliRunner.RunAsync("validate", file, "--config", AzureSettings(temp, emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain($"{file}:{line}:3: caller.voice 'en-US-NobodyNeural' is not offered by the azure speech service for en-US; it offers en-US-"));
    }

    [Test]
    public async Task Validate_AzureConfiguredAndAVoiceItOffers_IsValid()
    {
        using var temp = new TempDirectory();
        await using var emulator = await AzureSpeechEmulator.StartAsync(new FakeSynthesizer(), Key, TimeProvider.System);

        var run = await CliRunner.RunAsync("validate", Scenario(temp, "en-US-JennyNeural"), "--config", AzureSettings(temp, emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }

    [Test]
    public async Task Validate_LocalSpeech_DoesNotAskAboutVoices()
    {
        using var temp = new TempDirectory();

        var run = await CliRunner.RunAsync("validate", Scenario(temp, "en-US-NobodyNeural"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }
}
