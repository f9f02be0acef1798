using QaShopper.Audio;

namespace QaShopper.Tests.Audio;

public sealed class VoiceActivityDetectorTests
{
    private const int Rate = 8000;

    [Test]
    public void Detect_TwoBurstsWithGap_ReturnsTwoPaddedSpans()
    {
        var clip = PhoneLine(5.0, (0.5, 1.5), (3.0, 4.0));

        var spans = VoiceActivityDetector.Detect(clip);

        Assert.That(spans, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(spans[0].Start, Is.EqualTo(0.3).Within(0.05));
            Assert.That(spans[0].End, Is.EqualTo(1.7).Within(0.05));
            Assert.That(spans[1].Start, Is.EqualTo(2.8).Within(0.05));
            Assert.That(spans[1].End, Is.EqualTo(4.2).Within(0.05));
        });
    }

    [Test]
    public void Detect_NoiseOnly_ReturnsNothing()
    {
        Assert.That(VoiceActivityDetector.Detect(PhoneLine(5.0)), Is.Empty);
    }

    [Test]
    public void Detect_DigitalSilence_ReturnsNothing()
    {
        Assert.That(VoiceActivityDetector.Detect(AudioClip.Silence(Rate, TimeSpan.FromSeconds(3))), Is.Empty);
    }

    [Test]
    public void Detect_SpeechAtTimeZero_KeepsIt()
    {
        var spans = VoiceActivityDetector.Detect(PhoneLine(4.0, (0.0, 1.0), (2.5, 3.0)));

        Assert.That(spans, Has.Count.EqualTo(2));
        Assert.That(spans[0].Start, Is.Zero);
        Assert.That(spans[0].End, Is.EqualTo(1.2).Within(0.05));
    }

    [Test]
    public void Detect_PauseShorterThanHangover_StaysOneUtterance()
    {
        var spans = VoiceActivityDetector.Detect(PhoneLine(5.0, (1.0, 2.0), (2.25, 3.0)));

        Assert.That(spans, Has.Count.EqualTo(1));
        Assert.That(spans[0].End, Is.EqualTo(3.2).Within(0.05));
    }

    [Test]
    public void Detect_ClickShorterThanMinimum_IsIgnored()
    {
        var spans = VoiceActivityDetector.Detect(PhoneLine(4.0, (1.0, 1.05), (2.0, 3.0)));

        Assert.That(spans, Has.Count.EqualTo(1));
        Assert.That(spans[0].Start, Is.EqualTo(1.8).Within(0.05));
    }

    [Test]
    public void Detect_UtteranceLongerThanMaximum_SplitsAtQuietestMoment()
    {
        var clip = PhoneLine(30.0, (3.0, 27.0));
        for (var i = (int)(12.0 * Rate); i < (int)(12.1 * Rate); i++)
        {
            clip.Samples[i] *= 0.3f; // a dip that is still speech-loud, but the quietest moment
        }

        var spans = VoiceActivityDetector.Detect(clip, new VoiceActivityOptions { MaximumUtteranceSeconds = 20 });

        Assert.That(spans, Has.Count.EqualTo(2));
        Assert.That(spans[0].End, Is.EqualTo(12.05).Within(0.1));
        Assert.That(spans[1].Start, Is.EqualTo(12.05).Within(0.1));
        Assert.That(spans.All(s => s.Duration <= 20.5), Is.True);
    }

    [Test]
    public void Detect_InvalidOptions_Throws()
    {
        Assert.That(
            () => VoiceActivityDetector.Detect(PhoneLine(1.0), new VoiceActivityOptions { HangoverSeconds = -1 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Line noise at about -50 dBFS, loud 'speech' (a warbling tone) in the given spans, through mu-law.</summary>
    private static AudioClip PhoneLine(double seconds, params (double Start, double End)[] speech)
    {
        var samples = new float[(int)(seconds * Rate)];
        uint state = 12345;
        for (var i = 0; i < samples.Length; i++)
        {
            state = (state * 1664525) + 1013904223;
            var noise = ((state >> 8) / (float)(1 << 24)) - 0.5f;
            var t = (double)i / Rate;
            var loud = speech.Any(s => t >= s.Start && t < s.End);
            var tone = loud ? 0.3 * Math.Sin(2 * Math.PI * (300 + (50 * Math.Sin(2 * Math.PI * 3 * t))) * t) : 0;
            samples[i] = (float)(tone + (noise * 0.01));
        }

        return new AudioClip(Rate, MuLaw.RoundTrip(samples));
    }
}
