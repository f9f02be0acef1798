using System.Globalization;
using Quartz;

namespace QaShopper.Scheduling;

/// <summary>
/// The Quartz side of a campaign: one durable job, one one-shot trigger per attempt of a planned call, grouped by
/// campaign. A trigger's name is the attempt's call id and its due time, so scheduling the same attempt again is a
/// no-op (idempotent), while a re-plan or a retry never collides with the trigger whose firing created it.
/// </summary>
internal sealed class CampaignTriggers(ISchedulerFactory schedulers)
{
    public const string CallIdKey = "callId";

    /// <summary>Set on a trigger that takes up an attempt a stopped host left going at the carrier; holds its call id.</summary>
    public const string ResumeAttemptKey = "resumeAttempt";

    public static readonly JobKey JobKey = new("place-campaign-call", "qashopper");

    public async Task<IScheduler> SchedulerAsync(CancellationToken cancellationToken) =>
        await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);

    /// <summary>Stores the job the triggers fire, once.</summary>
    public async Task EnsureJobAsync(CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        if (!await scheduler.Exists(JobKey, cancellationToken).ConfigureAwait(false))
        {
            var job = JobBuilder.Create<PlaceCampaignCallJob>().WithIdentity(JobKey).StoreDurably().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes sure attempt <paramref name="attemptCallId"/> of <paramref name="callId"/> fires at <paramref name="dueAt"/>.</summary>
    public async Task EnsureTriggerAsync(string campaignId, string callId, string attemptCallId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        var name = attemptCallId + "@" + dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(name, campaignId)
            .ForJob(JobKey)
            .UsingJobData(CallIdKey, callId)
            .StartAt(dueAt)

            // A trigger missed while the host was down fires as soon as it is back; the job's misfire policy then
            // decides between running late, re-planning and skipping, and records which.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fires at once a job that follows attempt <paramref name="attemptCallId"/>, still going at the carrier, to its end.</summary>
    public async Task ResumeAsync(string campaignId, string callId, string attemptCallId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(attemptCallId + "@resume", campaignId)
            .ForJob(JobKey)
            .UsingJobData(CallIdKey, callId)
            .UsingJobData(ResumeAttemptKey, attemptCallId)
            .StartAt(now)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes every pending trigger of a campaign.</summary>
    public async Task UnscheduleCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(campaignId), cancellationToken).ConfigureAwait(false);
    }
}
