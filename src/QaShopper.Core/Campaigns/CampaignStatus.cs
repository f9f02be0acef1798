namespace QaShopper.Core.Campaigns;

/// <summary>Where a scheduled campaign stands.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="AsOf">When the status was read.</param>
/// <param name="ByState">How many planned calls are in each state (every state listed, zeros included).</param>
/// <param name="ByPeriod">Counts per site and service period.</param>
/// <param name="ByAgent">Counts per agent who answered (calls whose agent is unknown are not listed).</param>
/// <param name="WeekStart">First local date of the campaign week <see cref="AsOf"/> falls in (weeks count from the campaign's first date).</param>
/// <param name="UntestedAgents">Roster agents (of every line) with no completed call dated in that week.</param>
/// <param name="Calls">Every planned call, in planned order, with its state.</param>
public sealed record CampaignStatus(
    string CampaignId,
    string Name,
    DateTimeOffset AsOf,
    IReadOnlyDictionary<CampaignCallState, int> ByState,
    IReadOnlyList<PeriodCounts> ByPeriod,
    IReadOnlyList<AgentCounts> ByAgent,
    DateOnly WeekStart,
    IReadOnlyList<string> UntestedAgents,
    IReadOnlyList<CampaignCall> Calls)
{
    /// <summary>True when no call is Planned or Running any more.</summary>
    public bool IsFinished => ByState[CampaignCallState.Planned] == 0 && ByState[CampaignCallState.Running] == 0;

    /// <summary>Builds the status from the stored calls; pure, so reports and tests can build one too.</summary>
    public static CampaignStatus Build(Campaign campaign, IReadOnlyList<CampaignCall> calls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(calls);

        var byPeriod = calls
            .GroupBy(c => (c.Call.SiteId, c.Call.Period))
            .OrderBy(g => g.Key.SiteId, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .Select(g => new PeriodCounts(g.Key.SiteId, g.Key.Period, Count(g)))
            .ToList();
        var byAgent = calls
            .Where(c => c.AgentId is not null)
            .GroupBy(c => c.AgentId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgentCounts(g.Key, Count(g)))
            .ToList();

        // The week is counted in the first site's zone, like the quotas; campaigns span one zone in practice.
        var zone = campaign.Sites.Count > 0 ? campaign.Sites[0].TimeZone : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var daysIn = Math.Max(0, today.DayNumber - campaign.From.DayNumber);
        var weekStart = campaign.From.AddDays(daysIn / 7 * 7);
        var weekEnd = weekStart.AddDays(7);
        var tested = calls
            .Where(c => c.State == CampaignCallState.Completed && c.AgentId is not null && c.Call.LocalDate >= weekStart && c.Call.LocalDate < weekEnd)
            .Select(c => c.AgentId!)
            .ToHashSet(StringComparer.Ordinal);
        var untested = campaign.Lines
            .SelectMany(l => l.Agents)
            .Distinct(StringComparer.Ordinal)
            .Where(a => !tested.Contains(a))
            .Order(StringComparer.Ordinal)
            .ToList();

        return new CampaignStatus(campaign.Id, campaign.Name, now, Count(calls), byPeriod, byAgent, weekStart, untested, calls);
    }

    private static Dictionary<CampaignCallState, int> Count(IEnumerable<CampaignCall> calls)
    {
        var counts = Enum.GetValues<CampaignCallState>().ToDictionary(s => s, _ => 0);
        foreach (var call in calls)
        {
            counts[call.State]++;
        }

        return counts;
    }
}

/// <summary>Calls of one service period at one site, by state.</summary>
public sealed record PeriodCounts(string SiteId, string Period, IReadOnlyDictionary<CampaignCallState, int> ByState);

/// <summary>Calls one agent answered, by state.</summary>
public sealed record AgentCounts(string AgentId, IReadOnlyDictionary<CampaignCallState, int> ByState);
