using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace QaShopper.Twilio.Emulator;

/// <summary>What a webhook answered: the status and body, or null when every attempt failed to get an answer.</summary>
internal sealed record WebhookResult(int? Status, string? ContentType, byte[] Body, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// Sends webhooks as Twilio does: signed, with 5 s to connect and 15 s for the whole answer, retried once when the
/// connection fails or the answer does not come in time (an HTTP error status is an answer and is not retried).
/// Every attempt is recorded.
/// </summary>
internal sealed partial class WebhookClient(
    HttpClient http, TwilioEmulatorOptions options, Func<(string Secret, string? Settings)> signing, ConcurrentQueue<WebhookDelivery> deliveries, ILogger logger)
{
    public async Task<WebhookResult> SendAsync(
        string callSid, WebhookKind kind, string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var get = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        var target = get && parameters.Count > 0 ? AppendQuery(url, parameters) : url;
        var (secret, settings) = signing();

        // A GET is signed over its URL alone (parameters are in it); a POST over the URL and the form.
        // Signed over the URL as it goes on the wire (escaped), which is what the receiver can rebuild.
        var signature = TwilioSignature.Sign(secret, target.AbsoluteUri, get ? [] : parameters, settings is not null);
        var record = parameters.GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(p => p.Value)), StringComparer.Ordinal);
        WebhookResult result = new(null, null, [], "not sent");
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var request = new HttpRequestMessage(get ? HttpMethod.Get : HttpMethod.Post, target);
            if (!get)
            {
                request.Content = new FormUrlEncodedContent(parameters);
            }

            request.Headers.TryAddWithoutValidation(TwilioSignature.Header, signature);
            if (settings is not null)
            {
                request.Headers.TryAddWithoutValidation(TwilioSignature.SettingsHeader, settings);
            }

            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("TwilioProxy", "1.1"));
            request.Headers.Accept.ParseAdd("*/*");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.WebhookTimeout);
            var retry = false;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                result = new WebhookResult((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body,
                    response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = new WebhookResult(null, null, [], $"no answer within {options.WebhookTimeout.TotalSeconds:0.###} s");
                retry = true;
            }
            catch (HttpRequestException ex)
            {
                result = new WebhookResult(null, null, [], ex.Message);
                retry = true;
            }

            deliveries.Enqueue(new WebhookDelivery(callSid, kind, get ? "GET" : "POST", target, record, signature, settings, result.Status, attempt, result.Error));
            if (result.Error is { } error)
            {
                LogWebhookFailed(logger, kind, target, attempt, error);
            }

            if (!retry)
            {
                break;
            }
        }

        return result;
    }

    private static Uri AppendQuery(Uri url, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var text = url.OriginalString;
        return new Uri(text + (text.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Kind} to {Url} failed on attempt {Attempt}: {Error}")]
    private static partial void LogWebhookFailed(ILogger logger, WebhookKind kind, Uri url, int attempt, string error);
}
