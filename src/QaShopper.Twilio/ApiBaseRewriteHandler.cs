using Microsoft.Extensions.Options;

namespace QaShopper.Twilio;

/// <summary>
/// Sends requests meant for https://api.twilio.com to <see cref="TwilioOptions.ApiBaseUrl"/> instead (an emulator), for
/// the SDK's REST calls and for recording downloads alike; a no-op with the default setting.
/// </summary>
internal sealed class ApiBaseRewriteHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = options.Value.ApiBaseUrl;
        if (request.RequestUri is { } uri && target != TwilioOptions.TwilioApiBaseUrl
            && uri.Host.Equals(TwilioOptions.TwilioApiBaseUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            var basePath = target.AbsolutePath.TrimEnd('/');
            request.RequestUri = new Uri(target.GetLeftPart(UriPartial.Authority) + basePath + uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
