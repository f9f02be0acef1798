using System.Text.Json;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>
/// <c>score --recording</c> end to end: a call made here with flite (not by the simulator), put through a phone line
/// into a two-channel WAV, transcribed by pocketsphinx through the real command handler and scored. kal16 and slt
/// are voices the simulated call centre never gives an agent.
/// </summary>
[NonParallelizable]
public sealed class ScoreRecordingCommandTests
{
    private TempDirectory dir = null!;
    private string scenario = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        dir = new TempDirectory();
        scenario = dir.Write("branch-saturday-hours.yaml", ContractExample.ScenarioYaml);
    }

    [OneTimeTearDown]
    public void OneTimeTearDown() => dir.Dispose();

    [TestCase("rms")]
    [TestCase("kal16")]
    [TestCase("slt")]
    [TestCase("awb")]
    public async Task ScoreRecording_GoodCall_PassesTheItemsThatWereSaid(string voice)
    {
        var wav = await RecordAsync(
            $"good-{voice}.wav",
            agentVoice: voice,
            agentChannel: 2,
            (Agent: true, At: 0.5, "Thank you for calling Acme Bank, my name is Sarah. How can I help you?"),
            (Agent: false, At: 6.0, "Hi, when does your downtown branch open on Saturday?"),
            (Agent: true, At: 10.5, "Our downtown branch is open from nine to one on Saturday."),
            (Agent: true, At: 15.5, "Is there anything else I can help you with?"),
            (Agent: false, At: 20.0, "No, that's all I needed, thank you."),
            (Agent: true, At: 24.0, "You're welcome. Have a nice day."));

        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--recording", wav, "--answered-after", "6.5", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var outcomes = Outcomes(run.Out);
        Assert.That(outcomes["greeting"], Is.EqualTo("passed"), "the greeting opens the first utterance, where recognition is weakest: " + run.Out);
        Assert.That(outcomes["correct-hours"], Is.EqualTo("passed"), run.Out);
        Assert.That(outcomes["offers-more-help"], Is.EqualTo("passed"), run.Out);
        Assert.That(outcomes["closing"], Is.EqualTo("passed"), run.Out);
        Assert.That(outcomes["no-forbidden-phrases"], Is.EqualTo("passed"), run.Out);
        Assert.That(outcomes["answer-speed"], Is.EqualTo("passed"), "answered after 6.5 s, limit 18 s");
        Assert.That(outcomes["no-long-hold"], Is.EqualTo("passed"), run.Out);
    }

    [TestCase("rms")]
    [TestCase("kal16")]
    [TestCase("slt")]
    public async Task ScoreRecording_WrongHoursAndForbiddenPhrase_FailsThoseItems(string voice)
    {
        var wav = await RecordAsync(
            $"bad-{voice}.wav",
            agentVoice: voice,
            agentChannel: 1,
            (Agent: true, At: 0.5, "Hello, customer service."),
            (Agent: false, At: 4.0, "Hi, when does your downtown branch open on Saturday?"),
            (Agent: true, At: 8.5, "I don't know. Maybe ten to four, I think."),
            (Agent: false, At: 13.0, "Okay, thank you."),
            (Agent: true, At: 16.0, "Right, bye."));

        var heard = Path.Combine(dir.Path, $"bad-{voice}.transcript.json");
        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--recording", wav, "--agent-channel", "1", "--json", "--write-transcript", heard);
        Assert.That(File.Exists(heard), "--write-transcript keeps what the recogniser heard");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var outcomes = Outcomes(run.Out);
        Assert.That(outcomes["correct-hours"], Is.Not.EqualTo("passed"), run.Out);
        Assert.That(outcomes["no-forbidden-phrases"], Is.Not.EqualTo("passed"), run.Out);
        Assert.That(outcomes["answer-speed"], Is.EqualTo("not_applicable"), "no --answered-after: the answer time is unknown");
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.That(root.GetProperty("grade").GetString(), Is.EqualTo("fail"), "a critical item failed or the score is low: " + run.Out);
    }

    [Test]
    public async Task ScoreRecording_MonoFile_ExitsTwoSayingWhy()
    {
        var mono = Path.Combine(dir.Path, "mono.wav");
        WavFile.Write(mono, new AudioClip(8000, new float[8000]));

        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--recording", mono);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("mono.wav").And.Contain("2 channels"));
    }

    [Test]
    public async Task ScoreRecording_NotAWav_ExitsTwoSayingWhy()
    {
        var text = dir.Write("notes.wav", "these are not samples");

        var run = await CliRunner.RunAsync("score", "--scenario", scenario, "--recording", text);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("not a WAV file"));
    }

    private async Task<string> RecordAsync(string name, string agentVoice, int agentChannel, params (bool Agent, double At, string Text)[] lines)
    {
        var flite = new FliteSynthesizer(new FliteOptions { CacheDirectory = Path.Combine(dir.Path, "tts") });
        var agent = new AudioTimeline(TelephoneLine.SampleRate);
        var caller = new AudioTimeline(TelephoneLine.SampleRate);
        foreach (var (isAgent, at, text) in lines)
        {
            var clip = await flite.SynthesizeAsync(new SpeechRequest(text, "en-US", isAgent ? agentVoice : "slt"));
            (isAgent ? agent : caller).Place(TelephoneLine.Apply(clip), TimeSpan.FromSeconds(at));
        }

        var length = agent.End > caller.End ? agent.End : caller.End;
        length += TimeSpan.FromSeconds(1);
        var agentSamples = agent.Render(length);
        var callerSamples = caller.Render(length);
        var path = Path.Combine(dir.Path, name);
        WavFile.Write(path, agentChannel == 2
            ? new TwoChannelAudio(TelephoneLine.SampleRate, callerSamples, agentSamples)
            : new TwoChannelAudio(TelephoneLine.SampleRate, agentSamples, callerSamples));
        return path;
    }

    private static Dictionary<string, string> Outcomes(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("outcome").GetString()!);
}
