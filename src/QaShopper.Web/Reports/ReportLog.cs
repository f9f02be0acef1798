using Microsoft.Extensions.Logging;

namespace QaShopper.Web.Reports;

/// <summary>The reports' log messages (event ids 4200-4299).</summary>
internal static partial class ReportLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Reports show item ids without their wording: scenario folder '{Directory}' not found")]
    public static partial void NoScenarioFolder(ILogger logger, string directory);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Report request refused: {Reason}")]
    public static partial void BadReportRequest(ILogger logger, string reason);
}
