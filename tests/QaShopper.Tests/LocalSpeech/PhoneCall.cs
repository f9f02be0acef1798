using System.Diagnostics;
using QaShopper.Audio;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>A line of a synthetic call and where it was placed in the recording.</summary>
internal sealed record SpokenLine(Speaker Speaker, string Text, double Start, double End)
{
    /// <summary>The transcript's segments that overlap this line in time: what the recogniser heard of it.</summary>
    public IEnumerable<TranscriptSegment> HeardIn(Transcript transcript) => transcript.Segments.Where(s => s.End > Start && s.Start < End);
}

/// <summary>
/// Builds two-channel phone-call recordings from flite (or espeak-ng) speech: each line synthesised at 16 kHz (22.05 kHz), put through a phone
/// line (8 kHz, mu-law, a little line noise), caller on channel 1, agent on channel 2, silences between turns.
/// </summary>
internal static class PhoneCall
{
    public const int LineRate = 8000;

    public static bool FliteInstalled { get; } = File.Exists("/usr/bin/flite");

    public static bool EspeakInstalled { get; } = File.Exists("/usr/bin/espeak-ng");

    /// <summary>Speaks <paramref name="text"/> with a flite voice, or with espeak-ng for an <c>espeak:…</c> voice.</summary>
    public static AudioClip Speak(TempDirectory temp, string text, string voice)
    {
        var file = temp.File($"{Guid.NewGuid():N}.wav");
        var espeak = voice.StartsWith("espeak:", StringComparison.Ordinal);
        var start = new ProcessStartInfo(espeak ? "espeak-ng" : "flite") { UseShellExecute = false };
        var arguments = espeak ? new[] { "-v", voice["espeak:".Length..], "-w", file, text } : ["-voice", voice, "-t", text, "-o", file];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            process.WaitForExit();
        }

        var wav = WavFile.Read(file);
        return new AudioClip(wav.SampleRate, wav.Channels[0]);
    }

    /// <summary>Writes the call to <paramref name="path"/>; lines are spoken in turn, <paramref name="gap"/> seconds apart, after <paramref name="lead"/> seconds.</summary>
    public static IReadOnlyList<SpokenLine> Write(
        TempDirectory temp, string path, string voice, IEnumerable<(Speaker Speaker, string Text)> lines, double lead = 0.5, double gap = 1.0)
    {
        var placed = new List<(SpokenLine Line, float[] Samples)>();
        var time = lead;
        foreach (var (speaker, text) in lines)
        {
            var clip = Speak(temp, text, voice).ResampleTo(LineRate);
            var trimmed = Trim(clip.Samples);
            var line = new SpokenLine(speaker, text, time, time + ((double)trimmed.Length / LineRate));
            placed.Add((line, trimmed));
            time = line.End + gap;
        }

        var length = (int)((time + 0.5) * LineRate);
        var caller = new float[length];
        var agent = new float[length];
        foreach (var (line, samples) in placed)
        {
            var target = line.Speaker == Speaker.Agent ? agent : caller;
            Array.Copy(samples, 0, target, (int)Math.Round(line.Start * LineRate), samples.Length);
        }

        WavFile.Write(path, LineRate, [Line(caller, 1), Line(agent, 2)], WavEncoding.MuLaw);
        return placed.Select(p => p.Line).ToList();
    }

    /// <summary>Drops the engine's leading and trailing silence so the truth times are the speech's.</summary>
    private static float[] Trim(float[] samples)
    {
        var first = Array.FindIndex(samples, s => Math.Abs(s) > 0.01f);
        var last = Array.FindLastIndex(samples, s => Math.Abs(s) > 0.01f);
        return first < 0 ? [] : samples[first..(last + 1)];
    }

    /// <summary>Line noise about 55 dB below full scale, then mu-law.</summary>
    private static float[] Line(float[] samples, uint seed)
    {
        var state = seed;
        var noisy = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            state = (state * 1664525) + 1013904223;
            noisy[i] = samples[i] + ((((state >> 8) / (float)(1 << 24)) - 0.5f) * 0.006f);
        }

        return MuLaw.RoundTrip(noisy);
    }
}

/// <summary>Word error rate on lower-case words without punctuation.</summary>
internal static class WordErrorRate
{
    public static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static int Errors(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var previous = Enumerable.Range(0, hypothesis.Count + 1).ToArray();
        for (var i = 1; i <= reference.Count; i++)
        {
            var current = new int[hypothesis.Count + 1];
            current[0] = i;
            for (var j = 1; j <= hypothesis.Count; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[hypothesis.Count];
    }
}
