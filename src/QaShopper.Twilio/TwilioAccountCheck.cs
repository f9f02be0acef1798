using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010;
using Twilio.Rest.Api.V2010.Account;

namespace QaShopper.Twilio;

/// <summary>What <see cref="TwilioAccountCheck"/> found: one line per finding, and whether everything is ready.</summary>
public sealed record TwilioCheckReport(IReadOnlyList<string> Lines, bool Ok);

/// <summary>
/// Checks that the settings can place calls: the options are valid, the credentials are accepted, the account is
/// active, the campaign's caller numbers belong to the account (Twilio only lets an account show numbers it owns or
/// has verified), and the public base URL has a shape Twilio can reach. Never prints a secret.
/// </summary>
public static class TwilioAccountCheck
{
    /// <summary>An HttpClient for the SDK that honours <see cref="TwilioOptions.ApiBaseUrl"/>, over <paramref name="inner"/> (default: a new handler).</summary>
    public static HttpClient CreateHttpClient(TwilioOptions options, HttpMessageHandler? inner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable CA2000 // The handlers belong to the HttpClient, which disposes them.
        var rewrite = new ApiBaseRewriteHandler(Options.Create(options)) { InnerHandler = inner ?? new HttpClientHandler() };
#pragma warning restore CA2000
        return new HttpClient(rewrite, disposeHandler: true) { Timeout = options.HttpTimeout };
    }

    /// <summary>Runs the checks.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="http">The client to reach Twilio with (see <see cref="CreateHttpClient"/>).</param>
    /// <param name="callerNumbers">Caller numbers a campaign will show; empty skips that check.</param>
    public static async Task<TwilioCheckReport> RunAsync(TwilioOptions options, HttpClient http, IReadOnlyList<string> callerNumbers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(callerNumbers);
        var lines = new List<string>();
        var problems = TwilioOptionsValidator.Check(options);
        if (problems.Count > 0)
        {
            lines.AddRange(problems.Select(p => "settings: " + p));
            return new TwilioCheckReport(lines, false);
        }

        lines.Add($"settings: valid (REST credentials: {(string.IsNullOrWhiteSpace(options.ApiKeySid) ? "Auth Token" : "API key " + options.ApiKeySid)}; API at {options.ApiBaseUrl})");
        lines.Add(options.PublicBaseUrl!.Scheme == Uri.UriSchemeHttps
            ? $"public base URL: {options.PublicBase} (https; webhooks at {options.PublicBase}/twilio/calls/...)"
            : $"public base URL: {options.PublicBase} (http on a loopback host: an emulator only; Twilio itself needs https)");

        var client = TwilioCarrierExtensions.CreateRestClient(options, http);
        var ok = true;
        try
        {
            var account = await AccountResource.FetchAsync(pathSid: options.AccountSid, client: client).ConfigureAwait(false);
            var status = account.Status?.ToString() ?? "unknown";
            var active = status == "active";
            ok &= active;
            lines.Add($"credentials: accepted; account '{account.FriendlyName}' is {status}{(active ? "" : " (calls need an active account)")}");
        }
        catch (ApiException ex) when (ex.Status == 401)
        {
            lines.Add("credentials: Twilio:AccountSid/AuthToken rejected (401)" + (string.IsNullOrWhiteSpace(options.ApiKeySid) ? "" : "; check Twilio:ApiKeySid/ApiKeySecret too"));
            return new TwilioCheckReport(lines, false);
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            lines.Add($"credentials: Twilio could not be asked: {ex.Message}");
            return new TwilioCheckReport(lines, false);
        }

        if (callerNumbers.Count > 0)
        {
            var owned = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var number in await IncomingPhoneNumberResource.ReadAsync(limit: 1000, client: client).ConfigureAwait(false))
                {
                    owned.Add(number.PhoneNumber.ToString());
                }
            }
            catch (Exception ex) when (ex is ApiException or ApiConnectionException or HttpRequestException or TaskCanceledException)
            {
                lines.Add($"caller numbers: the account's numbers could not be listed: {ex.Message}");
                return new TwilioCheckReport(lines, false);
            }

            foreach (var number in callerNumbers.Distinct(StringComparer.Ordinal))
            {
                var has = owned.Contains(number);
                ok &= has;
                lines.Add(has ? $"caller number {number}: owned by the account" : $"caller number {number}: NOT owned by the account (Twilio will refuse it as From)");
            }
        }

        return new TwilioCheckReport(lines, ok);
    }
}
