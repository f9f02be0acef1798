using QaShopper.Core.Accounts;

namespace QaShopper.LiteDb.Documents;

/// <summary>A user account; the id is the lower-case user name.</summary>
internal sealed class AccountDocument
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public Role Role { get; set; }

    public string PasswordHash { get; set; } = "";

    public long CreatedTicks { get; set; }

    public int CreatedOffset { get; set; }

    public bool Disabled { get; set; }
}

/// <summary>An API token's hash and owner; the id is the token's public id.</summary>
internal sealed class ApiTokenDocument
{
    public string Id { get; set; } = "";

    public string UserName { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public string Label { get; set; } = "";

    public long CreatedTicks { get; set; }

    public int CreatedOffset { get; set; }

    public long? ExpiresTicks { get; set; }

    public int ExpiresOffset { get; set; }
}
