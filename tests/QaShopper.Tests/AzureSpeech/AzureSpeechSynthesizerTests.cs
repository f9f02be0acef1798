using System.Buffers.Binary;
using System.Text.Json;
using System.Xml.Linq;
using QaShopper.Audio;
using QaShopper.AzureSpeech;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Core.Ports;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.AzureSpeech;

public sealed class AzureSpeechSynthesizerTests
{
    private static readonly JsonSerializerOptions Jsonc = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly SpeechRequest Greeting = new("Thank you for calling Acme Bank.", "en-US", null);

    [Test]
    public void VoiceList_OfficialExample_Parses()
    {
        // The doc's example verbatim: its comments and trailing comma are tolerated, its fields are the service's.
        var json = File.ReadAllText(RepoPaths.Combine("tests", "QaShopper.Tests", "AzureSpeech", "Data", "tts_voices-list_response.jsonc"));

        var voices = JsonSerializer.Deserialize<List<AzureVoice>>(json, Jsonc)!;

        Assert.That(voices.Select(v => v.ShortName), Does.Contain("en-US-JennyNeural").And.Contain("ga-IE-OrlaNeural"));
        var multilingual = voices.Single(v => v.ShortName == "en-US-JennyMultilingualNeural");
        Assert.That(multilingual.Speaks("zh-CN"), Is.True);
        Assert.That(voices.Single(v => v.ShortName == "en-US-JennyNeural").SampleRateHertz, Is.EqualTo("24000"));
    }

    [TestCase("Tom & Jerry's <b>\"deals\"</b>")]
    [TestCase("</voice></speak><speak>")]
    [TestCase("a ' b \" c < d > e & f")]
    public void Ssml_HostileText_StaysText(string text)
    {
        var ssml = Ssml.For(text, "en-US", "en-US-JennyNeural");

        var document = XDocument.Parse(ssml);
        var voice = document.Root!.Elements().Single();
        Assert.That(voice.Attribute("name")!.Value, Is.EqualTo("en-US-JennyNeural"));
        Assert.That(voice.Value, Is.EqualTo(text));
        Assert.That(voice.Elements(), Is.Empty);
    }

    [Test]
    public async Task Synthesize_ThroughEmulator_DecodesMuLawAt8kHz()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();

        var clip = await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(clip.SampleRate, Is.EqualTo(8000));
        Assert.That(clip.Duration.TotalSeconds, Is.EqualTo(0.06 * Greeting.Text.Length).Within(0.01));
        Assert.That(clip.Samples.Max(Math.Abs), Is.GreaterThan(0.2f));
        Assert.That(harness.Voice.Requests.Single().Voice, Is.EqualTo("en-US-JennyNeural"));
    }

    [Test]
    public async Task Synthesize_Pcm16Format_IsAskedForAndDecoded()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: new Dictionary<string, string?> { ["AzureSpeech:OutputFormat"] = AzureSpeechOptions.Pcm8Khz });

        var clip = await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(clip.SampleRate, Is.EqualTo(8000));
        Assert.That(clip.Samples.Max(Math.Abs), Is.GreaterThan(0.2f));
    }

    [Test]
    public async Task Token_IsFetchedOnceWithinNineMinutes_AndRenewedAfter()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        var synthesizer = harness.Synthesizer;

        await synthesizer.SynthesizeAsync(Greeting with { Text = "one" });
        harness.Clock.Advance(TimeSpan.FromMinutes(8.9));
        await synthesizer.SynthesizeAsync(Greeting with { Text = "two" });
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(1));

        harness.Clock.Advance(TimeSpan.FromMinutes(0.2));
        await synthesizer.SynthesizeAsync(Greeting with { Text = "three" });

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(2));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Synthesis), Is.EqualTo(3));
    }

    [Test]
    public async Task KeyHeader_WhenTokensAreOff_NeedsNoToken()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: new Dictionary<string, string?> { ["AzureSpeech:UseToken"] = "false" });

        await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.Zero);
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Synthesis), Is.EqualTo(1));
    }

    [Test]
    public async Task TooManyRequestsStorm_RetriesAfterOneSecond_ThenGivesUpAtTheCap()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        await harness.Synthesizer.SynthesizeAsync(Greeting with { Text = "warm up the token" });
        harness.Emulator.FailNext(EmulatorRoute.Synthesis, 100, EmulatedFault.TooManyRequests("1"));
        var before = harness.Emulator.RequestCount(EmulatorRoute.Synthesis);
        var started = TimeProvider.System.GetTimestamp();

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Synthesizer.SynthesizeAsync(Greeting));

        var requests = harness.Emulator.RequestCount(EmulatorRoute.Synthesis) - before;
        var real = TimeProvider.System.GetElapsedTime(started);
        TestContext.Out.WriteLine($"429 storm: {requests} requests, {harness.Clock.Waited.TotalSeconds} simulated seconds waited, {real.TotalMilliseconds:0} ms real");
        Assert.That(requests, Is.EqualTo(6), "one attempt and AzureSpeech:MaxRetries (5) retries");
        Assert.That(harness.Clock.Waited, Is.EqualTo(TimeSpan.FromSeconds(5)), "Retry-After: 1 before each retry");
        Assert.That(real, Is.LessThan(TimeSpan.FromSeconds(5)), "waits are simulated, not slept");
        Assert.That(error!.Message, Does.Contain("429").And.Contain("6 attempts").And.Contain("AzureSpeech:MaxRetries"));
    }

    [Test]
    public async Task TooManyRequests_RetryAfterBeyondTheBudget_GivesUpWithoutWaiting()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: new Dictionary<string, string?> { ["AzureSpeech:RetryBudget"] = "00:00:10" });
        harness.Emulator.FailNext(EmulatorRoute.IssueToken, 1, EmulatedFault.TooManyRequests("60"));

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Synthesizer.SynthesizeAsync(Greeting));

        Assert.That(error!.Message, Does.Contain("token request").And.Contain("AzureSpeech:RetryBudget"));
        Assert.That(harness.Clock.Waited, Is.EqualTo(TimeSpan.Zero));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(1));
    }

    [Test]
    public async Task TooManyRequests_RetryAfterAsHttpDate_WaitsUntilThatTime()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        var until = harness.Clock.GetUtcNow().AddSeconds(7);
        harness.Emulator.FailNext(EmulatorRoute.Synthesis, 1, EmulatedFault.TooManyRequests(until.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(harness.Clock.Waited, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Synthesis), Is.EqualTo(2));
    }

    [Test]
    public async Task ServiceUnavailable_ThenSuccess_ReturnsAudioAfterBackOff()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        harness.Emulator.FailNext(EmulatorRoute.Synthesis, 2, EmulatedFault.ServiceUnavailable);

        var clip = await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(clip.Samples, Is.Not.Empty);
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Synthesis), Is.EqualTo(3));

        // No Retry-After: about 1 s then 2 s, each within ±20 % jitter.
        Assert.That(harness.Clock.Waited.TotalSeconds, Is.InRange(2.4, 3.6));
    }

    [Test]
    public async Task WrongKey_GivesOneClearError_NamingTheSettingNotTheKey()
    {
        const string wrongKey = "not-the-key-8d72e1";
        await using var harness = await AzureSpeechHarness.StartAsync(key: wrongKey);

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Synthesizer.SynthesizeAsync(Greeting));

        Assert.That(error!.Message, Does.Contain("AzureSpeech:Key").And.Contain("401").And.Contain(AzureSpeechOptions.KeyEnvironmentVariable));
        Assert.That(error.ToString(), Does.Not.Contain(wrongKey).And.Not.Contain(AzureSpeechHarness.Key));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(1));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Synthesis), Is.Zero);
    }

    [Test]
    public async Task RefusedToken_IsRenewedOnce()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        await harness.Synthesizer.SynthesizeAsync(Greeting with { Text = "first" });
        harness.Emulator.FailNext(EmulatorRoute.Synthesis, 1, EmulatedFault.Unauthorized);

        await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(2));
    }

    [TestCase("rms")]
    [TestCase("espeak:en-gb+f2")]
    public async Task Synthesize_LocalVoiceName_SpeaksTheLocalesConfiguredVoice(string voice)
    {
        await using var harness = await AzureSpeechHarness.StartAsync();

        await harness.Synthesizer.SynthesizeAsync(Greeting with { Voice = voice });

        Assert.That(harness.Voice.Requests.Single().Voice, Is.EqualTo("en-US-JennyNeural"));
    }

    [Test]
    public async Task UnknownVoice_FailsNamingTheVoiceAndTheTarget()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Synthesizer.SynthesizeAsync(Greeting with { Voice = "en-US-NoSuchNeural" }));

        Assert.That(error!.Message, Does.Contain("voice 'en-US-NoSuchNeural' is not offered in endpoint").And.Contain("en-US-JennyNeural"));
    }

    [Test]
    public async Task ZeroSizeRiffHeader_IsRepaired()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        harness.Emulator.ZeroSizeRiffHeader = true;

        var clip = await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(clip.Duration.TotalSeconds, Is.EqualTo(0.06 * Greeting.Text.Length).Within(0.01));
    }

    [Test]
    public void RiffHeader_ZeroSizes_AreSetFromTheLength()
    {
        var wav = WavFile.Encode(8000, [new float[800]], WavEncoding.MuLaw);
        var broken = (byte[])wav.Clone();
        broken.AsSpan(4, 4).Clear();
        broken.AsSpan(40, 4).Clear();

        var repaired = RiffHeader.Repair(broken);

        Assert.That(repaired, Is.EqualTo(wav));
        Assert.That(BinaryPrimitives.ReadInt32LittleEndian(repaired.AsSpan(40)), Is.EqualTo(800));
    }

    [Test]
    public async Task Cache_SameVoiceTextAndFormat_AsksTheServiceOnce()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();

        var first = await harness.Synthesizer.SynthesizeAsync(Greeting);
        var second = await harness.Synthesizer.SynthesizeAsync(Greeting);
        await harness.Synthesizer.SynthesizeAsync(Greeting with { Voice = "en-US-JennyMultilingualNeural" });

        Assert.That(second.Samples, Is.EqualTo(first.Samples));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Synthesis), Is.EqualTo(2));
    }

    [Test]
    public async Task VoicesFor_ComesFromTheVoiceList_FetchedOnce()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();

        var english = harness.Synthesizer.VoicesFor("en-US");
        var chinese = harness.Synthesizer.VoicesFor("zh-CN");
        var welsh = harness.Synthesizer.VoicesFor("cy-GB");

        Assert.That(english, Is.EqualTo(new[] { "en-US-JennyNeural", "en-US-JennyMultilingualNeural" }));
        Assert.That(chinese, Is.EqualTo(new[] { "zh-CN-XiaoxiaoNeural", "zh-CN-YunxiNeural", "en-US-JennyMultilingualNeural" }));
        Assert.That(welsh, Is.Empty);
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.Voices), Is.EqualTo(1));
    }

    [Test]
    public async Task SlowService_TimesOut_SayingSoAndNamingTheSetting()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: new Dictionary<string, string?> { ["AzureSpeech:Timeout"] = "00:00:00.2" });
        harness.Emulator.ResponseDelay = TimeSpan.FromSeconds(10);

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Synthesizer.SynthesizeAsync(Greeting));

        Assert.That(error!.Message, Does.Contain("timed out after 0.2 s").And.Contain("AzureSpeech:Timeout"));
    }

    [Test]
    public async Task Start_WithoutKey_FailsNamingTheSetting()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(key: string.Empty);

        var error = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => harness.StartHostAsync());

        Assert.That(error!.Message, Does.Contain("AzureSpeech:Key").And.Contain(AzureSpeechOptions.KeyEnvironmentVariable));
    }

    [Test]
    public async Task Synthesize_ThroughRealFlite_GivesSpeechAt8kHz()
    {
        if (!File.Exists("/usr/bin/flite"))
        {
            Assert.Ignore("flite is not installed (Debian packages flite and libflite1)");
        }

        using var fliteCache = new TempDirectory();
        await using var harness = await AzureSpeechHarness.StartAsync(voice: new QaShopper.LocalSpeech.FliteSynthesizer(new QaShopper.LocalSpeech.FliteOptions { CacheDirectory = fliteCache.Path }));

        var clip = await harness.Synthesizer.SynthesizeAsync(Greeting);

        Assert.That(clip.SampleRate, Is.EqualTo(8000));
        Assert.That(clip.Duration.TotalSeconds, Is.InRange(1.0, 5.0));
        Assert.That(clip.Samples.Max(Math.Abs), Is.GreaterThan(0.05f));
    }
}
