namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>The right form of each field, quoted in messages so that a fix can be copied from the error.</summary>
internal static class CampaignExamples
{
    public const string Campaign = "id: demo-week";
    public const string Dates = "dates: { from: 2026-11-23, to: 2026-11-29 }";
    public const string Site = "{ id: leeds, time_zone: Europe/London, periods: [...] }";
    public const string OpeningHours = "{ days: mon-fri, from: \"08:00\", to: \"20:00\" }";
    public const string Period = "{ name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }";
    public const string Closure = "{ from: \"2026-11-25T12:00\", to: \"2026-11-25T13:00\", reason: team briefing }";
    public const string Line = "{ number: \"+441134960001\", site: leeds, agents: [sarah, james] }";
    public const string Scenario = "{ id: acme-bank-lost-card, weight: 1 }";
    public const string Quotas = "quotas: { per_agent_per_week: 3, per_line_per_period: 1 }";
    public const string Pacing = "pacing: { max_concurrent_per_line: 1, min_gap_same_line: 20m, expected_call_length: 6m }";
    public const string Anonymity = "anonymity: { caller_numbers: [\"+447700900101\"] }";
    public const string Retries = "retries: { busy: { max: 2, after: 10m } }";
    public const string Retry = "{ max: 2, after: 10m }";
    public const string Days = "days: mon-fri";

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["campaign.id"] = "id: demo-week",
        ["campaign.name"] = "name: Demo week",
        ["campaign.dates"] = Dates,
        ["campaign.sites"] = $"sites: [{Site}]",
        ["campaign.lines"] = $"lines: [{Line}]",
        ["campaign.scenarios"] = $"scenarios: [{Scenario}]",
        ["campaign.quotas"] = Quotas,
        ["campaign.anonymity"] = Anonymity,
        ["dates.from"] = "from: 2026-11-23",
        ["dates.to"] = "to: 2026-11-29",
        ["site.id"] = "id: leeds",
        ["site.time_zone"] = "time_zone: Europe/London",
        ["site.periods"] = $"periods: [{Period}]",
        ["opening_hours.days"] = Days,
        ["opening_hours.from"] = "from: \"08:00\"",
        ["opening_hours.to"] = "to: \"20:00\"",
        ["period.name"] = "name: peak",
        ["period.days"] = Days,
        ["period.from"] = "from: \"09:00\"",
        ["period.to"] = "to: \"11:00\"",
        ["closure.from"] = "from: \"2026-11-25T12:00\"",
        ["closure.to"] = "to: \"2026-11-25T13:00\"",
        ["line.number"] = "number: \"+441134960001\"",
        ["line.site"] = "site: leeds",
        ["scenario.id"] = "id: acme-bank-lost-card",
        ["anonymity.caller_numbers"] = "caller_numbers: [\"+447700900101\", \"+447700900102\"]",
        ["retry.max"] = "max: 2",
        ["retry.after"] = "after: 10m",
    };

    /// <summary>An example of <paramref name="field"/> in the mapping kind <paramref name="section"/>.</summary>
    public static string Of(string section, string field) =>
        Fields.TryGetValue($"{section}.{field}", out var example) ? example : $"{field}: ...";
}
