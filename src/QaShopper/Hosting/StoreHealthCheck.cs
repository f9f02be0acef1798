using Microsoft.Extensions.Diagnostics.HealthChecks;
using QaShopper.Core.Ports;

namespace QaShopper.Hosting;

/// <summary>Healthy when the store answers a read; a locked, missing or corrupt database makes the host unhealthy.</summary>
internal sealed class StoreHealthCheck(IResultStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var agents = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{agents.Count} agents on record");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message names the file or the store's error; the exception itself would leak a stack trace to callers.
            return HealthCheckResult.Unhealthy($"the store cannot be read: {ex.Message}");
        }
    }
}
