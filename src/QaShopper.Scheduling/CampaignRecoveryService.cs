using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;

namespace QaShopper.Scheduling;

/// <summary>
/// Runs at start-up, before Quartz starts firing (it is registered ahead of the Quartz hosted service, which waits
/// for the application to have started). The campaign store is the source of truth and Quartz keeps its triggers in
/// memory only, so this rebuilds them. For the campaigns in this host's <see cref="SchedulerScope"/> only: settles
/// every call a stopped host left Running (when the result store holds that attempt's call, the call did end and its
/// status stands; when a carrier whose calls outlive the host still has it in flight, it is followed to its end by a
/// resume trigger; otherwise the attempt is failed as interrupted and the failure retry rules apply), then gives every
/// Planned call its trigger at its due time. A trigger already in the past fires at once and the job's misfire rules
/// decide between running late, re-planning and skipping.
/// </summary>
internal sealed class CampaignRecoveryService(
    SchedulerScope scope,
    ICampaignStore store,
    IResultStore results,
    CampaignTriggers triggers,
    CampaignCallSettler settler,
    ICarrier carrier,
    TimeProvider clock,
    ILogger<CampaignRecoveryService> logger) : IHostedService
{
    public const string InterruptedReason = "interrupted: the host stopped during the call";

    public async Task StartAsync(CancellationToken cancellationToken)
    {

        await triggers.EnsureJobAsync(cancellationToken).ConfigureAwait(false);

        var campaigns = new Dictionary<string, ScheduledCampaign?>(StringComparer.Ordinal);
        foreach (var running in await InScopeAsync(CampaignCallState.Running).ConfigureAwait(false))
        {
            var campaign = await CampaignAsync(running.Call.CampaignId).ConfigureAwait(false);
            if (campaign is null || running.AttemptCallId is null)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var placed = await results.GetCallAsync(running.AttemptCallId, cancellationToken).ConfigureAwait(false);
            if (placed is not null)
            {
                await store.AddEventAsync(running.Call.CallId, CampaignCallEventKind.Recovered, $"the host stopped after {running.AttemptCallId} was stored ({placed.Call.Status})", now, cancellationToken).ConfigureAwait(false);
                await settler.SettleAsync(campaign, running.Call, running.Attempts, placed.Call.Status, null, now, cancellationToken).ConfigureAwait(false);
                logger.Recovered(running.Call.CallId, $"stored as {placed.Call.Status}");
            }
            else if (carrier is IResumableCarrier resumable && await resumable.IsInFlightAsync(running.AttemptCallId, cancellationToken).ConfigureAwait(false))
            {
                // Still going at the carrier (its callbacks reach this host): follow it rather than dial the number again.
                await store.AddEventAsync(running.Call.CallId, CampaignCallEventKind.Resumed, $"{running.AttemptCallId} is still going at the {carrier.Name} carrier; followed, not dialled again", now, cancellationToken).ConfigureAwait(false);
                await triggers.ResumeAsync(running.Call.CampaignId, running.Call.CallId, running.AttemptCallId, now, cancellationToken).ConfigureAwait(false);
                logger.Resuming(running.Call.CallId, running.AttemptCallId);
            }
            else
            {
                await store.AddEventAsync(running.Call.CallId, CampaignCallEventKind.Interrupted, InterruptedReason, now, cancellationToken).ConfigureAwait(false);
                await settler.SettleAsync(campaign, running.Call, running.Attempts, CallStatus.Failed, InterruptedReason, now, cancellationToken).ConfigureAwait(false);
                logger.Recovered(running.Call.CallId, InterruptedReason);
            }
        }

        foreach (var planned in await InScopeAsync(CampaignCallState.Planned).ConfigureAwait(false))
        {
            var attemptCallId = CampaignCallStates.AttemptCallId(planned.Call.CallId, planned.Attempts + 1);
            await triggers.EnsureTriggerAsync(planned.Call.CampaignId, planned.Call.CallId, attemptCallId, planned.DueAt, cancellationToken).ConfigureAwait(false);
        }

        async Task<IEnumerable<CampaignCall>> InScopeAsync(CampaignCallState state) =>
            (await store.GetCallsInStateAsync(state, cancellationToken).ConfigureAwait(false)).Where(c => scope.Includes(c.Call.CampaignId));

        async Task<ScheduledCampaign?> CampaignAsync(string id)
        {
            if (!campaigns.TryGetValue(id, out var campaign))
            {
                campaign = await store.GetCampaignAsync(id, cancellationToken).ConfigureAwait(false);
                campaigns[id] = campaign;
            }

            return campaign;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
