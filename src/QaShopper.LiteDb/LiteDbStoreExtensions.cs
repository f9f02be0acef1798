using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.LiteDb;

/// <summary>Registers the LiteDB store with a host.</summary>
public static class LiteDbStoreExtensions
{
    /// <summary>
    /// Binds <see cref="LiteDbStoreOptions"/> from the <c>Store</c> section (validated at start-up) and registers one
    /// <see cref="LiteDbFile"/> (disposed with the container, which checkpoints and releases the lock), with
    /// <see cref="LiteDbResultStore"/> as <see cref="IResultStore"/>, <see cref="LiteDbCampaignStore"/> as
    /// <see cref="ICampaignStore"/> and <see cref="LiteDbGroundTruthStore"/> as itself only (a host that runs the
    /// simulator maps <see cref="IGroundTruthStore"/> to it), and <see cref="LiteDbCarrierCallJournal"/> as
    /// <see cref="ICarrierCallJournal"/>, and <see cref="LiteDbAccountStore"/> as <see cref="IAccountStore"/>, <see cref="LiteDbCalibrationStore"/> as
    /// <see cref="ICalibrationStore"/> and <see cref="LiteDbAlertLog"/> as <see cref="IAlertLog"/>. The file is migrated once when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddLiteDbStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<LiteDbStoreOptions>()
            .Bind(builder.Configuration.GetSection(LiteDbStoreOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiteDbStoreOptions>, LiteDbStoreOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new LiteDbFile(sp.GetRequiredService<IOptions<LiteDbStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp => new LiteDbResultStore(sp.GetRequiredService<LiteDbFile>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<IResultStore>(sp => sp.GetRequiredService<LiteDbResultStore>());
        builder.Services.TryAddSingleton(sp => new LiteDbCampaignStore(sp.GetRequiredService<LiteDbFile>()));
        builder.Services.TryAddSingleton<ICampaignStore>(sp => sp.GetRequiredService<LiteDbCampaignStore>());
        builder.Services.TryAddSingleton(sp => new LiteDbGroundTruthStore(sp.GetRequiredService<LiteDbFile>()));
        builder.Services.TryAddSingleton(sp => new LiteDbCarrierCallJournal(sp.GetRequiredService<LiteDbFile>()));
        builder.Services.TryAddSingleton<ICarrierCallJournal>(sp => sp.GetRequiredService<LiteDbCarrierCallJournal>());
        builder.Services.TryAddSingleton(sp => new LiteDbAccountStore(sp.GetRequiredService<LiteDbFile>()));
        builder.Services.TryAddSingleton<IAccountStore>(sp => sp.GetRequiredService<LiteDbAccountStore>());
        builder.Services.TryAddSingleton<ICalibrationStore>(sp => new LiteDbCalibrationStore(sp.GetRequiredService<LiteDbFile>()));
        builder.Services.TryAddSingleton<IAlertLog>(sp => new LiteDbAlertLog(sp.GetRequiredService<LiteDbFile>()));
        builder.Services.AddHostedService(sp => new LiteDbStoreMigration(sp.GetRequiredService<LiteDbFile>()));
        return builder;
    }
}

/// <summary>Opens and migrates the store when the host starts, so a locked or too-new file stops the host at once.</summary>
internal sealed class LiteDbStoreMigration(LiteDbFile file) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        file.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
