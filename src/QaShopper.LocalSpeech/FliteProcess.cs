using System.Diagnostics;

namespace QaShopper.LocalSpeech;

/// <summary>Runs the flite program; a seam so tests can count or fake process starts.</summary>
internal interface IFliteProcess
{
    /// <summary>Runs <paramref name="startInfo"/> to completion; returns the exit code and standard error.</summary>
    Task<(int ExitCode, string StandardError)> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken);
}

/// <summary>Starts a real process.</summary>
internal sealed class FliteProcess : IFliteProcess
{
    public static FliteProcess Instance { get; } = new();

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
