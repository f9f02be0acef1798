namespace QaShopper.Server;

/// <summary>
/// Where a running <c>serve</c> is and how to sign in to its API (section <c>Server</c>): commands that change state
/// while <c>serve</c> holds the data file send the change there instead (the store has one owner process).
/// </summary>
internal sealed class RunningServerOptions
{
    public const string SectionName = "Server";

    /// <summary>The address <c>serve</c> listens on, e.g. <c>http://127.0.0.1:5080</c>; empty: never delegate.</summary>
    public Uri? Url { get; set; }

    /// <summary>An API token of a manager or admin (<c>qashopper user token</c>); a secret: environment or user secrets.</summary>
    public string? ApiToken { get; set; }

    /// <summary>How long one request to <c>serve</c> may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
