using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Campaigns;
using QaShopper.Sqlite;
using Quartz;

namespace QaShopper.Hosting;

/// <summary>Registers the campaign scheduler: Quartz on the result store's SQLite file, the job, recovery and options.</summary>
internal static class CampaignSchedulerExtensions
{
    /// <summary>
    /// Binds <see cref="CampaignSchedulerOptions"/> from <c>Scheduler</c> (validated at start-up) and adds Quartz with
    /// its persistent store in the <c>Store:Path</c> database (tables created when missing), the start-up recovery, and
    /// <see cref="CampaignScheduler"/>. Needs <c>AddSqliteStore</c>, a carrier and the call pipeline registered too.
    /// </summary>
    public static IHostApplicationBuilder AddCampaignScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(CampaignSchedulerOptions.SectionName);
        builder.Services.AddOptions<CampaignSchedulerOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignSchedulerOptions>, CampaignSchedulerOptionsValidator>());

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IScenarioCatalog, DirectoryScenarioCatalog>();
        builder.Services.TryAddSingleton<LineLimiter>();
        builder.Services.TryAddSingleton<CampaignTriggers>();
        builder.Services.TryAddSingleton<CampaignCallSettler>();
        builder.Services.TryAddSingleton<CampaignScheduler>();

        // Quartz is configured before the container exists, so these settings are read from configuration directly;
        // out-of-range values are clamped here and reported by the validator when the host starts.
        var settings = section.Get<CampaignSchedulerOptions>() ?? new CampaignSchedulerOptions();
        var database = Path.GetFullPath(builder.Configuration.GetSection(SqliteStoreOptions.SectionName)[nameof(SqliteStoreOptions.Path)] ?? SqliteStoreOptions.DefaultPath);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "qashopper-campaigns";

                // Only a stop that does not wait cancels the calls in progress (see WaitForCallsOnShutdown).
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenNotWaitingForJobs;
            });
            q.UseDefaultThreadPool(Math.Clamp(settings.MaxConcurrentCalls, 1, 64));
            q.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={database};Default Timeout=30");
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(o => o.MisfireThreshold = settings.MisfireThreshold > TimeSpan.Zero ? settings.MisfireThreshold : TimeSpan.FromMinutes(1));
            });
        });

        // Registered before Quartz's hosted service: hosted services start in order, and recovery must come first.
        builder.Services.AddHostedService<CampaignRecoveryService>();
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = settings.WaitForCallsOnShutdown);
        return builder;
    }
}
