using QaShopper.Core.Accounts;

namespace QaShopper.Web.Security;

/// <summary>The authorization policies pages and API routes name; each is a set of roles.</summary>
public static class Policies
{
    /// <summary>Authors scenarios, runs and cancels campaigns: managers and admins.</summary>
    public const string Manage = "manage";

    /// <summary>Overrides items and scores calls for calibration: reviewers and admins.</summary>
    public const string Review = "review";

    /// <summary>Accounts and tokens of other users: admins.</summary>
    public const string Administer = "administer";

    internal static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>(StringComparer.Ordinal)
    {
        [Manage] = [Role.Manager, Role.Admin],
        [Review] = [Role.Reviewer, Role.Admin],
        [Administer] = [Role.Admin],
    };

    /// <summary>Whether <paramref name="role"/> satisfies <paramref name="policy"/>.</summary>
    public static bool Allows(string policy, Role role) => Roles.TryGetValue(policy, out var roles) && roles.Contains(role);
}
