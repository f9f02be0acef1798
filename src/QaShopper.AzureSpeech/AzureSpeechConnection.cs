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

    /// <inheritdoc />
    public void Dispose() => Tokens.Dispose();
}
