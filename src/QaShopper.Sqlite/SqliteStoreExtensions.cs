using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.Sqlite;

/// <summary>Registers the SQLite result store with a host.</summary>
public static class SqliteStoreExtensions
{
    /// <summary>
    /// Binds <see cref="SqliteStoreOptions"/> from the <c>Store</c> section (validated at start-up) and
    /// registers <see cref="SqliteResultStore"/> as the singleton <see cref="IResultStore"/> and
    /// <see cref="SqliteCampaignStore"/> as <see cref="ICampaignStore"/> on the same file; the schema is migrated once
    /// when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddSqliteStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<SqliteStoreOptions>()
            .Bind(builder.Configuration.GetSection(SqliteStoreOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new SqliteResultStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SqliteResultStore>>()));
        builder.Services.TryAddSingleton<IResultStore>(sp => sp.GetRequiredService<SqliteResultStore>());
        builder.Services.AddHostedService(sp => new SqliteStoreMigration(sp.GetRequiredService<SqliteResultStore>()));
        builder.Services.TryAddSingleton<ICampaignStore>(sp => new SqliteCampaignStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
        return builder;
    }
}

/// <summary>Brings the schema up to date when the host starts, before anything reads or writes.</summary>
internal sealed class SqliteStoreMigration(SqliteResultStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
