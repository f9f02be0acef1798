using System.Security.Cryptography;
using System.Text;

namespace QaShopper.Twilio.Emulator;

/// <summary>
/// Twilio's webhook signature: base64 of an HMAC over the exact URL requested followed by every form parameter sorted
/// by key (ordinal) as key then value. HMAC-SHA1 with the auth token by default; HMAC-SHA256 with a shared key when
/// announced by <see cref="SettingsHeader"/>. A key sent more than once is signed as SDK 8.2.0's
/// <c>NameValueCollection</c> overload reads it: the values joined with commas (our webhooks never repeat keys).
/// </summary>
public static class TwilioSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string Header = "X-Twilio-Signature";

    /// <summary>The header naming the shared key and algorithm of an HMAC-SHA256 signature.</summary>
    public const string SettingsHeader = "X-Twilio-Webhooks-Signature-Settings";

    /// <summary>The signature Twilio sends for a form POST to <paramref name="url"/>.</summary>
    /// <param name="secret">The auth token (HMAC-SHA1) or the shared key's secret (HMAC-SHA256).</param>
    /// <param name="url">The exact URL requested, query string included.</param>
    /// <param name="parameters">The form parameters.</param>
    /// <param name="sha256">HMAC-SHA256 instead of HMAC-SHA1.</param>
    public static string Sign(string secret, string url, IEnumerable<KeyValuePair<string, string>> parameters, bool sha256)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            data.Append(group.Key).Append(string.Join(',', group.Select(p => p.Value)));
        }

        var key = Encoding.UTF8.GetBytes(secret);
        var bytes = Encoding.UTF8.GetBytes(data.ToString());
#pragma warning disable CA5350 // Twilio's protocol: the auth-token signature is HMAC-SHA1.
        return Convert.ToBase64String(sha256 ? HMACSHA256.HashData(key, bytes) : HMACSHA1.HashData(key, bytes));
#pragma warning restore CA5350
    }
}

/// <summary>E.164 numbers as Twilio accepts them for <c>To</c> and <c>From</c>.</summary>
internal static class E164
{
    public static bool IsValid(string? number) =>
        number is { Length: >= 3 and <= 16 } && number[0] == '+' && number[1] is >= '1' and <= '9' && number.Skip(1).All(char.IsAsciiDigit);
}

/// <summary>Sids and secrets: a two-letter prefix and 32 lowercase hex digits, drawn from the emulator's seeded source.</summary>
internal sealed class SidSource(int? seed)
{
    private readonly Random random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock gate = new();

    public string Next(string prefix)
    {
        var bytes = new byte[16];
        lock (gate)
        {
            random.NextBytes(bytes);
        }

        return prefix + Convert.ToHexStringLower(bytes);
    }
}
