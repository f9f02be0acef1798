namespace QaShopper.Web;

/// <summary>The web app's settings (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Web";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy (a shared desk is not signed in all week).</summary>
    public TimeSpan SessionMaxAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins allowed per user name and per client address within <see cref="SignInWindow"/>.</summary>
    public int SignInAttempts { get; set; } = 5;

    /// <summary>The window over which failed sign-ins are counted.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Where the keys that protect session cookies and anti-forgery tokens are kept, so sessions survive a restart.
    /// Empty: a <c>keys</c> folder beside the data file.
    /// </summary>
    public string KeysDirectory { get; set; } = "";

    /// <summary>Shortest password accepted when an account is made or its password changed.</summary>
    public int MinimumPasswordLength { get; set; } = 12;
}
