using QaShopper.Core.Accounts;

namespace QaShopper.Core.Ports;

/// <summary>Where the web app's accounts and API tokens are kept (beside the results, in the same data file).</summary>
public interface IAccountStore
{
    /// <summary>The account, or null; <paramref name="userName"/> is matched without regard to case.</summary>
    Task<Account?> GetAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the account; false (and nothing changed) when the user name is taken.</summary>
    Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored account (password, role, disabled); false when there is no such account.</summary>
    Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>Keeps a new API token.</summary>
    Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken = default);

    /// <summary>The token with this hash, or null.</summary>
    Task<ApiToken?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The tokens of one user, or of everyone when <paramref name="userName"/> is null.</summary>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(string? userName, CancellationToken cancellationToken = default);

    /// <summary>Removes a token; false when there is no such token.</summary>
    Task<bool> RevokeTokenAsync(string id, CancellationToken cancellationToken = default);
}
