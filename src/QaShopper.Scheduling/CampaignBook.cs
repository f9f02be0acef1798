using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;

namespace QaShopper.Scheduling;

/// <summary>
/// A campaign's plan and progress as the campaign store keeps them: store a plan, read status and history, cancel.
/// Touches no scheduler, so any process can use it; the host that runs Quartz rebuilds its triggers from the store.
/// </summary>
internal sealed class CampaignBook(ICampaignStore store, TimeProvider clock)
{
    /// <summary>
    /// Stores <paramref name="plan"/> (campaign version, <paramref name="sourceText"/>, <paramref name="seed"/>, the
    /// scenario versions its calls follow) with each call's due time in <paramref name="mode"/>. Calls already stored
    /// keep their state and times.
    /// </summary>
    /// <returns>The ids of the calls that were new to the store.</returns>
    public Task<IReadOnlyList<string>> SaveAsync(
        CampaignPlan plan, string sourceText, ScheduleMode mode, IReadOnlyDictionary<string, string> scenarioVersions, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sourceText);
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(scenarioVersions);
        var now = clock.GetUtcNow();
        var ordered = plan.Calls.OrderBy(c => c.At).ThenBy(c => c.CallId, StringComparer.Ordinal).ToList();
        var first = ordered.Count > 0 ? ordered[0].At : now;
        var queue = mode == ScheduleMode.Now ? LinesInTurn(ordered) : ordered;
        var dues = queue.Select((c, i) => new PlannedCallDue(c, mode.DueAt(c.At, first, i, now))).ToList();
        return store.SaveCampaignAsync(new ScheduledCampaign(plan.Campaign, sourceText, seed, now, mode.ToString()!, scenarioVersions), dues, cancellationToken);
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
    /// Marks the campaign cancelled and its Planned calls Cancelled. A scheduler that still holds their triggers finds
    /// them cancelled when they fire; calls in progress finish and are not retried.
    /// </summary>
    public Task<IReadOnlyList<string>> CancelAsync(string campaignId, CancellationToken cancellationToken) =>
        store.CancelCampaignAsync(campaignId, "campaign cancelled", clock.GetUtcNow(), cancellationToken);

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
