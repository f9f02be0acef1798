using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Sends requests to Azure Speech with retries on 429 and 5xx: <c>Retry-After</c> (seconds or an HTTP date) is honoured,
/// otherwise the wait doubles from one second with jitter. Waits go through the <see cref="TimeProvider"/> so tests move a
/// clock instead of sleeping, and stop at <see cref="AzureSpeechOptions.MaxRetries"/> or the <see cref="AzureSpeechOptions.RetryBudget"/>.
/// </summary>
internal sealed partial class AzureSpeechTransport(IHttpClientFactory clients, AzureSpeechOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>The named HttpClient the factory configures (timeout, User-Agent).</summary>
    public const string ClientName = "QaShopper.AzureSpeech";

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(16);

    /// <summary>Sends the request <paramref name="build"/> makes (again for each attempt) and returns the first answer that is not worth retrying.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<CancellationToken, Task<HttpRequestMessage>> build, string operation, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            using var request = await build(cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient reports its own timeout as a cancellation nobody asked for.
                throw new SpeechEngineException(
                    string.Create(CultureInfo.InvariantCulture, $"Azure Speech {operation} timed out after {options.Timeout.TotalSeconds:0.#} s at {options.Target} (AzureSpeech:Timeout)"), ex);
            }
            catch (HttpRequestException ex)
            {
                throw new SpeechEngineException($"Azure Speech {operation}: cannot reach {options.Target}: {ex.Message}", ex);
            }

            if (!IsTransient(response.StatusCode))
            {
                return response;
            }

            var status = (int)response.StatusCode;
            var delay = RetryDelay(response, attempt);
            response.Dispose();
            if (attempt > options.MaxRetries || waited + delay > options.RetryBudget)
            {
                throw new SpeechEngineException(string.Create(CultureInfo.InvariantCulture,
                    $"Azure Speech {operation} at {options.Target} still answered {status} ({Describe(status)}) after {attempt} attempts and {waited.TotalSeconds:0.#} s of waiting; gave up (AzureSpeech:MaxRetries {options.MaxRetries}, AzureSpeech:RetryBudget {options.RetryBudget.TotalSeconds:0.#} s)"));
            }

            LogRetry(logger, operation, status, attempt, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            waited += delay;
        }
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var until = date - time.GetUtcNow();
                return until < TimeSpan.Zero ? TimeSpan.Zero : until;
            }
        }

        // Without advice, double from one second; jitter spreads the retries of concurrent calls that failed together.
        var backOff = FirstBackOff * Math.Pow(2, Math.Min(attempt - 1, 10));
        var capped = backOff < LongestBackOff ? backOff : LongestBackOff;
        return capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
    }

    private static string Describe(int status) => status switch
    {
        429 => "too many requests",
        503 => "service unavailable",
        _ => "server error",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Speech {Operation} answered {Status}; attempt {Attempt} retried in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, string operation, int status, int attempt, double delaySeconds);
}
