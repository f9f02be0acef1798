namespace QaShopper.Core.Campaigns;

/// <summary>
/// An inspection programme: which lines (and agents) get anonymous test calls, how many, in which service periods,
/// paced and disguised how, retried how, between which dates. Read from a campaign file
/// (<c>scenarios/campaigns/*.yaml</c>, see <c>docs/campaign-format.md</c>).
/// </summary>
/// <param name="Id">Lower-case id; prefixes every planned call's id.</param>
/// <param name="Name">What the QA team calls it.</param>
/// <param name="From">First local date of the campaign (inclusive, in each site's own time zone).</param>
/// <param name="To">Last local date (inclusive).</param>
/// <param name="Sites">Where the lines ring, with opening hours and service periods.</param>
/// <param name="Lines">The numbers called.</param>
/// <param name="Scenarios">The scenarios played, with relative weights.</param>
/// <param name="Quotas">How many calls are needed.</param>
/// <param name="Pacing">How densely a line may be called.</param>
/// <param name="Anonymity">How test calls avoid being recognised.</param>
/// <param name="Retries">What happens after busy, no answer and failed calls.</param>
/// <param name="SourcePath">The file it was read from, for messages.</param>
/// <param name="ContentHash">SHA-256 of the file text: the exact campaign version a plan was made from.</param>
public sealed record Campaign(
    string Id,
    string Name,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<CampaignSite> Sites,
    IReadOnlyList<TargetLine> Lines,
    IReadOnlyList<WeightedScenario> Scenarios,
    CampaignQuotas Quotas,
    CampaignPacing Pacing,
    CampaignAnonymity Anonymity,
    CampaignRetries Retries,
    string SourcePath = "",
    string ContentHash = "")
{
    public CampaignSite Site(string siteId) =>
        Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.Ordinal))
        ?? throw new ArgumentException($"campaign {Id} has no site '{siteId}'", nameof(siteId));
}

/// <summary>A site of the call centre as the campaign sees it: its clock, when it is open and its service periods.</summary>
/// <param name="Id">Lower-case id.</param>
/// <param name="TimeZone">The site's time zone (IANA id in the file); every window below is local to it.</param>
/// <param name="OpeningHours">When the lines are staffed; empty means "whenever a service period says".</param>
/// <param name="Holidays">Local dates the site is closed all day.</param>
/// <param name="Closures">One-off closures (training, fire drill) as local date-times.</param>
/// <param name="Periods">Named service periods (peak, quiet, shift-handover, ...).</param>
public sealed record CampaignSite(
    string Id,
    TimeZoneInfo TimeZone,
    IReadOnlyList<WeeklyWindow> OpeningHours,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<Closure> Closures,
    IReadOnlyList<ServicePeriod> Periods)
{
    public ServicePeriod Period(string name) =>
        Periods.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"site {Id} has no service period '{name}'", nameof(name));
}

/// <summary>A local time window on some days of the week, e.g. Monday to Friday 09:00–11:00.</summary>
public sealed record WeeklyWindow(IReadOnlySet<DayOfWeek> Days, DailyWindow Window)
{
    public bool AppliesOn(DateOnly date) => Days.Contains(date.DayOfWeek);
}

/// <summary>A named service period: a local window on some days of the week.</summary>
public sealed record ServicePeriod(string Name, IReadOnlySet<DayOfWeek> Days, DailyWindow Window)
{
    public bool AppliesOn(DateOnly date) => Days.Contains(date.DayOfWeek);
}

/// <summary>A one-off closure between two local date-times (end exclusive).</summary>
public sealed record Closure(DateTime LocalStart, DateTime LocalEnd, string? Reason);

/// <summary>
/// Local wall-clock times within one day, <see cref="Start"/> inclusive, <see cref="End"/> exclusive;
/// <see cref="End"/> may be 24:00. Windows across midnight are written as two windows.
/// </summary>
public readonly record struct DailyWindow
{
    public DailyWindow(TimeSpan start, TimeSpan end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, TimeSpan.FromHours(24));
        if (end <= start)
        {
            throw new ArgumentException($"a window must end after it starts ({start:hh\\:mm}–{end:hh\\:mm})", nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    public bool Contains(TimeSpan timeOfDay) => timeOfDay >= Start && timeOfDay < End;

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan t) => $"{(int)t.TotalHours:00}:{t.Minutes:00}";
}

/// <summary>A number to call and who answers it.</summary>
/// <param name="Number">E.164, e.g. +441134960001.</param>
/// <param name="SiteId">The site the line rings at.</param>
/// <param name="Agents">The agents who answer it (ids); empty when the roster is not known.</param>
/// <param name="ScenarioIds">The scenarios that fit this line; empty means all of the campaign's scenarios.</param>
public sealed record TargetLine(string Number, string SiteId, IReadOnlyList<string> Agents, IReadOnlyList<string> ScenarioIds);

/// <summary>A scenario and its relative weight (how often it is played compared with the others).</summary>
public sealed record WeightedScenario(string Id, double Weight);

/// <summary>
/// How many calls the campaign needs. Weeks are 7-day blocks counted from the first date planned (the campaign's first
/// date when the whole campaign is planned); a shorter last block needs its share of the weekly quotas, rounded up.
/// </summary>
/// <param name="PerAgentPerWeek">At least this many calls a week to each line for every agent on its roster (norm: 3).</param>
/// <param name="PerLinePerPeriod">At least this many calls a week to each line in each of its site's service periods.</param>
/// <param name="MaxPerPeriodPerDay">At most this many calls in one occurrence of a period (one period on one day) at one site; null for no cap.</param>
public sealed record CampaignQuotas(int PerAgentPerWeek, int PerLinePerPeriod, int? MaxPerPeriodPerDay);

/// <summary>How densely a line may be called.</summary>
/// <param name="MaxConcurrentPerLine">Calls to the same line in progress at once.</param>
/// <param name="MinGapSameLine">Least time between the starts of two calls to the same line.</param>
/// <param name="ExpectedCallLength">How long a call is assumed to take when counting concurrent calls.</param>
public sealed record CampaignPacing(int MaxConcurrentPerLine, TimeSpan MinGapSameLine, TimeSpan ExpectedCallLength);

/// <summary>What keeps test calls from being recognised.</summary>
/// <param name="CallerNumbers">The caller-id pool (E.164).</param>
/// <param name="NumberReuseDays">A caller number is not used again on the same line within this many days.</param>
/// <param name="CallerVoices">Voices rotated across calls; empty lets the synthesizer choose by locale.</param>
/// <param name="Jitter">True: times are drawn at random inside periods; false: spread evenly (for tests and demos).</param>
public sealed record CampaignAnonymity(IReadOnlyList<string> CallerNumbers, int NumberReuseDays, IReadOnlyList<string> CallerVoices, bool Jitter);

/// <summary>Retry rules per outcome; a retry stays inside the same occurrence of the call's period.</summary>
public sealed record CampaignRetries(RetryRule Busy, RetryRule NoAnswer, RetryRule Failed)
{
    public static CampaignRetries None { get; } = new(RetryRule.None, RetryRule.None, RetryRule.None);
}

/// <summary>Retry up to <see cref="MaxRetries"/> times, <see cref="Delay"/> after each attempt.</summary>
public sealed record RetryRule(int MaxRetries, TimeSpan Delay)
{
    public static RetryRule None { get; } = new(0, TimeSpan.Zero);
}
