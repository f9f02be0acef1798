using System.Diagnostics;

namespace QaShopper.LocalSpeech;

/// <summary>Runs a speech engine's program (flite, espeak-ng); a seam so tests can count or fake process starts.</summary>
internal interface ISpeechProcess
{
    /// <summary>Runs <paramref name="startInfo"/> to completion; returns the exit code and standard error.</summary>
    Task<(int ExitCode, string StandardError)> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken);
}

/// <summary>Starts a real process.</summary>
internal sealed class SpeechProcess : ISpeechProcess
{
    public static SpeechProcess Instance { get; } = new();

    public async Task<(int ExitCode, string StandardError)> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        var run = await RunToEndAsync(startInfo, cancellationToken).ConfigureAwait(false);
        return (run.ExitCode, run.StandardError);
    }

    /// <summary>
    /// Runs <paramref name="startInfo"/> to completion, reading whichever of its standard output and error are
    /// redirected while it runs (a full pipe would stall it); on cancellation it is killed with its children.
    /// </summary>
    public static async Task<ProcessRun> RunToEndAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start");
        var output = startInfo.RedirectStandardOutput ? process.StandardOutput.ReadToEndAsync(cancellationToken) : Task.FromResult("");
        var error = startInfo.RedirectStandardError ? process.StandardError.ReadToEndAsync(cancellationToken) : Task.FromResult("");
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}

/// <summary>How a program run ended: its exit code and what it wrote (empty for a stream not redirected).</summary>
internal readonly record struct ProcessRun(int ExitCode, string StandardOutput, string StandardError);
