using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

public sealed class VoiceRoutingSynthesizerTests
{
    /// <summary>An engine that answers every request with a clip at its own rate, so the test sees who spoke.</summary>
    private sealed class NamedEngine(string engine, int rate, params string[] voices) : ISpeechSynthesizer
    {
        public List<SpeechRequest> Requests { get; } = [];

        public string Engine => engine;

        public IReadOnlyList<string> VoicesFor(string locale) => locale.StartsWith("en", StringComparison.Ordinal) ? voices : [];

        public Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(new AudioClip(rate, new float[rate / 10]));
        }
    }

    private NamedEngine flite = null!;
    private NamedEngine espeak = null!;

    [SetUp]
    public void SetUp()
    {
        flite = new("flite", 16000, "rms", "awb");
        espeak = new("espeak-ng", 22050, "espeak:en-us", "espeak:en-gb+f2");
    }

    [TestCase("espeak:en-gb+f2", "espeak-ng")]
    [TestCase("espeak:en-us+m9", "espeak-ng")]
    [TestCase("rms", "flite")]
    [TestCase("kal16", "flite")]
    [TestCase("en-US-AvaNeural", "flite")]
    [TestCase("espeak", "flite")]
    [TestCase(null, "flite")]
    public async Task SynthesizeAsync_PicksTheEngineByVoice(string? voice, string expected)
    {
        var router = new VoiceRoutingSynthesizer(flite, espeak);

        var clip = await router.SynthesizeAsync(new SpeechRequest("Hello.", "en-US", voice));

        Assert.That(clip.SampleRate, Is.EqualTo(expected == "flite" ? 16000 : 22050));
        Assert.That((expected == "flite" ? flite : espeak).Requests.Single().Voice, Is.EqualTo(voice), "the request is passed on as it came");
        Assert.That((expected == "flite" ? espeak : flite).Requests, Is.Empty);
    }

    [Test]
    public void VoicesFor_IsFlitesThenEspeaks_AndEngineNamesBoth()
    {
        var router = new VoiceRoutingSynthesizer(flite, espeak);

        Assert.That(router.VoicesFor("en-GB"), Is.EqualTo(new[] { "rms", "awb", "espeak:en-us", "espeak:en-gb+f2" }));
        Assert.That(router.VoicesFor("zh-CN"), Is.Empty);
        Assert.That(router.Engine, Is.EqualTo("flite+espeak-ng"));
    }

    [Test]
    public async Task SynthesizeAsync_EspeakNotInstalled_FliteStillSpeaksAndOnlyEspeakVoicesFail()
    {
        if (!PhoneCall.FliteInstalled)
        {
            Assert.Ignore("flite is not installed");
        }

        using var temp = new TempDirectory();
        var router = new VoiceRoutingSynthesizer(
            new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.Path }),
            new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path, ExecutablePath = "espeak-ng-not-installed-here" }));

        var clip = await router.SynthesizeAsync(new SpeechRequest("Please hold.", "en-US", "rms"));
        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => router.SynthesizeAsync(new SpeechRequest("Please hold.", "en-US", "espeak:en-us+m3")));

        Assert.That(clip.SampleRate, Is.EqualTo(16000));
        Assert.That(ex!.Message, Does.Contain("install the Debian package espeak-ng"));
        Assert.That(router.VoicesFor("en-US"), Does.Contain("rms").And.Contain("espeak:en-us+m3"));
    }

    [Test]
    public async Task SynthesizeAsync_FliteVoiceThroughTheRouter_IsTheSameAudioAsFliteAlone()
    {
        if (!PhoneCall.FliteInstalled)
        {
            Assert.Ignore("flite is not installed");
        }

        using var alone = new TempDirectory();
        using var routed = new TempDirectory();
        var request = new SpeechRequest("Thank you for calling Acme Bank.", "en-US", "awb");

        var direct = await new FliteSynthesizer(new FliteOptions { CacheDirectory = alone.Path }).SynthesizeAsync(request);
        var viaRouter = await new VoiceRoutingSynthesizer(
            new FliteSynthesizer(new FliteOptions { CacheDirectory = routed.Path }),
            new EspeakSynthesizer(new EspeakOptions { CacheDirectory = routed.Path })).SynthesizeAsync(request);

        Assert.That(viaRouter.SampleRate, Is.EqualTo(direct.SampleRate));
        Assert.That(viaRouter.Samples, Is.EqualTo(direct.Samples));
        Assert.That(Path.GetFileName(Directory.GetFiles(routed.Path).Single()), Is.EqualTo(Path.GetFileName(Directory.GetFiles(alone.Path).Single())),
            "the same cache entry: runs before espeak-ng was wired in are reused");
    }
}
