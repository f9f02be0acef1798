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
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await error.ConfigureAwait(false));
    }
}
