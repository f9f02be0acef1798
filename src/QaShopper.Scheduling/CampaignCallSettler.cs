using Microsoft.Extensions.Logging;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;

namespace QaShopper.Scheduling;

/// <summary>
/// Ends an attempt: applies the campaign's retry rules through <see cref="CampaignCallPolicy"/> and records either
/// the final state or the retry (state, history and trigger). Shared by the job and start-up recovery.
/// </summary>
internal sealed class CampaignCallSettler(ICampaignStore store, CampaignTriggers triggers, ILogger<CampaignCallSettler> logger)
{
    public async Task SettleAsync(
        ScheduledCampaign campaign,
        PlannedCall call,
        int attempt,
        CallStatus status,
        string? detail,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var attemptCallId = CampaignCallStates.AttemptCallId(call.CallId, attempt);
        var mode = ScheduleMode.Parse(campaign.Mode);
        var decision = CampaignCallPolicy.AfterAttempt(campaign.Campaign, call, attempt, status, now, mode.EnforcesPeriods);
        var state = CampaignCallStates.FromCallStatus(status);
        if (decision is AttemptDecision.Retry retry)
        {
            var due = now + mode.Scale(retry.At - now);
            var reason = Join(detail, retry.Reason) ?? retry.Reason;
            if (await store.ScheduleRetryAsync(call.CallId, attemptCallId, due, reason, now, cancellationToken).ConfigureAwait(false))
            {
                await triggers.EnsureTriggerAsync(call.CampaignId, call.CallId, CampaignCallStates.AttemptCallId(call.CallId, attempt + 1), due, cancellationToken).ConfigureAwait(false);
                logger.RetryScheduled(call.CallId, due, reason);
                return;
            }

            // Refused: the campaign was cancelled while this attempt ran.
            decision = new AttemptDecision.Final(state, "campaign cancelled; not retried");
        }

        var final = (AttemptDecision.Final)decision;
        var why = Join(detail, final.Reason);
        if (await store.FinishAsync(call.CallId, attemptCallId, final.State, why, now, cancellationToken).ConfigureAwait(false))
        {
            logger.Finished(call.CallId, final.State, why);
        }
    }

    private static string? Join(string? first, string? second) =>
        (first, second) switch
        {
            (null, _) => second,
            (_, null) => first,
            _ => $"{first}; {second}",
        };
}
