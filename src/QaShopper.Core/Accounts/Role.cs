namespace QaShopper.Core.Accounts;

/// <summary>
/// What a signed-in user may do. Roles are separate duties rather than ranks: a reviewer scores calls but cannot start a
/// campaign, a manager runs campaigns but does not override a reviewer's score; an admin does everything.
/// </summary>
public enum Role
{
    /// <summary>Reads calls and reports.</summary>
    Viewer,

    /// <summary>Reviews calls: overrides an item, scores a call independently for calibration.</summary>
    Reviewer,

    /// <summary>Authors scenarios and runs campaigns.</summary>
    Manager,

    /// <summary>Everything, and user accounts.</summary>
    Admin,
}
