using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace QaShopper.Web.Security;

/// <summary>
/// API tokens: <c>qas_</c>, a public id, an underscore and 32 random bytes in base64url. Only the SHA-256 of the whole
/// token is stored; a token is 256 bits of randomness, so a plain fast hash is enough (a password needs PBKDF2 because it
/// is guessable; a token is not).
/// </summary>
public static class ApiTokenFormat
{
    /// <summary>Every token starts with this, so a leaked one is recognisable by secret scanners.</summary>
    public const string Prefix = "qas_";

    /// <summary>A new token and its public id.</summary>
    public static (string Id, string Token) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The stored hash of a token.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether <paramref name="value"/> has a token's shape (checked before any store lookup).</summary>
    public static bool LooksLikeToken(string value) =>
        value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length is > 20 and < 200;
}
