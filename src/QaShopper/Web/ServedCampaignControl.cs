using QaShopper.Campaigns;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Scheduling;
using QaShopper.Web.Campaigns;

namespace QaShopper.Web;

/// <summary>
/// Campaigns from the web app, through the pieces <c>campaign validate|plan|start|cancel</c> use (<see cref="CampaignFiles"/>,
/// <see cref="CampaignScheduler"/>), in the <c>serve</c> host whose Quartz places the calls: a campaign started here gets
/// its triggers in the running scheduler at once, with nothing to restart.
/// </summary>
internal sealed class ServedCampaignControl(string scenarioDirectory, CampaignScheduler scheduler, IResultStore results, TimeProvider clock) : ICampaignControl, IDisposable
{
    // One start at a time, so the check for another version under the same id and the save cannot interleave.
    private readonly SemaphoreSlim starting = new(1, 1);

    public CampaignCheck Check(string text, string fileName)
    {
        var result = CampaignParser.Parse(text, fileName, CampaignFiles.ScenarioIds(scenarioDirectory));
        if (!result.IsValid)
        {
            return new CampaignCheck(null, result.Diagnostics, null, 0);
        }

        // As 'campaign validate': a well-formed file may still ask for more calls than its periods hold.
        var campaign = result.Campaign!;
        var seed = CampaignFiles.DefaultSeed(campaign);
        return new CampaignCheck(campaign, [], CampaignFiles.Plan(campaign, from: null, to: null, seed, notBefore: null), seed);
    }

    public async Task<CampaignStartResult> StartAsync(string text, string fileName, CampaignRunMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var check = Check(text, fileName);
        if (!check.IsValid)
        {
            return new CampaignStartResult(check, null, 0, 0, null);
        }

        await starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartCheckedAsync(check, text, ToScheduleMode(mode), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            starting.Release();
        }
    }

    public async Task<IReadOnlyList<string>?> CancelAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (await scheduler.Book.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        // The scheduler's cancel: the triggers go first, then the store's state, as 'campaign cancel' leaves it.
        return await scheduler.CancelAsync(campaignId, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => starting.Dispose();

    private async Task<CampaignStartResult> StartCheckedAsync(CampaignCheck check, string text, ScheduleMode mode, CancellationToken cancellationToken)
    {
        var campaign = check.Campaign!;
        var seed = check.Seed;

        // As 'campaign start': on time, what is already past cannot be placed, so the plan starts now.
        var plan = CampaignFiles.Plan(campaign, from: null, to: null, seed, mode == ScheduleMode.OnTime ? clock.GetUtcNow() : null);
        if (!plan.IsFeasible)
        {
            return Refused(check, $"cannot be met from now on: {string.Join("; ", plan.Problems)}");
        }

        if (plan.Calls.Count == 0)
        {
            return Refused(check, $"no call left to place between {plan.From:yyyy-MM-dd} and {plan.To:yyyy-MM-dd} (the dates are over); change the dates, or run it now");
        }

        if (await scheduler.Book.GetCampaignAsync(campaign.Id, cancellationToken).ConfigureAwait(false) is { } existing
            && (existing.Campaign.ContentHash != campaign.ContentHash || existing.Seed != seed))
        {
            return Refused(check,
                $"campaign '{campaign.Id}' was already scheduled on {existing.StartedAt:yyyy-MM-dd HH:mm}Z from another version of the file; " +
                "its calls stay as they are. Cancel it and give the new version its own id.");
        }

        // The campaign's calls follow today's scenario versions, kept in the store, whatever the folder holds later.
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scenario, scenarioText) in CampaignFiles.Scenarios(scenarioDirectory).Where(s => campaign.Scenarios.Any(w => w.Id == s.Scenario.Id)))
        {
            await results.SaveScenarioAsync(scenario, scenarioText, cancellationToken).ConfigureAwait(false);
            versions[scenario.Id] = scenario.ContentHash;
        }

        var added = await scheduler.ScheduleAsync(plan, text, mode, versions, seed, cancellationToken).ConfigureAwait(false);
        return new CampaignStartResult(check, campaign.Id, plan.Calls.Count, added.Count, null);
    }

    private static CampaignStartResult Refused(CampaignCheck check, string reason) => new(check, null, 0, 0, reason);

    private static ScheduleMode ToScheduleMode(CampaignRunMode mode) => mode.Kind switch
    {
        CampaignRunKind.Now => ScheduleMode.Now,
        CampaignRunKind.Accelerated => ScheduleMode.Accelerated(mode.Speed),
        _ => ScheduleMode.OnTime,
    };
}
