using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QaShopper.Hosting;

/// <summary>
/// Writes a health report as JSON: the overall status and each check's status, with a fixed short reason for a check
/// that is not healthy. A check's own description and exception are never written: /health answers anyone, and they
/// name files and internals (the checks log them instead).
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["store"] = StoreHealthCheck.UnavailableReason,
        ["scheduler"] = "scheduler not running",
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = StatusText(report.Status),
            checks = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new
            {
                name = e.Key,
                status = StatusText(e.Value.Status),
                reason = e.Value.Status == HealthStatus.Healthy ? null : Reasons.GetValueOrDefault(e.Key, "check failed"),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    /// <summary>Two words only: a degraded check is not healthy, and callers should not have to know a third.</summary>
    private static string StatusText(HealthStatus status) => status == HealthStatus.Healthy ? "healthy" : "unhealthy";
}
