using QaShopper.Sqlite;

namespace QaShopper.Tests.Sqlite;

public sealed class GroundTruthStoreTests
{
    private TempDatabase database = null!;
    private SqliteResultStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = new TempDatabase();
        store = SqliteResultStore.Open(database.Path, new TestClock());
        await store.MigrateAsync();
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task Migrate_VersionOneDatabase_AddsGroundTruthKeepingCalls()
    {
        using var old = new TempDatabase();
        var v1 = new SqliteResultStore(new SqliteStoreOptions { Path = old.Path }, new TestClock(), null, [QaShopper.Sqlite.Migrations.SchemaMigrations.All[0]]);
        await v1.MigrateAsync();
        await v1.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());

        var current = SqliteResultStore.Open(old.Path, new TestClock());
        await current.MigrateAsync();

        Assert.That(await current.GetSchemaVersionAsync(), Is.EqualTo(SqliteResultStore.LatestSchemaVersion));
        Assert.That(await current.GetCallAsync("call-1"), Is.Not.Null);
        Assert.That(await current.GetGroundTruthAsync("call-1"), Is.Null);
    }
}
