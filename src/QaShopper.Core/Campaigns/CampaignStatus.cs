namespace QaShopper.Core.Campaigns;

/// <summary>Where a scheduled campaign stands.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="AsOf">When the status was read.</param>
/// <param name="ByState">How many planned calls are in each state (every state listed, zeros included).</param>
/// <param name="ByPeriod">Counts per site and service period.</param>
/// <param name="ByAgent">Counts per agent who answered (calls whose agent is unknown are not listed).</param>
/// <param name="WeekStart">First local date of the campaign week <see cref="AsOf"/> falls in (weeks count from the campaign's first date).</param>
/// <param name="UntestedAgents">
/// Roster agents (of every line) not identified in any completed call dated in that week. This is both
/// <see cref="NotTestedAgents"/> and <see cref="PossiblyReachedAgents"/>: some of them may have answered a call whose
/// agent was not recognised, so show the two apart rather than this list as "not tested".
/// </param>
/// <param name="UnidentifiedCallsThisWeek">
/// Lines with completed calls dated in that week whose agent was not identified (someone answered, the name was not
/// recognised), one entry per line, in the campaign's line order.
/// </param>
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
    IReadOnlyList<UnidentifiedLineCalls> UnidentifiedCallsThisWeek,
    IReadOnlyList<CampaignCall> Calls)
{
    /// <summary>True when no call is Planned or Running any more.</summary>
    public bool IsFinished => ByState[CampaignCallState.Planned] == 0 && ByState[CampaignCallState.Running] == 0;

    /// <summary>
    /// Untested agents on a line with unidentified completed calls this week: one of those calls may have been theirs.
    /// </summary>
    public IReadOnlyList<string> PossiblyReachedAgents =>
        [.. UnidentifiedCallsThisWeek.SelectMany(l => l.PossibleAgents).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Untested agents none of whose lines had a completed call this week that could have been theirs.</summary>
    public IReadOnlyList<string> NotTestedAgents
    {
        get
        {
            var possiblyReached = PossiblyReachedAgents.ToHashSet(StringComparer.Ordinal);
            return [.. UntestedAgents.Where(a => !possiblyReached.Contains(a))];
        }
    }

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
        var completedThisWeek = calls
            .Where(c => c.State == CampaignCallState.Completed && c.Call.LocalDate >= weekStart && c.Call.LocalDate < weekEnd)
            .ToList();
        var tested = completedThisWeek
            .Where(c => c.AgentId is not null)
            .Select(c => c.AgentId!)
            .ToHashSet(StringComparer.Ordinal);
        var untested = campaign.Lines
            .SelectMany(l => l.Agents)
            .Distinct(StringComparer.Ordinal)
            .Where(a => !tested.Contains(a))
            .Order(StringComparer.Ordinal)
            .ToList();
        var unidentified = UnidentifiedByLine(campaign, completedThisWeek.Where(c => c.AgentId is null), tested);

        return new CampaignStatus(campaign.Id, campaign.Name, now, Count(calls), byPeriod, byAgent, weekStart, untested, unidentified, calls);
    }

    private static List<UnidentifiedLineCalls> UnidentifiedByLine(Campaign campaign, IEnumerable<CampaignCall> unidentifiedCalls, HashSet<string> tested)
    {
        var counts = unidentifiedCalls
            .GroupBy(c => (c.Call.SiteId, c.Call.Line))
            .ToDictionary(g => g.Key, g => g.Count());
        var lines = new List<UnidentifiedLineCalls>(counts.Count);
        foreach (var line in campaign.Lines)
        {
            if (counts.Remove((line.SiteId, line.Number), out var count))
            {
                // An agent identified in another call this week is tested already; naming them as a maybe adds nothing.
                var possible = line.Agents.Where(a => !tested.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                lines.Add(new UnidentifiedLineCalls(line.SiteId, line.Number, count, possible, RosterKnown: line.Agents.Count > 0));
            }
        }

        // A call on a line the campaign no longer lists (edited roster) still reached someone, just no one we can name.
        lines.AddRange(counts
            .OrderBy(kv => kv.Key.SiteId, StringComparer.Ordinal).ThenBy(kv => kv.Key.Line, StringComparer.Ordinal)
            .Select(kv => new UnidentifiedLineCalls(kv.Key.SiteId, kv.Key.Line, kv.Value, [], RosterKnown: false)));
        return lines;
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

/// <summary>Completed calls of the campaign week on one line whose agent was not identified: someone answered, not known who.</summary>
/// <param name="SiteId">The site the line rings at.</param>
/// <param name="Line">The number called (E.164).</param>
/// <param name="Calls">How many such calls (at least one).</param>
/// <param name="PossibleAgents">The line's roster agents not identified in any call this week: the ones these calls may have reached.</param>
/// <param name="RosterKnown">False when the campaign lists no agents for the line, so no one can be named.</param>
public sealed record UnidentifiedLineCalls(string SiteId, string Line, int Calls, IReadOnlyList<string> PossibleAgents, bool RosterKnown);
