using QaShopper.Core.Campaigns;
using QaShopper.Sqlite;
using QaShopper.Sqlite.Migrations;
using QaShopper.Tests.Sqlite;

namespace QaShopper.Tests.Campaigns;

public sealed class SqliteCampaignStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TempDatabase database = null!;
    private SqliteResultStore results = null!;
    private SqliteCampaignStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = new TempDatabase();
        results = SqliteResultStore.Open(database.Path, new TestClock(Now));
        await results.MigrateAsync();
        store = SqliteCampaignStore.Open(database.Path);
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task Migrate_VersionTwoDatabase_AddsCampaignTablesKeepingCalls()
    {
        using var old = new TempDatabase();
        var v2 = new SqliteResultStore(new SqliteStoreOptions { Path = old.Path }, new TestClock(), null, [.. SchemaMigrations.All.Take(2)]);
        await v2.MigrateAsync();
        await v2.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());

        var current = SqliteResultStore.Open(old.Path, new TestClock());
        await current.MigrateAsync();

        Assert.That(await current.GetSchemaVersionAsync(), Is.EqualTo(3));
        Assert.That(await current.GetCallAsync("call-1"), Is.Not.Null);
        Assert.That(old.Scalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('campaigns', 'campaign_calls', 'campaign_call_events')"), Is.EqualTo(3));
        var campaigns = SqliteCampaignStore.Open(old.Path);
        Assert.That(await campaigns.SaveCampaignAsync(Scheduled(), [Due("acme-0001")]), Has.Count.EqualTo(1));
    }

    private static ScheduledCampaign Scheduled(Campaign? campaign = null) =>
        new(campaign ?? CampaignTestKit.Campaign(), "campaign: acme", 42, Now, "now", new Dictionary<string, string>());

    private static PlannedCallDue Due(string callId) =>
        new(CampaignTestKit.Call(callId, Now.AddHours(1), Now.AddHours(3)), Now);
}
