using QaShopper.Core.Ports;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

/// <summary>The three ports of one store adapter on one fresh file, migrated as its host would at start.</summary>
public interface IStoreHarness : IDisposable
{
    IResultStore Results { get; }

    ICampaignStore Campaigns { get; }

    IGroundTruthStore GroundTruth { get; }

    ICarrierCallJournal Journal { get; }
}

/// <summary>The LiteDB adapter: one <see cref="LiteDbFile"/> shared by the three stores, as in a host.</summary>
internal sealed class LiteDbHarness : IStoreHarness
{
    private readonly TempDatabase database = new();

    private LiteDbHarness(TimeProvider clock)
    {
        File = LiteDbFile.Open(database.Path, clock);
        File.Migrate();
        Results = new LiteDbResultStore(File, clock);
        Campaigns = new LiteDbCampaignStore(File);
        GroundTruth = new LiteDbGroundTruthStore(File);
        Journal = new LiteDbCarrierCallJournal(File);
    }

    public LiteDbFile File { get; }

    public string Path => database.Path;

    public IResultStore Results { get; }

    public ICampaignStore Campaigns { get; }

    public IGroundTruthStore GroundTruth { get; }

    public ICarrierCallJournal Journal { get; }

    public static Task<IStoreHarness> CreateAsync(TimeProvider clock) => Task.FromResult<IStoreHarness>(Create(clock));

    public static LiteDbHarness Create(TimeProvider clock) => new(clock);

    public void Dispose()
    {
        File.Dispose();
        database.Dispose();
    }
}
