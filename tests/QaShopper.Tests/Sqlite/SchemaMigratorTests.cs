using Dapper;
using Microsoft.Data.Sqlite;
using QaShopper.Sqlite;
using QaShopper.Sqlite.Migrations;

namespace QaShopper.Tests.Sqlite;

public sealed class SchemaMigratorTests
{
    private static readonly Migration AddCampaignColumn = new(2, "test: calls.campaign_id", "ALTER TABLE calls ADD COLUMN campaign_id TEXT;");

    private TempDatabase database = null!;
    private TestClock clock = null!;

    [SetUp]
    public void SetUp()
    {
        database = new TempDatabase();
        clock = new TestClock();
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task Migrate_EmptyDatabase_CreatesSchemaAtLatestVersion()
    {
        var store = SqliteResultStore.Open(database.Path, clock);

        Assert.That(await store.GetSchemaVersionAsync(), Is.Zero);
        await store.MigrateAsync();

        Assert.That(await store.GetSchemaVersionAsync(), Is.EqualTo(SqliteResultStore.LatestSchemaVersion));
        using var connection = database.OpenRaw();
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ToList();
        Assert.That(tables, Is.SupersetOf(new[] { "agents", "calls", "item_overrides", "result_items", "results", "scenarios", "schema_migrations" }));
        var indexes = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'").ToList();
        Assert.That(indexes, Is.SupersetOf(new[] { "ix_calls_agent_placed", "ix_calls_placed", "ix_results_agent" }));
        var appliedAt = connection.ExecuteScalar<string>("SELECT applied_at FROM schema_migrations WHERE version = 1");
        Assert.That(appliedAt, Is.EqualTo("2026-03-02T09:00:00.0000000+00:00"));
    }

    [Test]
    public async Task Migrate_Twice_IsNoOp()
    {
        var store = SqliteResultStore.Open(database.Path, clock);
        await store.MigrateAsync();
        var before = Snapshot();

        clock.Advance(TimeSpan.FromHours(1));
        await store.MigrateAsync();

        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Migrate_OlderVersion_AppliesMissingStepsAndKeepsRows()
    {
        var old = new SqliteResultStore(new SqliteStoreOptions { Path = database.Path }, clock, null, [SchemaMigrations.All[0]]);
        await old.MigrateAsync();
        await old.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());

        var current = new SqliteResultStore(new SqliteStoreOptions { Path = database.Path }, clock, null, [SchemaMigrations.All[0], AddCampaignColumn]);
        await current.MigrateAsync();

        Assert.That(await current.GetSchemaVersionAsync(), Is.EqualTo(2));
        var stored = await current.GetCallAsync("call-1");
        Assert.That(SampleCalls.Deep(stored?.Score), Is.EqualTo(SampleCalls.Deep(SampleCalls.Score())));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM pragma_table_info('calls') WHERE name = 'campaign_id'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Migrate_FailingStep_RollsBackThatStepOnly()
    {
        var broken = new Migration(2, "test: broken", "CREATE TABLE campaigns (id TEXT); INSERT INTO no_such_table VALUES (1);");
        var store = new SqliteResultStore(new SqliteStoreOptions { Path = database.Path }, clock, null, [SchemaMigrations.All[0], broken]);

        Assert.That(() => store.MigrateAsync(), Throws.InstanceOf<SqliteException>());

        Assert.That(await store.GetSchemaVersionAsync(), Is.EqualTo(1));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'campaigns'"), Is.Zero);
    }

    [Test]
    public async Task Migrate_NewerDatabase_IsRefusedAndLeftUnchanged()
    {
        var store = SqliteResultStore.Open(database.Path, clock);
        await store.MigrateAsync();
        await store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        using (var connection = database.OpenRaw())
        {
            connection.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')");
        }

        var before = Snapshot();

        var ex = Assert.ThrowsAsync<SchemaTooNewException>(() => store.MigrateAsync());

        Assert.That(ex.Message, Does.Contain("version 99").And.Contain($"up to {SqliteResultStore.LatestSchemaVersion}").And.Contain("not changed"));
        Assert.That(ex.DatabaseVersion, Is.EqualTo(99));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Open_Connection_UsesWalAndForeignKeys()
    {
        var store = SqliteResultStore.Open(database.Path, clock);
        await store.MigrateAsync();

        // journal_mode is stored in the file, so a fresh raw connection sees it.
        Assert.That(database.Scalar<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    /// <summary>Every schema object and every history row, to prove nothing was written.</summary>
    private List<string> Snapshot()
    {
        using var connection = database.OpenRaw();
        var schema = connection.Query<string>("SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name");
        var history = connection.Query<string>("SELECT version || ' ' || name || ' ' || applied_at FROM schema_migrations ORDER BY version");
        var calls = connection.Query<string>("SELECT call_id || ' ' || status FROM calls ORDER BY call_id");
        return [.. schema, .. history, .. calls];
    }
}
