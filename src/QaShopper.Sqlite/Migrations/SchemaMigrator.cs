using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace QaShopper.Sqlite.Migrations;

/// <summary>Brings a database up to the newest schema this build knows, one transaction per migration.</summary>
internal sealed class SchemaMigrator
{
    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    private readonly SqliteConnectionFactory connections;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly IReadOnlyList<Migration> migrations;

    public SchemaMigrator(SqliteConnectionFactory connections, TimeProvider timeProvider, ILogger logger, IReadOnlyList<Migration>? migrations = null)
    {
        this.connections = connections;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.migrations = migrations ?? SchemaMigrations.All;
        for (var i = 1; i < this.migrations.Count; i++)
        {
            if (this.migrations[i].Version <= this.migrations[i - 1].Version)
            {
                throw new ArgumentException("Migrations must be in strictly increasing version order.", nameof(migrations));
            }
        }
    }

    public int LatestVersion => migrations.Count == 0 ? 0 : migrations[^1].Version;

    /// <summary>Applies the missing migrations; returns the schema version afterwards.</summary>
    /// <exception cref="SchemaTooNewException">The database is newer than this build; nothing was written.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);

        // Read before writing anything, so a newer database is refused without even gaining a history table.
        var applied = await ReadAppliedAsync(connection, null, cancellationToken);
        ThrowIfTooNew(applied);

        await connection.ExecuteAsync(new CommandDefinition(CreateHistoryTable, cancellationToken: cancellationToken));

        foreach (var migration in migrations)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            // IMMEDIATE takes the write lock up front; re-reading inside it means two processes migrating
            // at once apply each step exactly once.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            applied = await ReadAppliedAsync(connection, transaction, cancellationToken);
            ThrowIfTooNew(applied);
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = StoreText.Time(timeProvider.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.MigrationApplied(migration.Version, migration.Name);
        }

        var version = await ReadVersionAsync(connection, cancellationToken);
        logger.SchemaReady(version);
        return version;
    }

    /// <summary>The highest applied version, or 0 for an empty database.</summary>
    public async Task<int> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadVersionAsync(connection, cancellationToken);
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var applied = await ReadAppliedAsync(connection, null, cancellationToken);
        return applied.Count == 0 ? 0 : applied.Max();
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var hasHistory = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            transaction: transaction,
            cancellationToken: cancellationToken));
        if (hasHistory == 0)
        {
            return [];
        }

        var versions = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken));
        return versions.Select(v => checked((int)v)).ToHashSet();
    }

    private void ThrowIfTooNew(HashSet<int> applied)
    {
        var newest = applied.Count == 0 ? 0 : applied.Max();
        if (newest > LatestVersion)
        {
            throw new SchemaTooNewException(newest, LatestVersion);
        }
    }
}
