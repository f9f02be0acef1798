
namespace QaShopper.Tests.Stores.LiteDb;

public sealed class LiteDbResultStoreContract : ResultStoreContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => LiteDbHarness.CreateAsync(clock);
}

public sealed class LiteDbCampaignStoreContract : CampaignStoreContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => LiteDbHarness.CreateAsync(clock);

    // LiteDB only: the SQLite adapter never stored ScenarioVersions (it reads them back empty), and is to be deleted.
    [Test]
    public async Task SaveCampaign_ScenarioVersions_RoundTrip()
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal) { ["example"] = "hash-1", ["refund.v2"] = "hash-2" };

        await Store.SaveCampaignAsync(Scheduled() with { ScenarioVersions = versions }, [Due("acme-0001")]);

        var read = (await Store.GetCampaignAsync("acme"))!;
        Assert.That(read.ScenarioVersions, Is.EquivalentTo(versions));
        Assert.That((await Store.GetCampaignsAsync()).Single().ScenarioVersions, Is.EquivalentTo(versions));
    }
}

public sealed class LiteDbGroundTruthStoreContract : GroundTruthStoreContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => LiteDbHarness.CreateAsync(clock);
}

public sealed class LiteDbCarrierCallJournalContract : CarrierCallJournalContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => LiteDbHarness.CreateAsync(clock);

    private protected override IStoreHarness Reopen(IStoreHarness harness)
    {
        var path = ((LiteDbHarness)harness).Path;
        ((LiteDbHarness)harness).File.Dispose();
        return new ReopenedLiteDb(path);
    }

    /// <summary>The same data file opened again, as a restarted host would.</summary>
    private sealed class ReopenedLiteDb : IStoreHarness
    {
        private readonly QaShopper.LiteDb.LiteDbFile file;

        public ReopenedLiteDb(string path)
        {
            file = QaShopper.LiteDb.LiteDbFile.Open(path, TimeProvider.System);
            file.Migrate();
            Journal = new QaShopper.LiteDb.LiteDbCarrierCallJournal(file);
        }

        public QaShopper.Core.Ports.IResultStore Results => throw new NotSupportedException();

        public QaShopper.Core.Ports.ICampaignStore Campaigns => throw new NotSupportedException();

        public QaShopper.Core.Ports.IGroundTruthStore GroundTruth => throw new NotSupportedException();

        public QaShopper.Core.Ports.ICarrierCallJournal Journal { get; }

        public void Dispose() => file.Dispose();
    }
}
