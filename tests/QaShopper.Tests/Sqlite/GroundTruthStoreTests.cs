using QaShopper.Core.Results;
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
    public async Task SaveGroundTruth_StoredCall_RoundTripsAndReplaces()
    {
        await store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        var truth = new CallGroundTruth(
            "call-1",
            "sarah",
            new Dictionary<string, ItemOutcome> { ["greeting"] = ItemOutcome.Passed, ["closing"] = ItemOutcome.Failed },
            new Dictionary<string, string> { ["greets"] = "true", ["ring_seconds"] = "7.5" });

        await store.SaveGroundTruthAsync(truth);
        await store.SaveGroundTruthAsync(truth with { AgentId = "tom" });
        var stored = await store.GetGroundTruthAsync("call-1");

        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.AgentId, Is.EqualTo("tom"));
        Assert.That(stored.Items, Is.EquivalentTo(truth.Items));
        Assert.That(stored.Behaviour, Is.EquivalentTo(truth.Behaviour));
    }

    [Test]
    public async Task GetGroundTruth_RealCall_IsNull()
    {
        await store.SaveCallAsync(SampleCalls.Call(), null);

        Assert.That(await store.GetGroundTruthAsync("call-1"), Is.Null);
    }

    [Test]
    public void SaveGroundTruth_UnknownCall_ThrowsNamingTheCall()
    {
        var truth = new CallGroundTruth("nope", null, new Dictionary<string, ItemOutcome>(), new Dictionary<string, string>());

        Assert.That(() => store.SaveGroundTruthAsync(truth), Throws.InvalidOperationException.With.Message.Contains("nope"));
    }

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
