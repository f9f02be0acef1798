using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace QaShopper.AzureSpeech;

/// <summary>
/// What the synthesizer and the transcriber share in one host: the service's addresses, the transport that retries,
/// and one token (so a host that speaks and transcribes fetches one token, not two).
/// </summary>
public sealed class AzureSpeechConnection : IDisposable
{
    /// <summary>Connects to the service <paramref name="options"/> name, through clients from <paramref name="clients"/>.</summary>
    public AzureSpeechConnection(IHttpClientFactory clients, IOptions<AzureSpeechOptions> options, TimeProvider timeProvider, ILogger<AzureSpeechConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options.Value;
        Endpoints = AzureSpeechEndpoints.From(Options);
        Transport = new AzureSpeechTransport(clients, Options, timeProvider, (ILogger?)logger ?? NullLogger.Instance);
        Tokens = new AzureTokenProvider(Transport, Options, Endpoints, timeProvider);
    }

    internal AzureSpeechOptions Options { get; }

    internal AzureSpeechEndpoints Endpoints { get; }

    internal AzureSpeechTransport Transport { get; }

    internal AzureTokenProvider Tokens { get; }

    /// <summary>
    /// Sends the request <paramref name="build"/> makes (afresh for each attempt), authorised with the key or the
    /// shared token, through the retrying transport. The caller reads the answer, success or not.
    /// </summary>
    internal Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, string operation, CancellationToken cancellationToken) =>
        Transport.SendAsync(
            async ct =>
            {
                var message = build();
                await Tokens.AuthorizeAsync(message, ct).ConfigureAwait(false);
                return message;
            },
            operation,
            cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync"/>, but a 401 to a token is answered once more with a new token: a token can be refused
    /// near the end of its life or after a key rotation.
    /// </summary>
    internal async Task<HttpResponseMessage> SendRenewingTokenAsync(Func<HttpRequestMessage> build, string operation, CancellationToken cancellationToken)
    {
        var response = await SendAsync(build, operation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || !Options.UseToken)
        {
            return response;
        }

        response.Dispose();
        Tokens.Invalidate();
        return await SendAsync(build, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => Tokens.Dispose();
}
