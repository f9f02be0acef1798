using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>
/// Round trips through flite speech on a phone line. One call is synthesised and transcribed once for the fixture
/// (a few seconds of CPU); the tests check different properties of that transcript.
/// </summary>
[NonParallelizable]
public sealed class PocketsphinxTranscriberTests
{
    private static readonly (Speaker, string)[] Lines =
    [
        (Speaker.Agent, "Welcome to Brightmart, my name is Tom, how can I help you today?"),
        (Speaker.Caller, "Hi, I would like to know your opening hours on Saturday."),
        (Speaker.Agent, "Our downtown branch opens at nine on Saturday."),
        (Speaker.Caller, "Great, thank you. That's all I needed."),
        (Speaker.Agent, "Is there anything else I can help you with?"),
    ];

    private static readonly string[] Hints =
    [
        "welcome to brightmart", "thank you for calling brightmart", "my name is", "anything else", "open 24/7", "on the 15th", "добрый день",
    ];

    /// <summary>
    /// Forbidden phrases go to the recogniser as watch phrases, never as hints, as the pipeline sends them: biased
    /// towards "i don't know", the decoder hears it in "our downtown branch" (measured with the phone band mirrored).
    /// </summary>
    private static readonly string[] Forbidden = ["i don't know", "calm down", "not my problem"];

    private TempDirectory _temp = null!;
    private PocketsphinxTranscriber _transcriber = null!;
    private IReadOnlyList<SpokenLine> _truth = null!;
    private Transcript _transcript = null!;
    private string _recording = null!;

    [OneTimeSetUp]
    public async Task TranscribeCall()
    {
        Assume.That(PhoneCall.FliteInstalled, "flite is not installed (the setup script installs it)");
        _temp = new TempDirectory();
        _recording = _temp.File("call.wav");
        _truth = PhoneCall.Write(_temp, _recording, "rms", Lines);
        _transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1 });
        _transcript = await _transcriber.TranscribeAsync(new TranscriptionRequest(_recording, 2, 3.5, "en-US", Hints) { WatchPhrases = Forbidden });
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _transcriber?.Dispose();
        _temp?.Dispose();
    }

    [Test]
    public void Transcribe_PhoneLineCall_WordErrorRateWithinBound()
    {
        var reference = _truth.SelectMany(l => WordErrorRate.Words(l.Text)).ToArray();
        var hypothesis = _transcript.Segments.SelectMany(s => WordErrorRate.Words(s.Text)).ToArray();

        // Measured 8-22% for flite rms on this line (see PocketsphinxMeasurements); the bound leaves margin.
        var wer = (double)WordErrorRate.Errors(reference, hypothesis) / reference.Length;
        Assert.That(wer, Is.LessThanOrEqualTo(0.30), () => Dump());
    }

    [Test]
    public void Transcribe_PhoneLineCall_AttributesSpeakersWithTimesNearTruth()
    {
        Assert.Multiple(() =>
        {
            foreach (var line in _truth)
            {
                var segment = _transcript.Segments.FirstOrDefault(s => Math.Abs(s.Start - line.Start) <= 0.5);
                Assert.That(segment, Is.Not.Null, () => $"no segment starts near {line.Start:F2} ({line.Text})\n{Dump()}");
                Assert.That(segment?.Speaker, Is.EqualTo(line.Speaker), line.Text);
                Assert.That(segment?.End, Is.EqualTo(line.End).Within(0.5), line.Text);
            }

            Assert.That(_transcript.Segments, Has.Count.EqualTo(_truth.Count), Dump);
            Assert.That(_transcript.AnsweredAfter, Is.EqualTo(3.5));
            Assert.That(_transcript.Duration, Is.EqualTo(_truth[^1].End + 1.5).Within(0.01));
            Assert.That(_transcript.Segments.Select(s => s.Start), Is.Ordered);
        });
    }

    [Test]
    public void Transcribe_PhoneLineGreeting_KeepsFirstUtterance()
    {
        var first = _transcript.Segments[0];

        Assert.That(first.Speaker, Is.EqualTo(Speaker.Agent));
        Assert.That(first.Start, Is.EqualTo(_truth[0].Start).Within(0.5));
        Assert.That(WordErrorRate.Words(first.Text), Has.Length.GreaterThanOrEqualTo(8), Dump);
    }

    [Test]
    public void Transcribe_HintWithProperNoun_PhraseInTranscript()
    {
        Assert.That(AgentText(), Does.Contain(" welcome to brightmart "), Dump);
    }

    [TestCase("i don't know")]
    [TestCase("calm down")]
    [TestCase("not my problem")]
    [TestCase("thank you for calling brightmart")]
    public void Transcribe_AbsentForbiddenPhrase_NotInserted(string phrase)
    {
        Assert.That(AgentText(), Does.Not.Contain($" {phrase} "), Dump);
    }

    [Test]
    public void Transcribe_Words_HaveNoMarkersOrFillersAndSaneTimes()
    {
        var words = _transcript.Segments.SelectMany(s => (s.Words ?? []).Select(w => (Segment: s, Word: w))).ToList();

        Assert.That(words, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (segment, word) in words)
            {
                Assert.That(word.Text, Does.Not.Match(@"[()<>\[\]+]"), word.Text);
                Assert.That(word.Start, Is.InRange(segment.Start, word.End), word.Text);
                Assert.That(word.End, Is.LessThanOrEqualTo(segment.End + 0.01), word.Text);
                Assert.That(word.Confidence, Is.InRange(0.0, 1.0), word.Text);
            }

            Assert.That(_transcript.Segments.Select(s => s.Text), Has.None.Match(@"[()<>\[\]+]|  "));
        });
    }

    [Test]
    public void Transcribe_WellRecognisedCallerLine_IsConfident()
    {
        // The caller's opening-hours line is recognised word for word on this voice.
        var line = _transcript.Segments.Single(s => s.Speaker == Speaker.Caller && Math.Abs(s.Start - _truth[1].Start) < 0.5);

        Assert.That(line.Confidence, Is.GreaterThanOrEqualTo(0.6), Dump);
    }

    [Test]
    public async Task Transcribe_TwoSequentialCalls_ReuseOneDecoder()
    {
        using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 2 });
        var path = _temp.File("short.wav");
        PhoneCall.Write(_temp, path, "rms", [(Speaker.Agent, "Hello.")], lead: 0.2, gap: 0.2);

        await transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, null, "en-US", []));
        await transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, null, "en-GB", ["my name is"]));

        Assert.That(transcriber.DecodersCreated, Is.EqualTo(1));
    }

    [Test]
    public void Transcribe_MonoWav_ThrowsClearError()
    {
        var path = _temp.File("mono.wav");
        WavFile.Write(path, AudioClip.Silence(8000, TimeSpan.FromSeconds(1)));

        Assert.That(
            () => _transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, null, "en-US", [])),
            Throws.InstanceOf<WavFormatException>().With.Message.Contains("2 channels").And.Message.Contains("mono.wav"));
    }

    [Test]
    public void Transcribe_UnsupportedLocale_ThrowsSpeechEngineException()
    {
        Assert.That(
            () => _transcriber.TranscribeAsync(new TranscriptionRequest(_recording, 2, null, "zh-CN", [])),
            Throws.InstanceOf<SpeechEngineException>().With.Message.Contains("zh-CN"));
    }

    [Test]
    public void Transcribe_MissingModel_NamesPathAndPackage()
    {
        using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { LanguageModel = "/nonexistent/en-us.lm.bin" });

        Assert.That(
            () => transcriber.TranscribeAsync(new TranscriptionRequest(_recording, 2, null, "en-US", [])),
            Throws.InstanceOf<SpeechEngineException>().With.Message.Contains("/nonexistent/en-us.lm.bin").And.Message.Contains("pocketsphinx-en-us"));
    }

    [Test]
    public void UnknownWords_BrandName_IsReported()
    {
        Assert.That(_transcriber.UnknownWords(["Welcome to Brightmart!", "open 24/7", "thank you for calling"]), Is.EqualTo(new[] { "brightmart" }));
    }

    [Test]
    public void Supports_EnglishOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_transcriber.Engine, Is.EqualTo("pocketsphinx"));
            Assert.That(_transcriber.Supports("en-US"), Is.True);
            Assert.That(_transcriber.Supports("en-gb"), Is.True);
            Assert.That(_transcriber.Supports("de-DE"), Is.False);
        });
    }

    private string AgentText() =>
        " " + string.Join(" ", _transcript.Segments.Where(s => s.Speaker == Speaker.Agent).SelectMany(s => WordErrorRate.Words(s.Text))) + " ";

    private string Dump() => string.Join("\n", _transcript.Segments.Select(s => FormattableString.Invariant($"{s.Speaker} [{s.Start:F2}-{s.End:F2} c={s.Confidence:F2}] {s.Text}")));
}
