using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace QaShopper.Scheduling;

/// <summary>
/// Stops a host's campaigns in the right order. Registered after Quartz's hosted service, so it stops first: it puts
/// the scheduler in standby at once (no new call is placed after a stop signal), gives the calls in progress
/// <see cref="CampaignSchedulerOptions.StopGracePeriod"/> to finish, then interrupts the rest, which record themselves
/// as interrupted. Only then do Quartz and the store shut down, so no job runs on a closed store.
/// </summary>
internal sealed class CampaignDrainService(
    CampaignTriggers triggers,
    IOptions<CampaignSchedulerOptions> options,
    TimeProvider clock,
    ILogger<CampaignDrainService> logger) : IHostedService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>How long interrupted calls get to record themselves before the host stops anyway.</summary>
    internal static readonly TimeSpan InterruptWait = TimeSpan.FromSeconds(30);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = await triggers.SchedulerAsync(CancellationToken.None).ConfigureAwait(false);
        if (scheduler.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown or SchedulerStatus.Created)
        {
            return;
        }

        await scheduler.Standby(CancellationToken.None).ConfigureAwait(false);
        var running = await RunningAsync().ConfigureAwait(false);
        if (running == 0)
        {
            return;
        }

        logger.Draining(running, options.Value.StopGracePeriod);
        if (await WaitAsync(options.Value.StopGracePeriod).ConfigureAwait(false))
        {
            return;
        }

        foreach (var firing in (await scheduler.QueryFireInstances(new FireInstanceQuery(), CancellationToken.None).ConfigureAwait(false)).Items)
        {
            await scheduler.InterruptFireInstance(firing.FireInstanceId, CancellationToken.None).ConfigureAwait(false);
        }

        if (!await WaitAsync(InterruptWait).ConfigureAwait(false))
        {
            logger.StillRunning(await RunningAsync().ConfigureAwait(false));
        }

        async Task<int> RunningAsync() =>
            (await scheduler.QueryFireInstances(new FireInstanceQuery(), CancellationToken.None).ConfigureAwait(false)).Items.Count;

        async Task<bool> WaitAsync(TimeSpan limit)
        {
            var started = clock.GetTimestamp();
            while (await RunningAsync().ConfigureAwait(false) > 0)
            {
                if (clock.GetElapsedTime(started) >= limit)
                {
                    return false;
                }

                await Task.Delay(Poll, clock, CancellationToken.None).ConfigureAwait(false);
            }

            return true;
        }
    }
}
