using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Sqlite.Migrations;

namespace QaShopper.Sqlite;

/// <summary>
/// <see cref="IResultStore"/> on one SQLite file. Thread-safe: every operation opens its own pooled
/// connection, and every write is a single transaction.
/// </summary>
public sealed partial class SqliteResultStore : IResultStore, IGroundTruthStore
{
    private readonly SqliteConnectionFactory connections;
    private readonly SchemaMigrator migrator;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a store on the file named by <paramref name="options"/>; its directory is created when missing.</summary>
    /// <exception cref="ArgumentException"><see cref="SqliteStoreOptions.Path"/> is empty or a directory.</exception>
    public SqliteResultStore(SqliteStoreOptions options, TimeProvider timeProvider, ILogger<SqliteResultStore>? logger = null)
        : this(options, timeProvider, logger, migrations: null)
    {
    }

    /// <summary>For tests: a store whose schema history is <paramref name="migrations"/> instead of the shipped one.</summary>
    internal SqliteResultStore(SqliteStoreOptions options, TimeProvider timeProvider, ILogger? logger, IReadOnlyList<Migration>? migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var error = SqliteStoreOptionsValidator.Check(options.Path);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        this.timeProvider = timeProvider;
        connections = new SqliteConnectionFactory(options.Path);
        migrator = new SchemaMigrator(connections, timeProvider, logger ?? NullLogger.Instance, migrations);
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestSchemaVersion => SchemaMigrations.LatestVersion;

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => connections.FullPath;

    /// <summary>Opens a store on <paramref name="path"/>, for example from a <c>--db</c> option that overrides configuration.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or a directory.</exception>
    public static SqliteResultStore Open(string path, TimeProvider timeProvider, ILogger<SqliteResultStore>? logger = null) =>
        new(new SqliteStoreOptions { Path = path }, timeProvider, logger);

    /// <summary>Creates the store or brings its schema up to date.</summary>
    /// <exception cref="SchemaTooNewException">The database was written by a newer build; it is left unchanged.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => migrator.MigrateAsync(cancellationToken);

    /// <summary>The highest schema version applied to the database; 0 when it has never been migrated.</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => migrator.ReadVersionAsync(cancellationToken);

    /// <inheritdoc />
    public async Task SaveScenarioAsync(Scenario scenario, string sourceText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(sourceText);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scenarios (id, content_hash, title, locale, source_text, first_seen_at)
            VALUES (@Id, @ContentHash, @Title, @Locale, @SourceText, @FirstSeenAt)
            ON CONFLICT (id, content_hash) DO NOTHING
            """,
            new
            {
                scenario.Id,
                scenario.ContentHash,
                scenario.Title,
                scenario.Locale,
                SourceText = sourceText,
                FirstSeenAt = StoreText.Time(timeProvider.GetUtcNow()),
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<string?> GetScenarioSourceAsync(string scenarioId, string contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT source_text FROM scenarios WHERE id = @Id AND content_hash = @Hash",
            new { Id = scenarioId, Hash = contentHash },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Core.Reports.AgentReport>> GetAgentReportsAsync(CallQuery query, int lastCalls = 5, CancellationToken cancellationToken = default) =>
        Core.Reports.AgentReportBuilder.Build(await GetCallsAsync(query, cancellationToken).ConfigureAwait(false), lastCalls);

    /// <inheritdoc />
    public async Task SaveAgentAsync(AgentRecord agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Id, nameof(agent));

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO agents (id, name, staff_number, site) VALUES (@Id, @Name, @StaffNumber, @Site)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, staff_number = excluded.staff_number, site = excluded.site
            """,
            new { agent.Id, agent.Name, agent.StaffNumber, agent.Site },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentRecord>> GetAgentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgentRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, staff_number AS StaffNumber, site AS Site FROM agents ORDER BY id",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AgentRecord(r.Id, r.Name, r.StaffNumber, r.Site))];
    }

    /// <inheritdoc />
    public async Task SaveOverrideAsync(ItemOverride itemOverride, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemOverride);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemOverride.CallId, nameof(itemOverride));
        ArgumentException.ThrowIfNullOrWhiteSpace(itemOverride.ItemId, nameof(itemOverride));
        ArgumentException.ThrowIfNullOrWhiteSpace(itemOverride.Reviewer, nameof(itemOverride));

        await using var connection = await connections.OpenAsync(cancellationToken);

        // Checked here rather than left to the foreign key so the caller learns which call is missing.
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM calls WHERE call_id = @CallId", new { itemOverride.CallId }, cancellationToken: cancellationToken));
        if (known == 0)
        {
            throw new InvalidOperationException($"Cannot override item '{itemOverride.ItemId}': no call '{itemOverride.CallId}' is stored.");
        }

        // Always an insert: every override is kept, so the review trail shows who changed what and when.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO item_overrides (call_id, item_id, outcome, reviewer, note, at)
            VALUES (@CallId, @ItemId, @Outcome, @Reviewer, @Note, @At)
            """,
            new
            {
                itemOverride.CallId,
                itemOverride.ItemId,
                Outcome = StoreText.Enum(itemOverride.Outcome),
                itemOverride.Reviewer,
                itemOverride.Note,
                At = StoreText.Time(itemOverride.At),
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ItemOverride>> GetOverridesAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OverrideRow>(new CommandDefinition(
            """
            SELECT call_id AS CallId, item_id AS ItemId, outcome AS Outcome, reviewer AS Reviewer, note AS Note, at AS At
            FROM item_overrides WHERE call_id = @CallId ORDER BY at, id
            """,
            new { CallId = callId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ItemOverride(
            r.CallId, r.ItemId, StoreText.ParseEnum<ItemOutcome>(r.Outcome), r.Reviewer, r.Note, StoreText.ParseTime(r.At)))];
    }
}
