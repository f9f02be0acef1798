using System.Text.Json;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.LocalSpeech;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>A campaign run against the simulated call centre with <c>Speech:Kind azure</c>: every line is spoken by the service.</summary>
public sealed class AzureVoicedCampaignTests
{
    private const string Key = "azure-voiced-campaign-key";

    [Test]
    public async Task StartNow_SpeechKindAzure_PlacesAndScoresCallsSpokenByTheService()
    {
        using var temp = new TempDirectory();

        // The emulator speaks with flite, so the local recogniser still hears real speech.
        await using var emulator = await AzureSpeechEmulator.StartAsync(new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.File("flite") }), Key, TimeProvider.System);
        var settings = temp.Write("settings.json", JsonSerializer.Serialize(new
        {
            Speech = new { Kind = "azure" },
            AzureSpeech = new { Endpoint = emulator.Endpoint.ToString(), Key, CacheDirectory = temp.File("tts") },
            Simulation = new { CallCentreFile = RepoPaths.Combine("scenarios", "call-centre.yaml") },
            Scenarios = new { Directory = RepoPaths.Combine("scenarios") },
            Recordings = new { Directory = temp.File("recordings") },
        }));

        var run = await CliRunner.RunAsync("campaign", "start", temp.Write("tiny.yaml", TestCampaignFiles.Tiny), "--now", "--db", temp.File("qa.db"), "--config", settings);
        var status = await CliRunner.RunAsync("campaign", "status", "tiny-check", "--json", "--db", temp.File("qa.db"), "--config", settings);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(emulator.RequestCount(EmulatorRoute.Synthesis), Is.GreaterThan(0), "the lines were spoken by the (emulated) service");
        using var json = JsonDocument.Parse(status.Out);
        var states = json.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("state").GetString()).ToList();
        Assert.That(states, Is.All.AnyOf("completed", "no-answer", "busy"), status.Out);
        Assert.That(states, Does.Contain("completed"));
    }
}
