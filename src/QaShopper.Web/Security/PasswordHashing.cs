using Microsoft.AspNetCore.Identity;
using QaShopper.Core.Accounts;

namespace QaShopper.Web.Security;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512, a random
/// salt per password, its iteration count recorded in the hash so it can be raised later), not a hash of our own.
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<Account> hasher = new();

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return hasher.HashPassword(null!, password);
    }

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="hash"/> was made from.</summary>
    public bool Verify(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            // A stored hash that is not base64 cannot match any password.
            return false;
        }
    }
}
