namespace QaShopper.Audio;

/// <summary>
/// One channel of a call under construction: clips placed at times, rendered by adding them up (overlaps mix)
/// and clamping to -1..1. Clips at other rates are resampled to the timeline's rate when placed.
/// </summary>
public sealed class AudioTimeline
{
    private readonly List<(int Start, float[] Samples)> placed = [];

    /// <summary>Creates an empty timeline at <paramref name="sampleRate"/>.</summary>
    public AudioTimeline(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
    }

    /// <summary>The rate clips are rendered at.</summary>
    public int SampleRate { get; }

    /// <summary>The end of the last placed clip.</summary>
    public TimeSpan End { get; private set; }

    /// <summary>Places <paramref name="clip"/> to start at <paramref name="at"/>; returns where it ends.</summary>
    public TimeSpan Place(AudioClip clip, TimeSpan at)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        var samples = clip.ResampleTo(SampleRate).Samples;
        var start = ToSamples(at);
        placed.Add((start, samples));
        var end = TimeSpan.FromSeconds((double)(start + samples.Length) / SampleRate);
        if (end > End)
        {
            End = end;
        }

        return end;
    }

    /// <summary>Mixes every clip into <paramref name="length"/> of audio (default: up to <see cref="End"/>).</summary>
    public float[] Render(TimeSpan? length = null)
    {
        var output = new float[ToSamples(length ?? End)];
        foreach (var (start, samples) in placed)
        {
            var count = Math.Min(samples.Length, output.Length - start);
            for (var i = 0; i < count; i++)
            {
                output[start + i] += samples[i];
            }
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = Math.Clamp(output[i], -1f, 1f);
        }

        return output;
    }

    private int ToSamples(TimeSpan at) => (int)Math.Round(at.TotalSeconds * SampleRate);
}
