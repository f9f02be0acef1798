using LiteDB;
using QaShopper.Core.Accounts;
using QaShopper.Core.Ports;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary><see cref="IAccountStore"/> on a <see cref="LiteDbFile"/>: accounts and API token hashes beside the results.</summary>
public sealed class LiteDbAccountStore : IAccountStore
{
    private readonly LiteDbFile file;

    /// <summary>Creates the store on an open file.</summary>
    public LiteDbAccountStore(LiteDbFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        this.file = file;
    }

    private ILiteCollection<AccountDocument> Accounts => file.Database.GetCollection<AccountDocument>(Collections.Accounts);

    private ILiteCollection<ApiTokenDocument> Tokens => file.Database.GetCollection<ApiTokenDocument>(Collections.ApiTokens);

    /// <inheritdoc />
    public Task<Account?> GetAsync(string userName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(userName);
        var document = Accounts.FindById(Account.Normalize(userName));
        return Task.FromResult(document is null ? null : ToAccount(document));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Account>>([.. Accounts.FindAll().Select(ToAccount).OrderBy(a => a.UserName, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(account);
        var added = file.InTransaction(db =>
        {
            var accounts = db.GetCollection<AccountDocument>(Collections.Accounts);
            var document = ToDocument(account);
            if (accounts.Exists(x => x.Id == document.Id))
            {
                return false;
            }

            accounts.Insert(document);
            return true;
        });
        return Task.FromResult(added);
    }

    /// <inheritdoc />
    public Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(account);
        return Task.FromResult(file.InTransaction(db => db.GetCollection<AccountDocument>(Collections.Accounts).Update(ToDocument(account))));
    }

    /// <inheritdoc />
    public Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(token);
        file.InTransaction(db => db.GetCollection<ApiTokenDocument>(Collections.ApiTokens).Insert(new ApiTokenDocument
        {
            Id = token.Id,
            UserName = Account.Normalize(token.UserName),
            TokenHash = token.TokenHash,
            Label = token.Label,
            CreatedTicks = Instant.Ticks(token.CreatedAt),
            CreatedOffset = Instant.Offset(token.CreatedAt),
            ExpiresTicks = token.ExpiresAt is { } expires ? Instant.Ticks(expires) : null,
            ExpiresOffset = token.ExpiresAt is { } at ? Instant.Offset(at) : 0,
        }));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ApiToken?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(tokenHash);
        var document = Tokens.FindOne(x => x.TokenHash == tokenHash);
        return Task.FromResult(document is null ? null : ToToken(document));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(string? userName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = userName is null ? Tokens.FindAll() : Tokens.Find(x => x.UserName == Account.Normalize(userName));
        return Task.FromResult<IReadOnlyList<ApiToken>>([.. documents.Select(ToToken).OrderBy(t => t.CreatedAt)]);
    }

    /// <inheritdoc />
    public Task<bool> RevokeTokenAsync(string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(id);
        return Task.FromResult(file.InTransaction(db => db.GetCollection<ApiTokenDocument>(Collections.ApiTokens).Delete(id)));
    }

    private static AccountDocument ToDocument(Account account) => new()
    {
        Id = Account.Normalize(account.UserName),
        DisplayName = account.DisplayName,
        Role = account.Role,
        PasswordHash = account.PasswordHash,
        CreatedTicks = Instant.Ticks(account.CreatedAt),
        CreatedOffset = Instant.Offset(account.CreatedAt),
        Disabled = account.Disabled,
    };

    private static Account ToAccount(AccountDocument d) =>
        new(d.Id, d.DisplayName, d.Role, d.PasswordHash, Instant.From(d.CreatedTicks, d.CreatedOffset), d.Disabled);

    private static ApiToken ToToken(ApiTokenDocument d) =>
        new(d.Id, d.UserName, d.TokenHash, d.Label, Instant.From(d.CreatedTicks, d.CreatedOffset),
            d.ExpiresTicks is { } expires ? Instant.From(expires, d.ExpiresOffset) : null);
}
