using QaShopper.Core.Campaigns;

namespace QaShopper.LiteDb.Documents;

// The campaign as stored in CampaignRecordDocument.CampaignJson (a copy of the SQLite adapter's shape, so both keep the same JSON). Documents rather than the core records, because a TimeZoneInfo,
// a set of days and a validated DailyWindow do not round-trip through System.Text.Json on their own.

/// <summary>A <see cref="Campaign"/> as a JSON document.</summary>
internal sealed record CampaignDocument(
    string Id,
    string Name,
    DateOnly From,
    DateOnly To,
    List<SiteDocument> Sites,
    List<LineDocument> Lines,
    List<WeightedScenario> Scenarios,
    CampaignQuotas Quotas,
    CampaignPacing Pacing,
    AnonymityDocument Anonymity,
    CampaignRetries Retries,
    string SourcePath,
    string ContentHash)
{
    public static CampaignDocument Of(Campaign c) => new(
        c.Id,
        c.Name,
        c.From,
        c.To,
        [.. c.Sites.Select(SiteDocument.Of)],
        [.. c.Lines.Select(l => new LineDocument(l.Number, l.SiteId, [.. l.Agents], [.. l.ScenarioIds]))],
        [.. c.Scenarios],
        c.Quotas,
        c.Pacing,
        new AnonymityDocument([.. c.Anonymity.CallerNumbers], c.Anonymity.NumberReuseDays, [.. c.Anonymity.CallerVoices], c.Anonymity.Jitter),
        c.Retries,
        c.SourcePath,
        c.ContentHash);

    public Campaign ToCampaign() => new(
        Id,
        Name,
        From,
        To,
        [.. Sites.Select(s => s.ToSite())],
        [.. Lines.Select(l => new TargetLine(l.Number, l.SiteId, l.Agents, l.ScenarioIds))],
        Scenarios,
        Quotas,
        Pacing,
        new CampaignAnonymity(Anonymity.CallerNumbers, Anonymity.NumberReuseDays, Anonymity.CallerVoices, Anonymity.Jitter),
        Retries,
        SourcePath,
        ContentHash);
}

internal sealed record SiteDocument(
    string Id,
    string TimeZone,
    List<WindowDocument> OpeningHours,
    List<DateOnly> Holidays,
    List<Closure> Closures,
    List<PeriodDocument> Periods)
{
    public static SiteDocument Of(CampaignSite s) => new(
        s.Id,
        s.TimeZone.Id,
        [.. s.OpeningHours.Select(h => new WindowDocument([.. h.Days.Order()], h.Window.Start, h.Window.End))],
        [.. s.Holidays],
        [.. s.Closures],
        [.. s.Periods.Select(p => new PeriodDocument(p.Name, [.. p.Days.Order()], p.Window.Start, p.Window.End))]);

    public CampaignSite ToSite() => new(
        Id,
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        [.. OpeningHours.Select(h => new WeeklyWindow(h.Days.ToHashSet(), new DailyWindow(h.Start, h.End)))],
        Holidays,
        Closures,
        [.. Periods.Select(p => new ServicePeriod(p.Name, p.Days.ToHashSet(), new DailyWindow(p.Start, p.End)))]);
}

internal sealed record WindowDocument(List<DayOfWeek> Days, TimeSpan Start, TimeSpan End);

internal sealed record PeriodDocument(string Name, List<DayOfWeek> Days, TimeSpan Start, TimeSpan End);

internal sealed record LineDocument(string Number, string SiteId, List<string> Agents, List<string> ScenarioIds);

internal sealed record AnonymityDocument(List<string> CallerNumbers, int NumberReuseDays, List<string> CallerVoices, bool Jitter);

/// <summary>JSON for the frozen campaign: camelCase members, snake_case enum names, nulls left out.</summary>
internal static class CampaignJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Serialize(Campaign campaign) => System.Text.Json.JsonSerializer.Serialize(CampaignDocument.Of(campaign), Options);

    public static Campaign Deserialize(string json) =>
        (System.Text.Json.JsonSerializer.Deserialize<CampaignDocument>(json, Options)
            ?? throw new InvalidDataException("The store holds a null campaign document.")).ToCampaign();
}
