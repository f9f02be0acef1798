using System.Collections.Specialized;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace QaShopper.Twilio;

/// <summary>
/// Checks the <c>X-Twilio-Signature</c> of a webhook with the SDK's <see cref="RequestValidator"/>. The URL Twilio signed
/// is rebuilt as <see cref="TwilioOptions.PublicBaseUrl"/> + the raw request target (path and query exactly as sent, not
/// re-encoded), so it holds behind a proxy or tunnel whose address differs from the one this host listens on; the SDK
/// itself accepts the URL with or without the default port.
/// </summary>
public sealed class TwilioSignatureCheck
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    private readonly IOptions<TwilioOptions> options;

    /// <summary>Creates the check.</summary>
    public TwilioSignatureCheck(IOptions<TwilioOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>The URL Twilio signed for <paramref name="request"/>: the public base and the raw request target.</summary>
    public string SignedUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/'))
        {
            raw = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.Value;
        }

        var publicBase = options.Value.PublicBaseUrl!;
        var basePath = publicBase.AbsolutePath.TrimEnd('/');

        // A proxy that strips the public path prefix hands us the rest; one that keeps it hands us the whole path.
        var path = basePath.Length > 0 && !raw.StartsWith(basePath + "/", StringComparison.Ordinal) ? basePath + raw : raw;
        return publicBase.GetLeftPart(UriPartial.Authority) + path;
    }

    /// <summary>Null when the signature is valid for a form body; otherwise why not (never the secret or the signature).</summary>
    public string? CheckForm(HttpRequest request, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        var parameters = new NameValueCollection(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            foreach (var value in values)
            {
                parameters.Add(key, value);
            }
        }

        return Check(request, (validator, url, signature, algorithm) => validator.Validate(url, parameters, signature, algorithm));
    }

    /// <summary>Null when the signature is valid for a JSON body (the URL carries <c>bodySHA256</c>); otherwise why not.</summary>
    public string? CheckJson(HttpRequest request, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        if (!request.Query.ContainsKey("bodySHA256"))
        {
            return "a JSON body without bodySHA256 in the URL";
        }

        return Check(request, (validator, url, signature, algorithm) => validator.Validate(url, body, signature, algorithm));
    }

    private string? Check(HttpRequest request, Func<RequestValidator, string, string, string, bool> validate)
    {
        var signature = request.Headers[SignatureHeader].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return $"no {SignatureHeader} header";
        }

        var settings = request.Headers[RequestValidator.SignatureSettingsHeader].ToString();
        string algorithm;
        try
        {
            algorithm = RequestValidator.GetSignatureAlgorithm(settings);
        }
        catch (ArgumentException)
        {
            return $"unsupported signature settings in {RequestValidator.SignatureSettingsHeader}";
        }

        // HMAC-SHA256 webhooks are signed with a signing key's secret when one is configured, else with the Auth Token.
        var o = options.Value;
        var secret = algorithm == RequestValidator.HmacSha256 && !string.IsNullOrEmpty(o.WebhookSigningSecret) ? o.WebhookSigningSecret : o.AuthToken!;
        bool valid;
        try
        {
            valid = validate(new RequestValidator(secret), SignedUrl(request), signature, algorithm);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
        {
            return $"unsupported signature algorithm '{algorithm}'";
        }

        return valid ? null : $"the {algorithm} signature does not match the URL and body";
    }
}
