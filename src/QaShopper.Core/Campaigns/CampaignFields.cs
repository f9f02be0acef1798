namespace QaShopper.Core.Campaigns;

/// <summary>
/// The field names the campaign parser accepts in each mapping. The JSON schema is tested against these arrays so
/// that the editor's completion and the parser cannot drift apart.
/// </summary>
internal static class CampaignFields
{
    internal static readonly string[] TopLevel =
        ["id", "name", "dates", "sites", "lines", "scenarios", "quotas", "pacing", "anonymity", "retries"];

    internal static readonly string[] TopLevelRequired = ["id", "name", "dates", "sites", "lines", "scenarios", "quotas", "anonymity"];

    internal static readonly string[] Dates = ["from", "to"];

    internal static readonly string[] DatesRequired = ["from", "to"];

    internal static readonly string[] Site = ["id", "time_zone", "opening_hours", "holidays", "closures", "periods"];

    internal static readonly string[] SiteRequired = ["id", "time_zone", "periods"];

    internal static readonly string[] OpeningHours = ["days", "from", "to"];

    internal static readonly string[] OpeningHoursRequired = ["days", "from", "to"];

    internal static readonly string[] Period = ["name", "days", "from", "to"];

    internal static readonly string[] PeriodRequired = ["name", "days", "from", "to"];

    internal static readonly string[] Closure = ["from", "to", "reason"];

    internal static readonly string[] ClosureRequired = ["from", "to"];

    internal static readonly string[] Line = ["number", "site", "agents", "scenarios"];

    internal static readonly string[] LineRequired = ["number", "site"];

    internal static readonly string[] Scenario = ["id", "weight"];

    internal static readonly string[] ScenarioRequired = ["id"];

    internal static readonly string[] Quotas = ["per_agent_per_week", "per_line_per_period", "max_per_period_per_day"];

    internal static readonly string[] Pacing = ["max_concurrent_per_line", "min_gap_same_line", "expected_call_length"];

    internal static readonly string[] Anonymity = ["caller_numbers", "number_reuse_days", "caller_voices", "jitter"];

    internal static readonly string[] AnonymityRequired = ["caller_numbers"];

    internal static readonly string[] Retries = ["busy", "no_answer", "failed"];

    internal static readonly string[] RetryRule = ["max", "after"];

    internal static readonly string[] RetryRuleRequired = ["max"];

    /// <summary>Day names as written in <c>days</c>, Monday first.</summary>
    internal static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>Words for common sets of days.</summary>
    internal static readonly string[] DayKeywords = ["daily", "weekdays", "weekends"];
}
