namespace QaShopper.Audio;

/// <summary>
/// Finds the utterances in one side of a call by frame energy against the channel's own noise floor. An adaptive
/// floor (a low percentile of the frame energies) rather than a fixed level is what makes it work on phone lines,
/// whose hiss and mu-law quantisation differ from call to call.
/// </summary>
public static class VoiceActivityDetector
{
    /// <summary>Absolute lower bound of the floor (dBFS): digital silence has no energy at all.</summary>
    private const double SilenceDb = -90;

    /// <summary>Frames averaged when looking for the quietest place to split an over-long utterance.</summary>
    private const int SplitSmoothingFrames = 5;

    /// <summary>The utterances of <paramref name="clip"/>, in time order, padded and never overlapping.</summary>
    public static IReadOnlyList<SpeechSpan> Detect(AudioClip clip, VoiceActivityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clip);
        options ??= new VoiceActivityOptions();
        options.Validate();

        var frameLength = Math.Max(1, (int)Math.Round(options.FrameSeconds * clip.SampleRate));
        var energies = FrameEnergies(clip.Samples, frameLength);
        if (energies.Length == 0)
        {
            return [];
        }

        var frameSeconds = (double)frameLength / clip.SampleRate;
        var floor = Math.Max(Percentile(energies, options.NoiseFloorPercentile), SilenceDb);
        var threshold = Math.Max(floor + options.ThresholdDb, options.MinimumSpeechLevelDb);

        var regions = MergeShortPauses(ActiveRuns(energies, threshold), (int)Math.Round(options.HangoverSeconds / frameSeconds));
        var minimumFrames = (int)Math.Ceiling(options.MinimumSpeechSeconds / frameSeconds);
        var maximumFrames = Math.Max(2 * SplitSmoothingFrames, (int)Math.Floor(options.MaximumUtteranceSeconds / frameSeconds));
        var kept = new List<(int Start, int End)>();
        foreach (var region in regions.Where(r => r.End - r.Start >= minimumFrames))
        {
            SplitLong(energies, region, maximumFrames, kept);
        }

        return Pad(kept, frameSeconds, options.PaddingSeconds, clip.Duration.TotalSeconds);
    }

    private static double[] FrameEnergies(float[] samples, int frameLength)
    {
        var count = samples.Length / frameLength;
        if (count == 0 && samples.Length > 0)
        {
            count = 1;
        }

        var energies = new double[count];
        for (var f = 0; f < count; f++)
        {
            var start = f * frameLength;
            var end = Math.Min(samples.Length, start + frameLength);
            double sum = 0;
            for (var i = start; i < end; i++)
            {
                sum += (double)samples[i] * samples[i];
            }

            energies[f] = 10 * Math.Log10((sum / (end - start)) + 1e-12);
        }

        return energies;
    }

    private static double Percentile(double[] values, double percentile)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var index = (int)Math.Round(percentile / 100 * (sorted.Length - 1));
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    /// <summary>Runs of frames above the threshold as [start, end) frame indexes.</summary>
    private static List<(int Start, int End)> ActiveRuns(double[] energies, double threshold)
    {
        var runs = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= energies.Length; i++)
        {
            var active = i < energies.Length && energies[i] > threshold;
            if (active && start < 0)
            {
                start = i;
            }
            else if (!active && start >= 0)
            {
                runs.Add((start, i));
                start = -1;
            }
        }

        return runs;
    }

    /// <summary>Joins runs separated by pauses of at most <paramref name="hangoverFrames"/>: one sentence stays one utterance.</summary>
    private static List<(int Start, int End)> MergeShortPauses(List<(int Start, int End)> runs, int hangoverFrames)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var run in runs)
        {
            if (merged.Count > 0 && run.Start - merged[^1].End <= hangoverFrames)
            {
                merged[^1] = (merged[^1].Start, run.End);
            }
            else
            {
                merged.Add(run);
            }
        }

        return merged;
    }

    /// <summary>Splits a region longer than the maximum at its quietest (smoothed) frame, recursively.</summary>
    private static void SplitLong(double[] energies, (int Start, int End) region, int maximumFrames, List<(int Start, int End)> output)
    {
        if (region.End - region.Start <= maximumFrames)
        {
            output.Add(region);
            return;
        }

        // Look away from the edges so neither half becomes a fragment.
        var margin = Math.Min(maximumFrames / 4, (region.End - region.Start) / 4);
        var best = region.Start + margin;
        var bestEnergy = double.MaxValue;
        for (var i = region.Start + margin; i < region.End - margin; i++)
        {
            double sum = 0;
            var n = 0;
            for (var k = Math.Max(region.Start, i - (SplitSmoothingFrames / 2)); k <= Math.Min(region.End - 1, i + (SplitSmoothingFrames / 2)); k++)
            {
                sum += energies[k];
                n++;
            }

            if (sum / n < bestEnergy)
            {
                bestEnergy = sum / n;
                best = i;
            }
        }

        SplitLong(energies, (region.Start, best), maximumFrames, output);
        SplitLong(energies, (best, region.End), maximumFrames, output);
    }

    /// <summary>Adds padding on both sides; where two padded spans would overlap they meet half-way through the gap.</summary>
    private static SpeechSpan[] Pad(List<(int Start, int End)> regions, double frameSeconds, double padding, double duration)
    {
        var spans = new SpeechSpan[regions.Count];
        for (var i = 0; i < regions.Count; i++)
        {
            var start = regions[i].Start * frameSeconds;
            var end = Math.Min(duration, regions[i].End * frameSeconds);
            var earliest = i == 0 ? 0 : (regions[i - 1].End * frameSeconds + start) / 2;
            var latest = i == regions.Count - 1 ? duration : (end + (regions[i + 1].Start * frameSeconds)) / 2;
            spans[i] = new SpeechSpan(Math.Max(earliest, start - padding), Math.Min(latest, end + padding));
        }

        return spans;
    }
}
