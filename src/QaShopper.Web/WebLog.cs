using Microsoft.Extensions.Logging;

namespace QaShopper.Web;

/// <summary>The web app's log messages. Passwords and tokens are never among their values.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Sign-in refused for {User} from {Address}: too many failed attempts")]
    public static partial void SignInThrottled(ILogger logger, string user, string address);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sign-in failed for {User} from {Address}")]
    public static partial void SignInFailed(ILogger logger, string user, string address);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "{User} signed in as {Role}")]
    public static partial void SignedIn(ILogger logger, string user, QaShopper.Core.Accounts.Role role);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "API token refused for {Method} {Path} from {Address}")]
    public static partial void TokenRefused(ILogger logger, string method, string path, string address);
}
