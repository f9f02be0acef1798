namespace QaShopper.Core.Ports;

/// <summary>
/// The store cannot be opened: its file is in use by another process, was written by a newer build, or was created
/// with settings this build cannot honour. The message names the file and what to do; nothing was written.
/// Defined here so a host can report it without knowing which store adapter is configured.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when another process holds the store (<c>serve</c>, as a rule): a command that changes state can then ask
    /// that process's API instead.
    /// </summary>
    public bool InUseByAnotherProcess { get; init; }
}
