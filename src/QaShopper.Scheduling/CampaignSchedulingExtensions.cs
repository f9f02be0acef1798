using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace QaShopper.Scheduling;

/// <summary>Registers the campaign scheduler: Quartz with its triggers in memory, rebuilt from the campaign store at start.</summary>
public static class CampaignSchedulingExtensions
{
    /// <summary>
    /// Binds <see cref="CampaignSchedulerOptions"/> from <c>Scheduler</c> (validated at start-up) and adds Quartz on its
    /// in-memory job store, the start-up recovery that rebuilds the triggers from <see cref="Core.Ports.ICampaignStore"/>
    /// (the source of truth: no maintained LiteDB job store exists for Quartz 4), and the ordered stop. Needs a
    /// campaign store, a result store, a carrier and the call pipeline registered too.
    /// </summary>
    /// <param name="builder">The host.</param>
    /// <param name="campaignId">Run only this campaign's calls (a command running one campaign); null: every campaign (<c>serve</c>).</param>
    public static IHostApplicationBuilder AddCampaignScheduling(this IHostApplicationBuilder builder, string? campaignId = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(CampaignSchedulerOptions.SectionName);
        builder.Services.AddOptions<CampaignSchedulerOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignSchedulerOptions>, CampaignSchedulerOptionsValidator>());

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(campaignId is null ? SchedulerScope.All : SchedulerScope.Only(campaignId));
        builder.Services.TryAddSingleton<IScenarioCatalog, StoredScenarioCatalog>();
        builder.Services.TryAddSingleton<LineLimiter>();
        builder.Services.TryAddSingleton<CampaignTriggers>();
        builder.Services.TryAddSingleton<CampaignCallSettler>();
        builder.Services.TryAddSingleton<CampaignScheduler>();

        // Quartz is configured before the container exists, so these settings are read from configuration directly;
        // out-of-range values are clamped here and reported by the validator when the host starts.
        var settings = section.Get<CampaignSchedulerOptions>() ?? new CampaignSchedulerOptions();
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "qashopper-campaigns";

                // The drain service interrupts the calls still running at the end of the grace period; Quartz's own stop
                // then finds nothing to wait for.
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenNotWaitingForJobs;
            });
            q.UseDefaultThreadPool(Math.Clamp(settings.MaxConcurrentCalls, 1, 64));
            q.UseInMemoryStore(o => o.MisfireThreshold = settings.MisfireThreshold > TimeSpan.Zero ? settings.MisfireThreshold : TimeSpan.FromMinutes(1));
        });

        // Hosted services start in order and stop in reverse: recovery before Quartz fires; the drain stops first.
        builder.Services.AddHostedService<CampaignRecoveryService>();
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<CampaignDrainService>();

        // The host's own stop timeout must outlast the grace period and the interrupted calls' recording, or Quartz gives
        // up waiting and the store closes under running calls.
        // Clamped to the validator's range: the largest TimeSpan plus anything overflows before the validator can say so.
        var grace = settings.StopGracePeriod < TimeSpan.Zero ? TimeSpan.Zero
            : settings.StopGracePeriod > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1)
            : settings.StopGracePeriod;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = grace + CampaignDrainService.InterruptWait + TimeSpan.FromSeconds(30));
        return builder;
    }
}
