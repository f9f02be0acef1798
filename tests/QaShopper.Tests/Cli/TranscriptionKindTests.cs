using System.Text.Json;
using QaShopper.Audio;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Tests.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary><c>Transcription:Kind</c> picks the recogniser; with <c>azure</c> a Chinese call is scored end to end.</summary>
public sealed class TranscriptionKindTests
{
    private const string Key = "transcription-kind-test-key";

    [Test]
    public async Task ScoreRecording_TranscriptionKindAzure_ScoresAChineseCallFromAzuresTranscript()
    {
        using var temp = new TempDirectory();
        await using var emulator = await AzureSpeechEmulator.StartAsync(new FakeSynthesizer(), Key, TimeProvider.System);
        var recording = temp.File("call.wav");
        var samples = 8000 * 46;
        WavFile.Write(recording, 8000, [new float[samples], new float[samples]]);
        // The emulator answers zh-CN from its recorded fixture, whose agent is on the first channel.
        var config = temp.Write("settings.json", JsonSerializer.Serialize(new
        {
            Transcription = new { Kind = "azure" },
            AzureSpeech = new { Endpoint = emulator.Endpoint.ToString(), Key },
        }));

        var run = await CliRunner.RunAsync(
            "score", "--scenario", RepoPaths.Combine("scenarios", "brightmart-returns-policy-zh.yaml"),
            "--recording", recording, "--agent-channel", "1", "--answered-after", "6", "--json",
            "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(emulator.TranscriptionRequests.Single().Definition, Does.Contain("\"zh-CN\""), "the call went to Azure's recogniser");
        using var result = JsonDocument.Parse(run.Out);
        var outcomes = result.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()).ToList();
        Assert.That(outcomes, Is.Not.Empty);
        Assert.That(outcomes, Is.All.EqualTo("passed"), run.Out);
    }

    [Test]
    public async Task ScoreRecording_TranscriptionKindAzureWithoutItsSettings_StopsNamingTheSetting()
    {
        using var temp = new TempDirectory();
        var recording = temp.File("call.wav");
        WavFile.Write(recording, 8000, [new float[8000], new float[8000]]);
        var config = temp.Write("settings.json", """{ "Transcription": { "Kind": "azure" } }""");

        var run = await CliRunner.RunAsync(
            "score", "--scenario", RepoPaths.Combine("scenarios", "brightmart-returns-policy-zh.yaml"),
            "--recording", recording, "--db", temp.File("qa.db"), "--config", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("AzureSpeech:"), run.ToString());
    }
}
