using Microsoft.Extensions.Logging;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;

namespace QaShopper.Scheduling;

/// <summary>
/// Puts a campaign plan on this host's Quartz schedule: store the plan (through <see cref="CampaignBook"/>), one
/// trigger per planned call, cancel. Scheduling the same plan twice changes nothing.
/// </summary>
internal sealed class CampaignScheduler(CampaignBook book, ICampaignStore store, CampaignTriggers triggers, ILogger<CampaignScheduler> logger)
{
    /// <summary>The store-only side: status, history, campaigns.</summary>
    public CampaignBook Book => book;

    /// <summary>Stores <paramref name="plan"/> and gives every call not yet finished its trigger.</summary>
    /// <returns>The ids of the calls that were new to the store.</returns>
    public async Task<IReadOnlyList<string>> ScheduleAsync(
        CampaignPlan plan, string sourceText, ScheduleMode mode, IReadOnlyDictionary<string, string> scenarioVersions, int seed = 0, CancellationToken cancellationToken = default)
    {
        var added = await book.SaveAsync(plan, sourceText, mode, scenarioVersions, seed, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Cancels a campaign: its pending triggers are removed and its Planned calls end Cancelled.</summary>
    /// <returns>The calls cancelled.</returns>
    public async Task<IReadOnlyList<string>> CancelAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);

        // Triggers first, so nothing fires in between; a firing already under way meets the store's state guard.
        await triggers.UnscheduleCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var cancelled = await book.CancelAsync(campaignId, cancellationToken).ConfigureAwait(false);
        logger.Cancelled(campaignId, cancelled.Count);
        return cancelled;
    }
}
