using Microsoft.Extensions.Logging;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;

namespace QaShopper.Campaigns;

/// <summary>
/// Puts a campaign plan on the Quartz schedule and answers for it: store the plan, one trigger per planned call,
/// cancel, status. Scheduling the same plan twice changes nothing; the host that runs Quartz places the calls.
/// </summary>
internal sealed class CampaignScheduler(ICampaignStore store, CampaignTriggers triggers, TimeProvider clock, ILogger<CampaignScheduler> logger)
{
    /// <summary>
    /// Stores <paramref name="plan"/> (campaign version, <paramref name="sourceText"/>, <paramref name="seed"/>) and
    /// schedules every call not yet finished. Calls already stored keep their state and times.
    /// </summary>
    /// <returns>The ids of the calls that were new to the store.</returns>
    public async Task<IReadOnlyList<string>> ScheduleAsync(CampaignPlan plan, string sourceText, ScheduleMode mode, IReadOnlyDictionary<string, string> scenarioVersions, int seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sourceText);
        ArgumentNullException.ThrowIfNull(mode);

        var now = clock.GetUtcNow();
        var ordered = plan.Calls.OrderBy(c => c.At).ThenBy(c => c.CallId, StringComparer.Ordinal).ToList();
        var first = ordered.Count > 0 ? ordered[0].At : now;
        var queue = mode == ScheduleMode.Now ? LinesInTurn(ordered) : ordered;
        var dues = queue.Select((c, i) => new PlannedCallDue(c, mode.DueAt(c.At, first, i, now))).ToList();
        var added = await store.SaveCampaignAsync(new ScheduledCampaign(plan.Campaign, sourceText, seed, now, mode.ToString()!, scenarioVersions), dues, cancellationToken).ConfigureAwait(false);

        await triggers.EnsureJobAsync(cancellationToken).ConfigureAwait(false);
        var calls = await store.GetCallsAsync(plan.Campaign.Id, cancellationToken).ConfigureAwait(false);
        var scheduled = 0;
        foreach (var call in calls.Where(c => c.State == CampaignCallState.Planned))
        {
            await triggers.EnsureTriggerAsync(call.Call.CampaignId, call.Call.CallId, CampaignCallStates.AttemptCallId(call.Call.CallId, call.Attempts + 1), call.DueAt, cancellationToken).ConfigureAwait(false);
            scheduled++;
        }

        logger.Scheduled(plan.Campaign.Id, scheduled, mode);
        return added;
    }

    /// <summary>
    /// Run at once, calls taken in plain time order often come to the same line one after another, and the second
    /// would hold a scheduler thread waiting for the line. Taking the lines in turn (each line's calls still in
    /// planned order) keeps every thread placing calls.
    /// </summary>
    internal static List<PlannedCall> LinesInTurn(IReadOnlyList<PlannedCall> ordered)
    {
        var byLine = ordered.GroupBy(c => c.Line, StringComparer.Ordinal).Select(g => new Queue<PlannedCall>(g)).ToList();
        var result = new List<PlannedCall>(ordered.Count);
        while (result.Count < ordered.Count)
        {
            foreach (var line in byLine.Where(q => q.Count > 0))
            {
                result.Add(line.Dequeue());
            }
        }

        return result;
    }

    /// <summary>
    /// Cancels a campaign: its pending triggers are removed and its Planned calls end Cancelled. Calls in progress
    /// finish normally and are not retried.
    /// </summary>
    /// <returns>The calls cancelled.</returns>
    public async Task<IReadOnlyList<string>> CancelAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);

        // Triggers first, so nothing fires in between; a firing already under way meets the store's state guard.
        await triggers.UnscheduleCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var cancelled = await store.CancelCampaignAsync(campaignId, "campaign cancelled", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.Cancelled(campaignId, cancelled.Count);
        return cancelled;
    }

    /// <summary>Where the campaign stands now, or null when no campaign has that id.</summary>
    public async Task<CampaignStatus?> GetStatusAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var campaign = await store.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        if (campaign is null)
        {
            return null;
        }

        var calls = await store.GetCallsAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return CampaignStatus.Build(campaign.Campaign, calls, clock.GetUtcNow());
    }

    /// <summary>The campaign scheduled under <paramref name="campaignId"/>, or null.</summary>
    public Task<ScheduledCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default) =>
        store.GetCampaignAsync(campaignId, cancellationToken);

    /// <summary>Every scheduled campaign, newest first.</summary>
    public Task<IReadOnlyList<ScheduledCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default) =>
        store.GetCampaignsAsync(cancellationToken);

    /// <summary>A planned call's history, oldest first.</summary>
    public Task<IReadOnlyList<CampaignCallEvent>> GetHistoryAsync(string callId, CancellationToken cancellationToken = default) =>
        store.GetEventsAsync(callId, cancellationToken);
}
