using QaShopper.Audio;

namespace QaShopper.Tests.Audio;

public sealed class AudioHelperTests
{
    [Test]
    public void TelephoneLine_Apply_Gives8kHzMuLawQuantisedAudio()
    {
        var clip = new AudioClip(16000, ResamplerTests.Sine(500, 16000, 0.5));
        var line = TelephoneLine.Apply(clip);

        Assert.That(line.SampleRate, Is.EqualTo(8000));
        Assert.That(line.Samples, Has.Length.EqualTo(4000));
        Assert.That(line.Samples.All(s => MuLaw.Decode(MuLaw.Encode(Pcm.ToShort(s))) / 32768f == s), Is.True);
    }

    [Test]
    public void AudioTimeline_PlacesClipsAtTheirTimesAndMixesOverlaps()
    {
        var timeline = new AudioTimeline(8000);
        var one = new AudioClip(8000, [.. Enumerable.Repeat(0.25f, 800)]);
        var end = timeline.Place(one, TimeSpan.FromSeconds(1));
        timeline.Place(one, TimeSpan.FromSeconds(1.05));
        timeline.Place(new AudioClip(8000, [.. Enumerable.Repeat(0.9f, 800)]), TimeSpan.FromSeconds(1.05));

        var samples = timeline.Render();

        Assert.That(end, Is.EqualTo(TimeSpan.FromSeconds(1.1)));
        Assert.That(timeline.End, Is.EqualTo(TimeSpan.FromSeconds(1.15)));
        Assert.That(samples, Has.Length.EqualTo(9200));
        Assert.That(samples[7999], Is.Zero);
        Assert.That(samples[8000], Is.EqualTo(0.25f));
        Assert.That(samples[8500], Is.EqualTo(1f), "0.25 + 0.25 + 0.9 is clamped");
    }

    [Test]
    public void AudioTimeline_ResamplesClipsToItsRate()
    {
        var timeline = new AudioTimeline(8000);
        timeline.Place(new AudioClip(16000, ResamplerTests.Sine(300, 16000, 1)), TimeSpan.Zero);
        Assert.That(timeline.Render(TimeSpan.FromSeconds(2)), Has.Length.EqualTo(16000));
    }

    [Test]
    public void LineNoise_SameSeed_SameNoiseAtTheRequestedLevel()
    {
        var a = LineNoise.Generate(8000, 8000, new Random(7));
        var b = LineNoise.Generate(8000, 8000, new Random(7));
        var level = 20 * Math.Log10(ResamplerTests.Rms(a));

        Assert.That(a, Is.EqualTo(b));
        Assert.That(level, Is.EqualTo(-50).Within(1));
    }

    [Test]
    public void LineNoise_WithHum_AddsTheHum()
    {
        var quiet = LineNoise.Generate(8000, 8000, new Random(1));
        var hum = LineNoise.Generate(8000, 8000, new Random(1), humHz: 50, humDbfs: -40);
        Assert.That(ResamplerTests.Rms(hum), Is.GreaterThan(ResamplerTests.Rms(quiet) * 2));
    }

    [Test]
    public void Dtmf_Tones_LastTheToneGapAndWaitLengths()
    {
        var clip = Dtmf.Tones("1w#", 8000);
        Assert.That(clip.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(100 + 100 + 500 + 100 + 100)));
        Assert.That(ResamplerTests.Rms(clip.Samples.AsSpan(0, 800)), Is.GreaterThan(0.1));
        Assert.That(ResamplerTests.Rms(clip.Samples.AsSpan(1600, 4000)), Is.Zero);
    }

    [TestCase('1', 697, 1209)]
    [TestCase('5', 770, 1336)]
    [TestCase('0', 941, 1336)]
    [TestCase('*', 941, 1209)]
    [TestCase('#', 941, 1477)]
    [TestCase('D', 941, 1633)]
    public void Dtmf_Frequencies_FollowTheKeypad(char digit, int low, int high) =>
        Assert.That(Dtmf.Frequencies(digit), Is.EqualTo((low, high)));

    [Test]
    public void Dtmf_UnknownDigit_NamesIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dtmf.Tones("12x"));
        Assert.That(ex!.Message, Does.Contain("'x' is not a DTMF digit"));
    }
}
