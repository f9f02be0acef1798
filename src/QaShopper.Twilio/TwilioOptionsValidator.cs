using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace QaShopper.Twilio;

/// <summary>Checks <see cref="TwilioOptions"/> with messages that name the setting (and never show a secret).</summary>
internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    private const string Section = TwilioOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem of <paramref name="options"/>, one message each; empty when they are usable.</summary>
    public static List<string> Check(TwilioOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AccountSid))
        {
            failures.Add($"{Section}:AccountSid is not set; set it to the account SID shown in the Twilio console (AC followed by 32 hex digits).");
        }
        else if (!IsSid(options.AccountSid, "AC"))
        {
            failures.Add($"{Section}:AccountSid '{options.AccountSid}' is not an account SID; it is AC followed by 32 hex digits.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add($"{Section}:AuthToken is not set; set the environment variable {TwilioOptions.AuthTokenEnvironmentVariable} (webhook signatures are checked with it, so it is required even with an API key).");
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKeySid);
        var hasKeySecret = !string.IsNullOrWhiteSpace(options.ApiKeySecret);
        if (hasKey && !IsSid(options.ApiKeySid!, "SK"))
        {
            failures.Add($"{Section}:ApiKeySid '{options.ApiKeySid}' is not an API key SID; it is SK followed by 32 hex digits.");
        }

        if (hasKey != hasKeySecret)
        {
            failures.Add(hasKey
                ? $"{Section}:ApiKeySecret is not set but {Section}:ApiKeySid is; set both (environment variable QASHOPPER_Twilio__ApiKeySecret) or neither."
                : $"{Section}:ApiKeySid is not set but {Section}:ApiKeySecret is; set both or neither.");
        }

        if (options.PublicBaseUrl is not { } publicBase)
        {
            failures.Add($"{Section}:PublicBaseUrl is not set; set it to the https address Twilio reaches this host at, for example https://qa.example.com.");
        }
        else if (PublicBaseProblem(publicBase) is { } problem)
        {
            failures.Add(problem);
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || (options.ApiBaseUrl.Scheme != Uri.UriSchemeHttps && options.ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute http(s) URL.");
        }

        if (!options.WebhookListenUrl.IsAbsoluteUri || options.WebhookListenUrl.Scheme != Uri.UriSchemeHttp && options.WebhookListenUrl.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Section}:WebhookListenUrl '{options.WebhookListenUrl}' is not an absolute http(s) URL such as http://127.0.0.1:5081.");
        }

        if (options.RingTimeout < TimeSpan.FromSeconds(5) || options.RingTimeout > TimeSpan.FromSeconds(600))
        {
            failures.Add(Format($"{Section}:RingTimeout must be between 5 seconds and 10 minutes (Twilio's range), not {options.RingTimeout}."));
        }

        if (options.TimeLimit < TimeSpan.FromSeconds(10) || options.TimeLimit > TimeSpan.FromHours(4))
        {
            failures.Add(Format($"{Section}:TimeLimit must be between 10 seconds and 4 hours, not {options.TimeLimit}."));
        }

        if (options.MaxHold < TimeSpan.Zero || options.MaxHold > TimeSpan.FromHours(1))
        {
            failures.Add(Format($"{Section}:MaxHold must be from 00:00:00 to 01:00:00, not {options.MaxHold}."));
        }

        if (options.HoldMusicUrl is { } music && (!music.IsAbsoluteUri || music.Scheme != Uri.UriSchemeHttps && music.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:HoldMusicUrl '{music}' is not an absolute http(s) URL Twilio can fetch.");
        }

        // Compared only when both are in their ranges: the sum of two out-of-range durations can overflow.
        var ringAndLimitValid = options.RingTimeout >= TimeSpan.Zero && options.RingTimeout <= TimeSpan.FromSeconds(600)
            && options.TimeLimit >= TimeSpan.Zero && options.TimeLimit <= TimeSpan.FromHours(4);
        if (options.CallTimeout > TimeSpan.FromDays(1))
        {
            failures.Add(Format($"{Section}:CallTimeout must be at most 1.00:00:00, not {options.CallTimeout}."));
        }
        else if (ringAndLimitValid && options.CallTimeout <= options.RingTimeout + options.TimeLimit)
        {
            failures.Add(Format($"{Section}:CallTimeout ({options.CallTimeout}) must be longer than {Section}:RingTimeout + {Section}:TimeLimit ({options.RingTimeout + options.TimeLimit}), leaving time for the recording."));
        }

        if (options.HttpTimeout <= TimeSpan.Zero || options.HttpTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add(Format($"{Section}:HttpTimeout must be positive and at most 00:10:00, not {options.HttpTimeout}."));
        }

        return failures;
    }

    /// <summary>Why <paramref name="publicBase"/> cannot carry webhooks, or null when it can.</summary>
    public static string? PublicBaseProblem(Uri publicBase)
    {
        if (!publicBase.IsAbsoluteUri || (publicBase.Scheme != Uri.UriSchemeHttps && publicBase.Scheme != Uri.UriSchemeHttp))
        {
            return $"{Section}:PublicBaseUrl '{publicBase}' is not an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(publicBase.Query) || !string.IsNullOrEmpty(publicBase.Fragment))
        {
            return $"{Section}:PublicBaseUrl '{publicBase}' must not have a query or fragment.";
        }

        if (publicBase.Scheme == Uri.UriSchemeHttp && !IsLoopback(publicBase))
        {
            return $"{Section}:PublicBaseUrl '{publicBase}' uses http; Twilio must reach webhooks over https (http is allowed only on a loopback host, for an emulator).";
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static bool IsSid(string value, string prefix) =>
        value.Length == 34 && value.StartsWith(prefix, StringComparison.Ordinal) && value[2..].All(char.IsAsciiHexDigit);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
