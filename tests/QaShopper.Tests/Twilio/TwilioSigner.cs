using System.Security.Cryptography;
using System.Text;

namespace QaShopper.Tests.Twilio;

/// <summary>Signs webhooks as Twilio documents it: HMAC over the full URL then the POST parameters sorted by key, key and value concatenated, base64.</summary>
internal static class TwilioSigner
{
    public static string SignForm(string secret, string url, IReadOnlyDictionary<string, string> form, bool sha256 = false)
    {
        var text = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var keyBytes = Encoding.UTF8.GetBytes(secret);
#pragma warning disable CA5350 // Twilio's legacy webhook signature is HMAC-SHA1; the test must sign as Twilio does.
        return Convert.ToBase64String(sha256 ? HMACSHA256.HashData(keyBytes, bytes) : HMACSHA1.HashData(keyBytes, bytes));
#pragma warning restore CA5350
    }

    public static string BodyHash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
