using QaShopper.Audio;

namespace QaShopper.Tests.Audio;

public sealed class TelephoneBandExtensionTests
{
    [Test]
    public void Apply_ToneAtTheTopOfThePhoneBand_AddsItsMirrorAbove4kHzAtTheGain()
    {
        var phone = new AudioClip(8000, ResamplerTests.Sine(3500, 8000, 1)).ResampleTo(16000);

        var extended = TelephoneBandExtension.Apply(phone, gain: 0.5);

        // 3.5 kHz mirrored about 4 kHz is 4.5 kHz, at half the tone's level; the tone itself is kept.
        var tone = Amplitude(phone.Samples.AsSpan(1000, 14000), 3500, 16000);
        var middle = extended.Samples.AsSpan(1000, 14000);
        Assert.That(Amplitude(middle, 4500, 16000), Is.EqualTo(0.5 * tone).Within(0.01));
        Assert.That(Amplitude(middle, 3500, 16000), Is.EqualTo(tone).Within(0.01));
        Assert.That(tone, Is.GreaterThan(0.4));
    }

    [Test]
    public void Apply_ToneInTheVowelRange_AddsNothingAbove4kHz()
    {
        var phone = new AudioClip(8000, ResamplerTests.Sine(1000, 8000, 1)).ResampleTo(16000);

        var extended = TelephoneBandExtension.Apply(phone, gain: 1);

        // Below the mirrored band: no 7 kHz image, and the 1 kHz tone passes unchanged.
        var middle = extended.Samples.AsSpan(1000, 14000);
        Assert.That(Amplitude(middle, 7000, 16000), Is.LessThan(0.005));
        Assert.That(Amplitude(middle, 1000, 16000), Is.EqualTo(0.5).Within(0.02));
    }

    [Test]
    public void Apply_GainZero_ReturnsTheClipUnchanged()
    {
        var clip = new AudioClip(16000, ResamplerTests.Sine(3500, 16000, 0.1));

        Assert.That(TelephoneBandExtension.Apply(clip, gain: 0), Is.SameAs(clip));
    }

    [Test]
    public void Apply_ClipNotAt16kHz_IsRejectedNamingTheRate()
    {
        var clip = new AudioClip(8000, ResamplerTests.Sine(1000, 8000, 0.1));

        Assert.That(() => TelephoneBandExtension.Apply(clip, gain: 1), Throws.ArgumentException.With.Message.Contains("8000 Hz"));
    }

    /// <summary>The amplitude of the <paramref name="hz"/> component (a single-bin discrete Fourier transform).</summary>
    private static double Amplitude(ReadOnlySpan<float> samples, double hz, int rate)
    {
        double re = 0, im = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var phase = 2 * Math.PI * hz * n / rate;
            re += samples[n] * Math.Cos(phase);
            im -= samples[n] * Math.Sin(phase);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }
}
