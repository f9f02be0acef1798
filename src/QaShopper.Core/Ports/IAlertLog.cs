using QaShopper.Core.Alerts;

namespace QaShopper.Core.Ports;

/// <summary>Where alerts sent about calls are recorded, delivered or not.</summary>
public interface IAlertLog
{
    /// <summary>Records one alert.</summary>
    Task RecordAsync(AlertRecord alert, CancellationToken cancellationToken = default);

    /// <summary>The alerts about one call, oldest first.</summary>
    Task<IReadOnlyList<AlertRecord>> GetAlertsAsync(string callId, CancellationToken cancellationToken = default);
}
