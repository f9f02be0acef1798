using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;

namespace QaShopper.Web.Campaigns;

/// <summary>
/// Stored campaigns as the campaign pages and <c>/api/campaigns</c> show them: each with its calls by state, and one
/// campaign's live status (as <c>campaign status</c> shows it) with its agents against their weekly quota.
/// </summary>
public sealed class CampaignBoard(ICampaignStore store, TimeProvider clock)
{
    /// <summary>The states in the order a campaign moves through them, for columns.</summary>
    public static IReadOnlyList<CampaignCallState> States { get; } = Enum.GetValues<CampaignCallState>();

    /// <summary>The state as the CLI and the API spell it (<c>no-answer</c>).</summary>
    public static string StateName(CampaignCallState state) => state switch
    {
        CampaignCallState.NoAnswer => "no-answer",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>Every stored campaign, newest first, with its calls counted by state.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = await store.GetCampaignsAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var summaries = new List<CampaignSummary>(campaigns.Count);
        foreach (var scheduled in campaigns)
        {
            var calls = await store.GetCallsAsync(scheduled.Campaign.Id, cancellationToken).ConfigureAwait(false);
            summaries.Add(new CampaignSummary(scheduled, CampaignStatus.Build(scheduled.Campaign, calls, now)));
        }

        return summaries;
    }

    /// <summary>One campaign's status now, or null when no campaign has that id.</summary>
    public async Task<CampaignSummary?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        var scheduled = await store.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        if (scheduled is null)
        {
            return null;
        }

        var calls = await store.GetCallsAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return new CampaignSummary(scheduled, CampaignStatus.Build(scheduled.Campaign, calls, clock.GetUtcNow()));
    }
}

/// <summary>A stored campaign and where it stands.</summary>
public sealed record CampaignSummary(ScheduledCampaign Scheduled, CampaignStatus Status)
{
    /// <summary>True when the campaign was cancelled (a cancelled call carries the campaign's reason).</summary>
    public bool IsCancelled => Status.Calls.Any(c => c.State == CampaignCallState.Cancelled);

    /// <summary>
    /// Every roster agent with the completed calls they answered in the current campaign week, against the campaign's
    /// weekly quota per agent; quotas count calls placed to the agent's lines, so an agent may be reached more or less often.
    /// </summary>
    public IReadOnlyList<AgentProgress> Agents()
    {
        var campaign = Scheduled.Campaign;
        var weekEnd = Status.WeekStart.AddDays(7);
        var thisWeek = Status.Calls
            .Where(c => c.State == CampaignCallState.Completed && c.AgentId is not null && c.Call.LocalDate >= Status.WeekStart && c.Call.LocalDate < weekEnd)
            .GroupBy(c => c.AgentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var possiblyReached = Status.PossiblyReachedAgents.ToHashSet(StringComparer.Ordinal);
        return [.. campaign.Lines
            .SelectMany(l => l.Agents.Select(a => (Agent: a, l.Number)))
            .GroupBy(x => x.Agent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgentProgress(
                g.Key,
                [.. g.Select(x => x.Number).Distinct(StringComparer.Ordinal)],
                thisWeek.GetValueOrDefault(g.Key),
                campaign.Quotas.PerAgentPerWeek,
                possiblyReached.Contains(g.Key)))];
    }
}

/// <summary>An agent's completed calls this campaign week against the weekly quota.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Lines">The lines whose roster names them.</param>
/// <param name="CompletedThisWeek">Completed calls this week identified as theirs.</param>
/// <param name="WeeklyQuota">The campaign's calls per agent per week.</param>
/// <param name="PossiblyReached">
/// Not identified in any call this week, but a line of theirs had a completed call whose agent was not identified: it
/// may have been them (see <see cref="CampaignStatus.PossiblyReachedAgents"/>).
/// </param>
public sealed record AgentProgress(string AgentId, IReadOnlyList<string> Lines, int CompletedThisWeek, int WeeklyQuota, bool PossiblyReached)
{
    /// <summary>
    /// True when no completed call this week was identified as the agent's; this includes <see cref="PossiblyReached"/>
    /// agents (the meaning it always had), <see cref="NotTested"/> leaves them out.
    /// </summary>
    public bool NotReached => CompletedThisWeek == 0;

    /// <summary>True when no completed call this week was, or could have been, the agent's.</summary>
    public bool NotTested => NotReached && !PossiblyReached;

    /// <summary>How the campaign page marks the agent: not tested, maybe reached, or nothing once identified in a call.</summary>
    public string ReachNote => NotTested ? "not tested yet" : PossiblyReached ? "maybe reached, not identified" : "";
}
