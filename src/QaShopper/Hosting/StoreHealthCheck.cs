using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;

namespace QaShopper.Hosting;

/// <summary>Healthy when the store answers a read; a locked, missing or corrupt database makes the host unhealthy.</summary>
internal sealed partial class StoreHealthCheck(IResultStore store, ILogger<StoreHealthCheck> logger) : IHealthCheck
{
    /// <summary>The only reason /health gives: anyone may ask, and the store's error names files and internals.</summary>
    public const string UnavailableReason = "store unavailable";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The details (file path, LiteDB's message) go to the operator's log, never into the response.
            LogStoreUnreadable(logger, ex.Message, ex);
            return HealthCheckResult.Unhealthy(UnavailableReason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "health check: the store cannot be read: {Reason}")]
    private static partial void LogStoreUnreadable(ILogger logger, string reason, Exception exception);
}
