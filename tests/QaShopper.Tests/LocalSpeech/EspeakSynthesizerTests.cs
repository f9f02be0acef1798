using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech;
using QaShopper.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

public sealed class EspeakSynthesizerTests
{
    private sealed class CountingProcess : ISpeechProcess
    {
        public int Starts { get; private set; }

        public List<string> Arguments { get; } = [];

        public Task<(int ExitCode, string StandardError)> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
        {
            Starts++;
            Arguments.AddRange(startInfo.ArgumentList);
            return SpeechProcess.Instance.RunAsync(startInfo, cancellationToken);
        }
    }

    private static void RequireEspeak()
    {
        if (!PhoneCall.EspeakInstalled)
        {
            Assert.Ignore("espeak-ng is not installed (Debian package espeak-ng)");
        }
    }

    [Test]
    public async Task SynthesizeAsync_RealEspeak_Produces22050HzSpeech()
    {
        RequireEspeak();
        using var temp = new TempDirectory();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path });

        var clip = await espeak.SynthesizeAsync(new SpeechRequest("Thank you for calling Harbour Mutual.", "en-GB", "espeak:en-gb+f2"));

        Assert.That(clip.SampleRate, Is.EqualTo(22050));
        Assert.That(clip.Duration.TotalSeconds, Is.InRange(1.0, 5.0));
        Assert.That(clip.Samples.Max(Math.Abs), Is.GreaterThan(0.05f));
    }

    [Test]
    public async Task SynthesizeAsync_SameLineTwice_RunsEspeakOnceAndLeavesOnlyTheCachedClip()
    {
        RequireEspeak();
        using var temp = new TempDirectory();
        var process = new CountingProcess();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path }, process);

        var first = await espeak.SynthesizeAsync(new SpeechRequest("Please hold.", "en-US", "espeak:en-us+m3"));
        var second = await espeak.SynthesizeAsync(new SpeechRequest("Please hold.", "en-US", "espeak:en-us+m3"));

        Assert.That(process.Starts, Is.EqualTo(1));
        Assert.That(second.Samples, Is.EqualTo(first.Samples));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1), "no temporary audio or text file is left behind");
    }

    [Test]
    public async Task SynthesizeAsync_TextStartingWithADash_IsSpokenNotTakenForAnOption()
    {
        RequireEspeak();
        using var temp = new TempDirectory();
        var process = new CountingProcess();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path }, process);

        var clip = await espeak.SynthesizeAsync(new SpeechRequest("-q and then some words", "en-US", "espeak:en-us"));

        Assert.That(clip.Duration.TotalSeconds, Is.GreaterThan(0.5), "-q (quiet) would have written no audio");
        Assert.That(process.Arguments, Does.Not.Contain("-q and then some words"), "the text is passed in a file, not in argv");
    }

    [Test]
    public async Task SynthesizeAsync_NonEspeakVoice_SpeaksTheLocalesDefaultEspeakVoice()
    {
        RequireEspeak();
        using var temp = new TempDirectory();
        var process = new CountingProcess();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path }, process);

        await espeak.SynthesizeAsync(new SpeechRequest("Goodbye.", "en-GB", "rms"));

        Assert.That(process.Arguments.Take(2), Is.EqualTo(new[] { "-v", "en-gb" }));
    }

    [Test]
    public void SynthesizeAsync_VoiceEspeakNgLacks_ReportsEspeakNgsError()
    {
        RequireEspeak();
        using var temp = new TempDirectory();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path });

        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => espeak.SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "espeak:xx-nowhere")));
        Assert.That(ex!.Message, Does.StartWith("espeak-ng failed (exit code 1) with voice espeak:xx-nowhere"));
        Assert.That(Directory.GetFiles(temp.Path), Is.Empty);
    }

    [TestCase("espeak:-w")]
    [TestCase("espeak:")]
    [TestCase("espeak:en-us+m3 --stdout")]
    public void SynthesizeAsync_VoiceThatIsNotAName_IsRefusedBeforeRunningAnything(string voice)
    {
        using var temp = new TempDirectory();
        var process = new CountingProcess();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path }, process);

        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => espeak.SynthesizeAsync(new SpeechRequest("Hello.", "en-US", voice)));
        Assert.That(ex!.Message, Does.Contain("is not an espeak-ng voice name"));
        Assert.That(process.Starts, Is.Zero);
    }

    [Test]
    public void SynthesizeAsync_MissingExecutable_SaysToInstallTheDebianPackage()
    {
        using var temp = new TempDirectory();
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.Path, ExecutablePath = "/nonexistent/espeak-ng" });

        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => espeak.SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "espeak:en-us")));
        Assert.That(ex!.Message, Does.StartWith("espeak-ng not found: install the Debian package espeak-ng to speak with espeak:en-us"));
        Assert.That(Directory.GetFiles(temp.Path), Is.Empty, "the text file is removed");
    }

    [Test]
    public void SynthesizeAsync_Cancelled_StopsTheProgramAndLeavesNothing()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("a shell script stands in for a slow espeak-ng");
            return;
        }

        using var temp = new TempDirectory();
        var slow = temp.Write("slow-espeak", "#!/bin/sh\nexec sleep 30\n");
        File.SetUnixFileMode(slow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cache = temp.File("tts");
        var espeak = new EspeakSynthesizer(new EspeakOptions { CacheDirectory = cache, ExecutablePath = slow });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var timer = Stopwatch.StartNew();

        Assert.CatchAsync<OperationCanceledException>(() => espeak.SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "espeak:en-us"), cancel.Token));
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the program was killed, not waited for");
        Assert.That(Directory.GetFiles(cache), Is.Empty);
    }

    [Test]
    public void SynthesizeAsync_Chinese_NamesTheLocale()
    {
        var espeak = new EspeakSynthesizer(new EspeakOptions());

        var ex = Assert.ThrowsAsync<SpeechEngineException>(() => espeak.SynthesizeAsync(new SpeechRequest("您好", "zh-CN", "espeak:en-us")));
        Assert.That(ex!.Message, Is.EqualTo("no espeak-ng voice for zh-CN; only English is offered"));
    }

    [TestCase("en-US", 65)]
    [TestCase("en-GB", 65)]
    [TestCase("zh-CN", 0)]
    public void VoicesFor_EnglishOnly_EveryNameEspeakPrefixed(string locale, int count)
    {
        var espeak = new EspeakSynthesizer(new EspeakOptions());

        Assert.That(espeak.VoicesFor(locale), Has.Count.EqualTo(count));
        Assert.That(espeak.VoicesFor(locale), Has.All.StartWith(EspeakSynthesizer.VoicePrefix));
        Assert.That(espeak.VoicesFor(locale), Has.None.AnyOf([.. FliteSynthesizer.Voices]));
        Assert.That(espeak.Engine, Is.EqualTo("espeak-ng"));
    }

    [Test]
    public void Voices_OfferedVoices_AreTheOnesTheCallCentreFileAndItsSchemaAccept()
    {
        var pattern = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("schemas", "call-centre.schema.json"))).RootElement
            .GetProperty("definitions").GetProperty("voice").GetProperty("anyOf")[1].GetProperty("pattern").GetString()!;

        Assert.That(EspeakSynthesizer.Voices.Where(v => !CallCentreLoader.IsLocalVoice(v)), Is.Empty);
        Assert.That(EspeakSynthesizer.Voices.Where(v => !Regex.IsMatch(v, pattern)), Is.Empty);
        foreach (var unoffered in new[] { "espeak:en-us+m8", "espeak:en-au", "espeak:en-us+", "espeak:en-us+m3+f1", "espeak:de" })
        {
            Assert.That(CallCentreLoader.IsLocalVoice(unoffered), Is.False, unoffered);
            Assert.That(Regex.IsMatch(unoffered, pattern), Is.False, unoffered);
        }
    }

    [Test]
    public void EspeakOptionsValidator_FullPathThatDoesNotExist_NamesTheSettingAndThePackage()
    {
        var result = new EspeakOptionsValidator().Validate(null, new EspeakOptions { ExecutablePath = "/nonexistent/espeak-ng" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("LocalSpeech:Espeak:ExecutablePath '/nonexistent/espeak-ng'").And.Contain("espeak-ng"));
    }

    [Test]
    public void EspeakOptionsValidator_BareNameNotInstalled_IsAcceptedBecauseEspeakIsOptional()
    {
        var result = new EspeakOptionsValidator().Validate(null, new EspeakOptions { ExecutablePath = "espeak-ng-not-installed-here" });

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void EspeakOptionsValidator_BlankCacheDirectory_NamesTheSetting()
    {
        var result = new EspeakOptionsValidator().Validate(null, new EspeakOptions { CacheDirectory = "  " });

        Assert.That(result.FailureMessage, Does.Contain("LocalSpeech:Espeak:CacheDirectory"));
    }
}
