using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Core.Calls;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Templates;
using Quartz;

namespace QaShopper.Scheduling;

/// <summary>
/// Fired by a planned call's trigger: checks whether the call is still wanted and on time, claims it (Planned →
/// Running, atomically, so a trigger firing twice places it once), places it through the carrier and the pipeline,
/// then records its final state or schedules its retry.
/// </summary>
internal sealed class PlaceCampaignCallJob(
    ICampaignStore store,
    CallRunner runner,
    IScenarioCatalog scenarios,
    LineLimiter lines,
    CampaignCallSettler settler,
    CampaignTriggers triggers,
    IOptions<CampaignSchedulerOptions> options,
    TimeProvider clock,
    ILogger<PlaceCampaignCallJob> logger) : IJob
{
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var callId = context.MergedJobDataMap.GetString(CampaignTriggers.CallIdKey)
            ?? throw new InvalidOperationException("a campaign trigger without a call id");
        var stored = await store.GetCallAsync(callId, cancellationToken).ConfigureAwait(false);
        if (context.MergedJobDataMap.GetString(CampaignTriggers.ResumeAttemptKey) is { } resumed)
        {
            await ResumeAsync(stored, resumed, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (stored is null || stored.State != CampaignCallState.Planned)
        {
            logger.NotPlanned(callId, stored?.State);
            return;
        }

        if (await CampaignOfAsync(stored, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (now < stored.DueAt - EarlyTolerance)
        {
            // A trigger left over from an earlier due time: the call's own trigger (ensured here) places it when due.
            var attemptId = CampaignCallStates.AttemptCallId(callId, stored.Attempts + 1);
            await triggers.EnsureTriggerAsync(stored.Call.CampaignId, callId, attemptId, stored.DueAt, cancellationToken).ConfigureAwait(false);
            logger.FiredEarly(callId, stored.DueAt);
            return;
        }

        if (!await OnTimeOrHandledAsync(campaign, stored, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var attempt = stored.Attempts + 1;
        var attemptCallId = CampaignCallStates.AttemptCallId(callId, attempt);
        using var slot = await lines.AcquireAsync(stored.Call.Line, campaign.Campaign.Pacing.MaxConcurrentPerLine, cancellationToken).ConfigureAwait(false);
        if (!await store.TryStartAsync(callId, attemptCallId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            logger.NotPlanned(callId, null);
            return;
        }

        await RunAndSettleAsync(campaign, stored.Call, attempt, attemptCallId, ct => PlaceAsync(campaign, stored.Call, attemptCallId, placedAt: null, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Follows an attempt an earlier host placed and left going at the carrier (see <see cref="CampaignRecoveryService"/>).</summary>
    private async Task ResumeAsync(CampaignCall? stored, string attemptCallId, CancellationToken cancellationToken)
    {
        if (stored is null || stored.State != CampaignCallState.Running || stored.AttemptCallId != attemptCallId)
        {
            logger.NotPlanned(attemptCallId, stored?.State);
            return;
        }

        if (await CampaignOfAsync(stored, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return;
        }

        var events = await store.GetEventsAsync(stored.Call.CallId, cancellationToken).ConfigureAwait(false);
        var placedAt = events.LastOrDefault(e => e.Kind == CampaignCallEventKind.Started)?.At ?? clock.GetUtcNow();
        using var slot = await lines.AcquireAsync(stored.Call.Line, campaign.Campaign.Pacing.MaxConcurrentPerLine, cancellationToken).ConfigureAwait(false);
        await RunAndSettleAsync(campaign, stored.Call, stored.Attempts, attemptCallId, ct => PlaceAsync(campaign, stored.Call, attemptCallId, placedAt, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The call's campaign, or null (logged) when the store no longer has it.</summary>
    private async Task<ScheduledCampaign?> CampaignOfAsync(CampaignCall stored, CancellationToken cancellationToken)
    {
        var campaign = await store.GetCampaignAsync(stored.Call.CampaignId, cancellationToken).ConfigureAwait(false);
        if (campaign is null)
        {
            logger.UnknownCampaign(stored.Call.CallId, stored.Call.CampaignId);
        }

        return campaign;
    }

    private async Task RunAndSettleAsync(
        ScheduledCampaign campaign, PlannedCall call, int attempt, string attemptCallId, Func<CancellationToken, Task<(CallStatus Status, string? Detail)>> place, CancellationToken cancellationToken)
    {
        var callId = call.CallId;
        CallStatus status;
        string? detail = null;
        try
        {
            (status, detail) = await place(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted by a stop that could not wait any longer: recorded now, with the failure retry rules, as the
            // next start would record a call a killed host left Running.
            logger.Interrupted(callId, attemptCallId);
            await store.AddEventAsync(callId, CampaignCallEventKind.Interrupted, CampaignRecoveryService.InterruptedReason, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            status = CallStatus.Failed;
            detail = CampaignRecoveryService.InterruptedReason;
        }
        catch (Exception ex)
        {
            logger.AttemptFailed(ex, callId, attemptCallId);
            status = CallStatus.Failed;
            detail = $"the call could not be placed: {ex.Message}";
        }

        // Recorded even when a shutdown is now under way: the call has been placed, its outcome must not be lost.
        await settler.SettleAsync(campaign, call, attempt, status, detail, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>False when the misfire policy moved or skipped the call instead of letting it run now.</summary>
    private async Task<bool> OnTimeOrHandledAsync(ScheduledCampaign campaign, CampaignCall stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = options.Value.MisfireThreshold;
        var mode = ScheduleMode.Parse(campaign.Mode);
        if (!mode.EnforcesPeriods)
        {
            if (now > stored.DueAt + threshold)
            {
                await store.AddEventAsync(stored.Call.CallId, CampaignCallEventKind.MisfiredRanLate, $"{(now - stored.DueAt).TotalMinutes:0} min late ({mode} mode: periods do not bind)", now, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        switch (CampaignCallPolicy.OnFire(campaign.Campaign, stored.Call, stored.DueAt, now, threshold))
        {
            case FireDecision.Run:
                return true;
            case FireDecision.RunLate late:
                logger.Misfired(stored.Call.CallId, late.Reason);
                await store.AddEventAsync(stored.Call.CallId, CampaignCallEventKind.MisfiredRanLate, late.Reason, now, cancellationToken).ConfigureAwait(false);
                return true;
            case FireDecision.Replan replan:
                logger.Misfired(stored.Call.CallId, replan.Reason);
                if (await store.RescheduleAsync(stored.Call.CallId, replan.At, replan.WindowEnd, replan.LocalDate, replan.At, replan.Reason, now, cancellationToken).ConfigureAwait(false))
                {
                    var attemptCallId = CampaignCallStates.AttemptCallId(stored.Call.CallId, stored.Attempts + 1);
                    await triggers.EnsureTriggerAsync(stored.Call.CampaignId, stored.Call.CallId, attemptCallId, replan.At, cancellationToken).ConfigureAwait(false);
                }

                return false;
            case FireDecision.Skip skip:
                logger.Misfired(stored.Call.CallId, skip.Reason);
                await store.FinishAsync(stored.Call.CallId, null, CampaignCallState.Skipped, skip.Reason, now, cancellationToken).ConfigureAwait(false);
                return false;
            default:
                throw new InvalidOperationException("unknown fire decision");
        }
    }

    /// <summary>Places the attempt, or with <paramref name="placedAt"/> follows one placed then.</summary>
    private async Task<(CallStatus Status, string? Detail)> PlaceAsync(ScheduledCampaign campaign, PlannedCall call, string attemptCallId, DateTimeOffset? placedAt, CancellationToken cancellationToken)
    {
        if (!campaign.ScenarioVersions.TryGetValue(call.ScenarioId, out var version))
        {
            return (CallStatus.Failed, $"campaign '{campaign.Campaign.Id}' kept no version of scenario '{call.ScenarioId}' when it started");
        }

        var scenario = await scenarios.FindAsync(call.ScenarioId, version, cancellationToken).ConfigureAwait(false);
        if (scenario is null)
        {
            return (CallStatus.Failed, $"scenario '{call.ScenarioId}' version {version} is not in the store");
        }

        var request = new CallRequest(
            attemptCallId,
            call.Line,
            call.CallerNumber,
            ScenarioRenderer.Render(scenario, new Random(call.Seed)),
            call.CallerVoice,
            call.At);
        var outcome = placedAt is { } at
            ? await runner.ResumeAsync(request, at, cancellationToken).ConfigureAwait(false)
            : await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        return (outcome.Call.Status, null);
    }
}
