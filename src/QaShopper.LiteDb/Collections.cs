namespace QaShopper.LiteDb;

/// <summary>The collection names, in one place so the stores and the migration agree.</summary>
internal static class Collections
{
    public const string Meta = "_meta";
    public const string Calls = "calls";
    public const string Agents = "agents";
    public const string Scenarios = "scenarios";
    public const string Overrides = "overrides";
    public const string GroundTruth = "ground_truth";
    public const string AgentDays = "agent_days";
    public const string Campaigns = "campaigns";
    public const string CampaignCalls = "campaign_calls";
    public const string CampaignEvents = "campaign_events";
    public const string CarrierCalls = "carrier_calls";
    public const string CarrierCallEvents = "carrier_call_events";
    public const string Accounts = "accounts";
    public const string ApiTokens = "api_tokens";
    public const string CalibrationReviews = "calibration_reviews";
    public const string Alerts = "alerts";
}
