using System.Net;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Authorises requests: a bearer token from the issueToken endpoint, reused for nine minutes (tokens last ten), or the key
/// header when <see cref="AzureSpeechOptions.UseToken"/> is off. The key is only ever written into request headers.
/// </summary>
internal sealed class AzureTokenProvider(AzureSpeechTransport transport, AzureSpeechOptions options, AzureSpeechEndpoints endpoints, TimeProvider time) : IDisposable
{
    /// <summary>How long a token is reused: a minute short of its ten-minute life, so it never expires in flight.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromMinutes(9);

    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset expires;

    /// <summary>Adds the authorisation header to <paramref name="request"/>.</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.UseToken)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
            return;
        }

        request.Headers.Authorization = new("Bearer", await TokenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Forgets the token, so the next request fetches a new one (after the service refused it).</summary>
    public void Invalidate()
    {
        gate.Wait();
        try
        {
            token = null;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (token is { } current && time.GetUtcNow() < expires)
            {
                return current;
            }

            using var response = await transport.SendAsync(
                _ =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, endpoints.IssueToken) { Content = new ByteArrayContent([]) };
                    request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
                    return Task.FromResult(request);
                },
                "token request",
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AzureSpeechErrors.FromResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), "token request", options);
            }

            var issued = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (issued.Length == 0)
            {
                throw new SpeechEngineException($"Azure Speech token request at {options.Target} answered {(int)response.StatusCode} without a token");
            }

            // The reuse period starts when the token arrived, not when it was asked for: the later of the two is the safer.
            token = issued;
            expires = time.GetUtcNow() + Reuse;
            return issued;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>Turns an unsuccessful answer into a <see cref="SpeechEngineException"/> that says what is wrong, naming settings, never the key.</summary>
internal static class AzureSpeechErrors
{
    public static SpeechEngineException FromResponse(HttpStatusCode status, string body, string operation, AzureSpeechOptions options)
    {
        var code = (int)status;
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new SpeechEngineException(
                $"Azure Speech {operation} was refused ({code}) by {options.Target}: the key in AzureSpeech:Key is wrong or belongs to a resource in another region; check AzureSpeech:Key ({AzureSpeechOptions.KeyEnvironmentVariable}) and {(options.Endpoint is null ? "AzureSpeech:Region" : "AzureSpeech:Endpoint")}"),
            HttpStatusCode.UnsupportedMediaType => new SpeechEngineException(
                $"Azure Speech {operation} at {options.Target} refused the request's content type or audio format ({code}){(operation == "synthesis" ? $"; check AzureSpeech:OutputFormat '{options.OutputFormat}'" : Detail(body, options))}"),
            _ => new SpeechEngineException($"Azure Speech {operation} at {options.Target} failed ({code}){Detail(body, options)}"),
        };
    }

    private static string Detail(string body, AzureSpeechOptions options)
    {
        var text = body.Trim();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        // The service never echoes the key, but a proxy might: a message must not carry it into logs.
        if (!string.IsNullOrEmpty(options.Key))
        {
            text = text.Replace(options.Key, "***", StringComparison.Ordinal);
        }

        return ": " + (text.Length > 300 ? text[..300] + "…" : text);
    }
}
