using System.Diagnostics;
using QaShopper.Audio;
using QaShopper.LocalSpeech.Pocketsphinx;

namespace QaShopper.Commands;

/// <summary>
/// The yardstick for <c>bench</c>: Debian's plain <c>pocketsphinx_continuous</c> over each channel of the same
/// recordings (resampled to the model's 16 kHz, default search, no hints), one process per channel, pinned to the
/// bench's core. Timing a reference program in the same run turns a noisy machine's seconds into a stable ratio.
/// </summary>
internal sealed class PlainPocketsphinx(string executable, PocketsphinxOptions model, string workDirectory)
{
    private double? _startUp;

    /// <summary>Where Debian's <c>pocketsphinx</c> package installs it.</summary>
    public const string DebianExecutable = "/usr/bin/pocketsphinx_continuous";

    /// <summary>Seconds of silence decoded to measure the program's own start-up (model load), taken off each run.</summary>
    private const double StartUpProbeSeconds = 1.0;

    public static bool IsInstalled(string executable) => File.Exists(executable);

    /// <summary>One run's start-up (loading the model), measured once on a second of silence and taken off every run.</summary>
    public async Task<double> StartUpAsync(CancellationToken cancellationToken)
    {
        if (_startUp is { } known)
        {
            return known;
        }

        Directory.CreateDirectory(workDirectory);
        var probe = Path.Combine(workDirectory, "start-up-probe.wav");
        WavFile.Write(probe, AudioClip.Silence(PocketsphinxTranscriber.ModelSampleRate, TimeSpan.FromSeconds(StartUpProbeSeconds)));
        _startUp = await DecodeAsync(probe, cancellationToken).ConfigureAwait(false);
        return _startUp.Value;
    }

    /// <summary>
    /// Decodes both channels of one recording: the seconds spent decoding (each run's start-up taken off) and the call's
    /// seconds. Called right after the pipeline processed the same call, so both see the machine in the same state.
    /// </summary>
    public async Task<PlainRun> DecodeRecordingAsync(string recording, CancellationToken cancellationToken)
    {
        var startUp = await StartUpAsync(cancellationToken).ConfigureAwait(false);
        var call = WavFile.Read(recording).ToTwoChannel(recording);
        double decoding = 0;
        foreach (var number in new[] { 1, 2 })
        {
            var channel = Path.Combine(workDirectory, $"channel-{number}.wav");
            WavFile.Write(channel, call.Channel(number).ResampleTo(PocketsphinxTranscriber.ModelSampleRate));
            decoding += Math.Max(0, await DecodeAsync(channel, cancellationToken).ConfigureAwait(false) - startUp);
            File.Delete(channel);
        }

        return new PlainRun(decoding, call.Duration.TotalSeconds, startUp);
    }

    private async Task<double> DecodeAsync(string wav, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-infile", wav, "-hmm", model.ModelDirectory, "-dict", model.Dictionary, "-lm", model.LanguageModel, "-logfn", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");

        // The bench's own pinning covers only its first thread, which need not be the one that started the child.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            try
            {
                process.ProcessorAffinity = 1;
            }
            catch (InvalidOperationException)
            {
                // Exited already: nothing left to pin.
            }
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.WhenAll(output, errors).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} exited with {process.ExitCode}: {Last(await errors.ConfigureAwait(false))}");
        }

        return seconds;
    }

    private static string Last(string text) => text.Length <= 400 ? text : text[^400..];
}

/// <summary>One plain run: decoding seconds (start-up excluded) for the call seconds decoded (both channels each).</summary>
/// <param name="DecodingSeconds">Wall-clock seconds of decoding, both channels, each run's start-up taken off.</param>
/// <param name="CallSeconds">Seconds of call (each call once, although both its channels were decoded).</param>
/// <param name="StartUpSeconds">One run's start-up, measured on a second of silence.</param>
internal sealed record PlainRun(double DecodingSeconds, double CallSeconds, double StartUpSeconds)
{
    /// <summary>Two runs' figures together (the start-up is the same probe's).</summary>
    public PlainRun Plus(PlainRun other) => new(DecodingSeconds + other.DecodingSeconds, CallSeconds + other.CallSeconds, StartUpSeconds);

    /// <summary>Seconds of decoding per second of call, both channels: the pipeline's transcription does the same work.</summary>
    public double RealTimeFactor => CallSeconds > 0 ? DecodingSeconds / CallSeconds : double.NaN;
}

/// <summary>The pipeline's speed as a multiple of plain pocketsphinx's on the same audio in the same run.</summary>
internal static class SpeedRatio
{
    /// <summary>The target: the post-call pipeline at most half of plain pocketsphinx's time.</summary>
    public const double Target = 0.5;

    /// <summary>Pipeline RTF over plain RTF; NaN when plain took no measurable time.</summary>
    public static double Of(double pipelineRtf, double plainRtf) => plainRtf > 0 ? pipelineRtf / plainRtf : double.NaN;

    public static bool Meets(double ratio) => ratio <= Target;
}
