namespace QaShopper.Audio;

/// <summary>Mono audio: samples in -1..1 at a sample rate. Immutable by convention: operations return new clips.</summary>
public sealed class AudioClip
{
    public AudioClip(int sampleRate, float[] samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentNullException.ThrowIfNull(samples);
        SampleRate = sampleRate;
        Samples = samples;
    }

    public int SampleRate { get; }

    public float[] Samples { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    public static AudioClip Silence(int sampleRate, TimeSpan duration) =>
        new(sampleRate, new float[(int)Math.Round(duration.TotalSeconds * sampleRate)]);

    /// <summary>This clip at another sample rate (band-limited).</summary>
    public AudioClip ResampleTo(int sampleRate) =>
        sampleRate == SampleRate ? this : new AudioClip(sampleRate, Resampler.Resample(Samples, SampleRate, sampleRate));
}

/// <summary>
/// A two-channel recording of a call, one channel per side. Which channel is the agent is a property of the
/// carrier that recorded it (the simulated call centre puts the caller on channel 1 and the agent on 2).
/// </summary>
public sealed class TwoChannelAudio
{
    public TwoChannelAudio(int sampleRate, float[] channel1, float[] channel2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentNullException.ThrowIfNull(channel1);
        ArgumentNullException.ThrowIfNull(channel2);
        if (channel1.Length != channel2.Length)
        {
            throw new ArgumentException($"channels differ in length: {channel1.Length} and {channel2.Length} samples", nameof(channel2));
        }

        SampleRate = sampleRate;
        Channel1 = channel1;
        Channel2 = channel2;
    }

    public int SampleRate { get; }

    public float[] Channel1 { get; }

    public float[] Channel2 { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Channel1.Length / SampleRate);

    /// <summary>Channel 1 or 2 as a clip.</summary>
    public AudioClip Channel(int number) => number switch
    {
        1 => new AudioClip(SampleRate, Channel1),
        2 => new AudioClip(SampleRate, Channel2),
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "a recording has channels 1 and 2"),
    };
}
