namespace QaShopper.Cli;

/// <summary>A problem the user can fix, reported as one message on stderr with an exit code, without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
