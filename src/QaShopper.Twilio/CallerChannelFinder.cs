using QaShopper.Audio;

namespace QaShopper.Twilio;

/// <summary>
/// Finds which channel of a two-channel recording is the caller's, from the audio: the clips we played appear on the
/// caller's channel, so that channel's loudness envelope correlates with theirs. Twilio documents no channel order for
/// a single outbound call playing <c>&lt;Play&gt;</c>, so the order is never assumed.
/// </summary>
public static class CallerChannelFinder
{
    private const double FrameSeconds = 0.04;
    private const int MinimumFrames = 5;

    /// <summary>
    /// The caller's channel (1 or 2), or null when it cannot be told: no clip long enough, or both channels match
    /// (within 0.1 of a correlation per clip) equally well.
    /// </summary>
    public static int? Find(TwoChannelAudio recording, IReadOnlyList<AudioClip> clips)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(clips);
        var frame = Math.Max(1, (int)(FrameSeconds * recording.SampleRate));
        var one = Envelope(recording.Channel1, frame);
        var two = Envelope(recording.Channel2, frame);
        double scoreOne = 0, scoreTwo = 0;
        var used = 0;
        foreach (var clip in clips)
        {
            var envelope = Envelope(clip.ResampleTo(recording.SampleRate).Samples, frame);
            if (envelope.Length < MinimumFrames || envelope.Length > one.Length)
            {
                continue;
            }

            scoreOne += BestCorrelation(one, envelope);
            scoreTwo += BestCorrelation(two, envelope);
            used++;
        }

        if (used == 0 || Math.Abs(scoreOne - scoreTwo) < 0.1 * used)
        {
            return null;
        }

        return scoreOne > scoreTwo ? 1 : 2;
    }

    /// <summary>Loudness per frame (RMS), the shape of speech independent of its fine waveform (codecs keep the one, not the other).</summary>
    private static double[] Envelope(float[] samples, int frame)
    {
        var envelope = new double[samples.Length / frame];
        for (var f = 0; f < envelope.Length; f++)
        {
            double sum = 0;
            for (var i = f * frame; i < (f + 1) * frame; i++)
            {
                sum += (double)samples[i] * samples[i];
            }

            envelope[f] = Math.Sqrt(sum / frame);
        }

        return envelope;
    }

    /// <summary>The best Pearson correlation of <paramref name="pattern"/> with any window of <paramref name="signal"/>.</summary>
    private static double BestCorrelation(double[] signal, double[] pattern)
    {
        var m = pattern.Length;
        var patternMean = pattern.Average();
        var centred = pattern.Select(x => x - patternMean).ToArray();
        var patternNorm = Math.Sqrt(centred.Sum(x => x * x));
        if (patternNorm == 0)
        {
            return 0;
        }

        // Prefix sums give each window's mean and spread in O(1); only the dot product is O(m).
        var sum = new double[signal.Length + 1];
        var squares = new double[signal.Length + 1];
        for (var i = 0; i < signal.Length; i++)
        {
            sum[i + 1] = sum[i] + signal[i];
            squares[i + 1] = squares[i] + (signal[i] * signal[i]);
        }

        var best = 0.0;
        for (var start = 0; start + m <= signal.Length; start++)
        {
            var windowSum = sum[start + m] - sum[start];
            var variance = squares[start + m] - squares[start] - (windowSum * windowSum / m);
            if (variance <= 1e-12)
            {
                continue;
            }

            double dot = 0;
            for (var i = 0; i < m; i++)
            {
                dot += signal[start + i] * centred[i];
            }

            best = Math.Max(best, dot / (Math.Sqrt(variance) * patternNorm));
        }

        return best;
    }
}
