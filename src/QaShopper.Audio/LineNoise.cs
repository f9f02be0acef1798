namespace QaShopper.Audio;

/// <summary>
/// The faint background of a real line: white noise at a low level and, optionally, mains hum. Without it a
/// synthetic recording has digital silence between words, which no real call has and which flatters voice detection.
/// </summary>
public static class LineNoise
{
    /// <summary>Noise level used when none is given: audible only with the volume up.</summary>
    public const double DefaultLevelDbfs = -50;

    /// <summary>
    /// <paramref name="length"/> samples of uniform white noise whose RMS is <paramref name="levelDbfs"/>, plus a
    /// sine hum at <paramref name="humHz"/> (0: none) and <paramref name="humDbfs"/>. All randomness comes from
    /// <paramref name="random"/>, so a seeded source gives the same noise.
    /// </summary>
    public static float[] Generate(int sampleRate, int length, Random random, double levelDbfs = DefaultLevelDbfs, double humHz = 0, double humDbfs = -60)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(humHz);

        // A uniform variable on [-a, a] has RMS a/sqrt(3).
        var amplitude = Math.Pow(10, levelDbfs / 20) * Math.Sqrt(3);
        var humAmplitude = humHz > 0 ? Math.Pow(10, humDbfs / 20) * Math.Sqrt(2) : 0;
        var output = new float[length];
        for (var i = 0; i < length; i++)
        {
            var sample = ((random.NextDouble() * 2) - 1) * amplitude;
            if (humAmplitude > 0)
            {
                sample += humAmplitude * Math.Sin(2 * Math.PI * humHz * i / sampleRate);
            }

            output[i] = (float)sample;
        }

        return output;
    }

    /// <summary>Adds noise from <see cref="Generate"/> to <paramref name="samples"/> in place.</summary>
    public static void AddTo(float[] samples, int sampleRate, Random random, double levelDbfs = DefaultLevelDbfs, double humHz = 0, double humDbfs = -60)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var noise = Generate(sampleRate, samples.Length, random, levelDbfs, humHz, humDbfs);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Math.Clamp(samples[i] + noise[i], -1f, 1f);
        }
    }
}
