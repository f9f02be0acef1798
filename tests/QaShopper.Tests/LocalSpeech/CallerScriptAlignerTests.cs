using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.LocalSpeech.Pocketsphinx;

namespace QaShopper.Tests.LocalSpeech;

public sealed class CallerScriptAlignerTests
{
    [Test]
    public void Align_OneSpanPerLine_TimesFromTheAudioWordsFromTheScript()
    {
        var segments = CallerScriptAligner.Align(
            [new SpeechSpan(4.2, 7.9), new SpeechSpan(15.0, 18.25)],
            [new CallerTurn("Hello, this is Emma."), new CallerTurn("That's all, thanks.")]);

        Assert.That(segments.Select(s => (s.Speaker, s.Start, s.End, s.Text)), Is.EqualTo(new[]
        {
            (Speaker.Caller, 4.2, 7.9, "Hello, this is Emma."),
            (Speaker.Caller, 15.0, 18.25, "That's all, thanks."),
        }));
        Assert.That(segments.Select(s => (s.Confidence, s.Words)), Is.All.EqualTo((default(double?), default(IReadOnlyList<Core.Transcripts.TranscriptWord>))), "nothing was recognised, so nothing claims a confidence or word times");
    }

    [Test]
    public void Align_LineSplitByAPause_KeepsEverySpanAndSharesTheWordsByDuration()
    {
        // The first line's two sentences came out as two spans 0.6 s apart; the agent spoke for 8 s before the second line.
        var segments = CallerScriptAligner.Align(
            [new SpeechSpan(1.0, 2.0), new SpeechSpan(2.6, 5.6), new SpeechSpan(13.6, 15.0)],
            [new CallerTurn("Sure. My date of birth is twelve March"), new CallerTurn("Thanks.")]);

        Assert.That(segments.Select(s => (s.Start, s.End, s.Text)), Is.EqualTo(new[]
        {
            (1.0, 2.0, "Sure. My"),
            (2.6, 5.6, "date of birth is twelve March"),
            (13.6, 15.0, "Thanks."),
        }));
    }

    [Test]
    public void Align_Tones_TakeTheirTurnButGiveNoSegment()
    {
        var segments = CallerScriptAligner.Align(
            [new SpeechSpan(3.0, 3.3), new SpeechSpan(10.0, 12.0)],
            [new CallerTurn(null), new CallerTurn("My broadband is down.")]);

        Assert.That(segments.Select(s => (s.Start, s.Text)), Is.EqualTo(new[] { (10.0, "My broadband is down.") }));
    }

    [Test]
    public void Align_CallEndedBeforeTheLastLines_LabelsOnlyWhatWasSpoken()
    {
        var segments = CallerScriptAligner.Align(
            [new SpeechSpan(3.0, 5.0)],
            [new CallerTurn("Hello."), new CallerTurn("Thanks."), new CallerTurn("Bye.")]);

        Assert.That(segments.Select(s => s.Text), Is.EqualTo(new[] { "Hello." }));
    }

    [Test]
    public void Align_NoSpeech_NoSegments() =>
        Assert.That(CallerScriptAligner.Align([], [new CallerTurn("Hello.")]), Is.Empty);
}
