namespace QaShopper.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>validate</c>: every file is valid.</summary>
    public const int Ok = 0;

    /// <summary>The input was read but is not valid (for example a scenario with problems).</summary>
    public const int Invalid = 1;

    /// <summary>The input could not be used at all: unreadable file, bad option, malformed transcript.</summary>
    public const int BadInput = 2;
}
