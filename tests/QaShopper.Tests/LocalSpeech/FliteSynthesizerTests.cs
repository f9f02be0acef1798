using System.Diagnostics;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

public sealed class FliteSynthesizerTests
{
    private sealed class CountingProcess : ISpeechProcess
    {
        public int Starts { get; private set; }

        public Task<(int ExitCode, string StandardError)> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
        {
            Starts++;
            return SpeechProcess.Instance.RunAsync(startInfo, cancellationToken);
        }
    }

    private static void RequireFlite()
    {
        if (!File.Exists("/usr/bin/flite"))
        {
            Assert.Ignore("flite is not installed (Debian packages flite and libflite1)");
        }
    }

    [Test]
    public async Task SynthesizeAsync_RealFlite_Produces16kHzSpeech()
    {
        RequireFlite();
        using var temp = new TempDirectory();
        var flite = new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.Path });

        var clip = await flite.SynthesizeAsync(new SpeechRequest("Thank you for calling Acme Bank.", "en-US", "rms"));

        Assert.That(clip.SampleRate, Is.EqualTo(16000));
        Assert.That(clip.Duration.TotalSeconds, Is.InRange(1.0, 5.0));
        Assert.That(clip.Samples.Max(Math.Abs), Is.GreaterThan(0.05f));
    }

    [Test]
    public async Task SynthesizeAsync_SameLineTwice_RunsFliteOnceAndGivesTheSameAudio()
    {
        RequireFlite();
        using var temp = new TempDirectory();
        var process = new CountingProcess();
        var flite = new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.Path }, process);

        var first = await flite.SynthesizeAsync(new SpeechRequest("Please hold.", "en-GB", "awb"));
        var second = await flite.SynthesizeAsync(new SpeechRequest("Please hold.", "en-GB", "awb"));

        Assert.That(process.Starts, Is.EqualTo(1));
        Assert.That(second.Samples, Is.EqualTo(first.Samples));
        Assert.That(Directory.GetFiles(temp.Path, "*.wav"), Has.Length.EqualTo(1), "no temporary file is left behind");
    }

    [Test]
    public async Task SynthesizeAsync_CloudVoiceName_FallsBackToTheDefaultVoice()
    {
        RequireFlite();
        using var temp = new TempDirectory();
        var process = new CountingProcess();
        var flite = new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.Path, DefaultVoice = "rms" }, process);

        await flite.SynthesizeAsync(new SpeechRequest("Goodbye.", "en-US", "en-US-AvaNeural"));
        await flite.SynthesizeAsync(new SpeechRequest("Goodbye.", "en-US", "rms"));

        Assert.That(process.Starts, Is.EqualTo(1), "the cloud voice was served by rms, so the rms request hits the cache");
    }

    [Test]
    public void SynthesizeAsync_MissingExecutable_SaysWhichPackagesToInstall()
    {
        using var temp = new TempDirectory();
        var flite = new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.Path, ExecutablePath = "/nonexistent/flite" });

        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => flite.SynthesizeAsync(new SpeechRequest("Hello.", "en-US", null)));
        Assert.That(ex!.Message, Does.StartWith("flite not found: install the Debian packages flite and libflite1"));
    }

    [Test]
    public void SynthesizeAsync_Chinese_NamesTheLocale()
    {
        using var temp = new TempDirectory();
        var flite = new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.Path });

        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => flite.SynthesizeAsync(new SpeechRequest("您好", "zh-CN", null)));
        Assert.That(ex!.Message, Is.EqualTo("no local voice for zh-CN; flite speaks English only"));
    }

    [TestCase("en-US", 5)]
    [TestCase("en-GB", 5)]
    [TestCase("zh-CN", 0)]
    public void VoicesFor_EnglishOnly(string locale, int count)
    {
        var flite = new FliteSynthesizer(new FliteOptions());
        Assert.That(flite.VoicesFor(locale), Has.Count.EqualTo(count));
        Assert.That(flite.Engine, Is.EqualTo("flite"));
    }

    [Test]
    public void FliteOptionsValidator_UnknownDefaultVoice_NamesTheSetting()
    {
        var result = new FliteOptionsValidator().Validate(null, new FliteOptions { DefaultVoice = "en-US-AvaNeural" });
        Assert.That(result.FailureMessage, Does.Contain("LocalSpeech:Flite:DefaultVoice"));
    }
}
