using System.Security.Claims;
using Microsoft.Extensions.Options;
using QaShopper.Core.Accounts;
using QaShopper.Core.Ports;

namespace QaShopper.Web.Security;

/// <summary>Makes accounts and tokens and checks credentials: what the sign-in page, the API and <c>qashopper user</c> share.</summary>
public sealed class AccountService(IAccountStore store, PasswordHashing hashing, IOptions<WebOptions> options, TimeProvider clock)
{
    /// <summary>The claim holding the time of sign-in, for <see cref="WebOptions.SessionMaxAge"/>.</summary>
    public const string SignedInAtClaim = "qashopper:signed-in-at";

    /// <summary>Why <paramref name="password"/> is not acceptable, or null.</summary>
    public string? CheckPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var least = options.Value.MinimumPasswordLength;
        return password.Length < least
            ? $"the password is {password.Length} characters; at least {least} are needed (Web:MinimumPasswordLength)"
            : password.Length > 1024 ? "the password is over 1024 characters" : null;
    }

    /// <summary>Makes an account; the error says what is wrong (name taken, name or password unacceptable).</summary>
    public async Task<(Account? Account, string? Error)> CreateAsync(string userName, string? displayName, Role role, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = Account.Normalize(userName);
        if (!Account.IsValidUserName(name))
        {
            return (null, $"user name '{userName}' is not allowed: 2 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }

        if (CheckPassword(password) is { } problem)
        {
            return (null, problem);
        }

        var account = new Account(name, string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(), role, hashing.Hash(password), clock.GetUtcNow());
        return await store.AddAsync(account, cancellationToken).ConfigureAwait(false)
            ? (account, null)
            : (null, $"user '{name}' already exists");
    }

    /// <summary>Sets a new password; the error says what is wrong.</summary>
    public async Task<string?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (CheckPassword(password) is { } problem)
        {
            return problem;
        }

        var account = await store.GetAsync(userName, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return $"no user '{Account.Normalize(userName)}'";
        }

        await store.UpdateAsync(account with { PasswordHash = hashing.Hash(password) }, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>The account when the name and password match an enabled account, else null (which of them is wrong is not said).</summary>
    public async Task<Account?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Length > 64 || password.Length > 1024)
        {
            return null;
        }

        var account = await store.GetAsync(userName, cancellationToken).ConfigureAwait(false);
        if (account is null || account.Disabled)
        {
            // Hash anyway, so the time taken does not tell whether the user exists.
            hashing.Verify(DummyHash.Value, password);
            return null;
        }

        return hashing.Verify(account.PasswordHash, password) ? account : null;
    }

    /// <summary>Makes an API token for a user; the token is returned once and only its hash kept.</summary>
    public async Task<(ApiToken Record, string Token)> CreateTokenAsync(Account account, string label, TimeSpan? lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (id, token) = ApiTokenFormat.Create();
        var now = clock.GetUtcNow();
        var record = new ApiToken(id, account.UserName, ApiTokenFormat.Hash(token), label, now, lifetime is { } span ? now + span : null);
        await store.AddTokenAsync(record, cancellationToken).ConfigureAwait(false);
        return (record, token);
    }

    /// <summary>The enabled account a token belongs to, when the token is known and not expired.</summary>
    public async Task<Account?> VerifyTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!ApiTokenFormat.LooksLikeToken(token))
        {
            return null;
        }

        var record = await store.FindTokenAsync(ApiTokenFormat.Hash(token), cancellationToken).ConfigureAwait(false);
        if (record is null || record.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        var account = await store.GetAsync(record.UserName, cancellationToken).ConfigureAwait(false);
        return account is { Disabled: false } ? account : null;
    }

    /// <summary>The claims of a signed-in account: name, display name, role, and when the session began.</summary>
    public ClaimsPrincipal Principal(Account account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(ClaimTypes.GivenName, account.DisplayName),
                new Claim(ClaimTypes.Role, account.Role.ToString()),
                new Claim(SignedInAtClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHashing().Hash("not a password of anyone's"));
}
