using Microsoft.Extensions.Logging;

namespace QaShopper.Web;

/// <summary>Log messages of the scenario and campaign pages and API (event ids 4300-4399).</summary>
internal static partial class ManageLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "{User} saved scenario {ScenarioId} version {Hash} to {File}")]
    public static partial void ScenarioSaved(ILogger logger, string user, string scenarioId, string hash, string file);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "{User}: scenario {ScenarioId} not saved, {Count} problem(s)")]
    public static partial void ScenarioRefused(ILogger logger, string user, string scenarioId, int count);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "{User} started campaign {CampaignId} ({Mode}): {Planned} calls planned, {Added} new")]
    public static partial void CampaignStarted(ILogger logger, string user, string campaignId, string mode, int planned, int added);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "{User}: campaign not started: {Reason}")]
    public static partial void CampaignRefused(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Information, Message = "{User} cancelled campaign {CampaignId}: {Count} planned call(s) cancelled")]
    public static partial void CampaignCancelled(ILogger logger, string user, string campaignId, int count);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Warning, Message = "{User} ({Role}) was refused {Action}: it needs the manage policy")]
    public static partial void ManageRefused(ILogger logger, string user, string role, string action);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Error, Message = "Scenario {ScenarioId} could not be written to {File}; the previous file is left as it was")]
    public static partial void ScenarioWriteFailed(ILogger logger, Exception exception, string scenarioId, string file);
}
