namespace QaShopper.Tests.Stores;

// The SQLite adapter held to the same contracts until it is deleted.

public sealed class SqliteResultStoreContract : ResultStoreContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => SqliteHarness.CreateAsync(clock);
}

public sealed class SqliteCampaignStoreContract : CampaignStoreContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => SqliteHarness.CreateAsync(clock);
}

public sealed class SqliteGroundTruthStoreContract : GroundTruthStoreContract
{
    private protected override Task<IStoreHarness> CreateAsync(TimeProvider clock) => SqliteHarness.CreateAsync(clock);
}
