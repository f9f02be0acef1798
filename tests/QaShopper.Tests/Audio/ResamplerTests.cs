using QaShopper.Audio;

namespace QaShopper.Tests.Audio;

public sealed class ResamplerTests
{
    internal static float[] Sine(double hz, int rate, double seconds, double amplitude = 0.5) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate)))];

    internal static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * s;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    [Test]
    public void Resample_1kHzSineThrough8kAndBack_IsKept()
    {
        var input = Sine(1000, 16000, 1);
        var down = Resampler.Resample(input, 16000, 8000);
        var back = Resampler.Resample(down, 8000, 16000);

        Assert.That(down, Has.Length.EqualTo(8000));
        Assert.That(back, Has.Length.EqualTo(16000));

        // Away from the edges, where the filter lacks neighbours, the sine is intact.
        var middle = back.AsSpan(1000, 14000);
        var error = new float[middle.Length];
        for (var i = 0; i < middle.Length; i++)
        {
            error[i] = middle[i] - input[1000 + i];
        }

        Assert.That(Rms(middle), Is.EqualTo(0.5 / Math.Sqrt(2)).Within(0.02));
        Assert.That(Rms(error), Is.LessThan(0.02));
    }

    [Test]
    public void Resample_6kHzToneTo8k_IsAttenuatedMoreThan30Db()
    {
        var input = Sine(6000, 16000, 1);
        var down = Resampler.Resample(input, 16000, 8000);

        var attenuation = 20 * Math.Log10(Rms(input.AsSpan(500, 15000)) / Rms(down.AsSpan(250, 7500)));
        Assert.That(attenuation, Is.GreaterThan(30));
    }

    [Test]
    public void Resample_SameRate_CopiesTheInput()
    {
        float[] input = [0.1f, 0.2f];
        Assert.That(Resampler.Resample(input, 8000, 8000), Is.EqualTo(input));
    }
}
