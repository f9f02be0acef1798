namespace QaShopper.Core.Accounts;

/// <summary>A local user account of the web app and the API.</summary>
/// <param name="UserName">The sign-in name, lower-case (names match without regard to case).</param>
/// <param name="DisplayName">Shown on pages and in audit records.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="PasswordHash">The salted, iterated hash of the password (never the password).</param>
/// <param name="CreatedAt">When the account was made.</param>
/// <param name="Disabled">A disabled account cannot sign in and its API tokens are refused.</param>
public sealed record Account(string UserName, string DisplayName, Role Role, string PasswordHash, DateTimeOffset CreatedAt, bool Disabled = false)
{
    /// <summary>User names: 2 to 64 of lower-case letters, digits, dot, dash and underscore, starting with a letter or digit.</summary>
    public static bool IsValidUserName(string userName) =>
        userName.Length is >= 2 and <= 64
        && char.IsAsciiLetterOrDigit(userName[0])
        && userName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');

    /// <summary>The stored form of a user name as typed: trimmed and lower-case.</summary>
    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToLowerInvariant();
    }
}

/// <summary>An API token for scripts: only its hash is kept; the token itself is shown once when made.</summary>
/// <param name="Id">A short public id, to list and revoke the token.</param>
/// <param name="UserName">Whose rights the token carries.</param>
/// <param name="TokenHash">SHA-256 of the token, hex.</param>
/// <param name="Label">What the token is for.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ExpiresAt">After this it is refused; null for no expiry.</param>
public sealed record ApiToken(string Id, string UserName, string TokenHash, string Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
