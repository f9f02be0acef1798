using Microsoft.Extensions.Diagnostics.HealthChecks;
using QaShopper.Hosting;
using QaShopper.Sqlite;
using QaShopper.Tests.Sqlite;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class StoreHealthCheckTests
{
    [Test]
    public async Task Check_StoreThatCannotBeRead_IsUnhealthyWithTheReason()
    {
        using var temp = new TempDirectory();

        // Never migrated: the agents table does not exist, as with a wrong or damaged database file.
        var store = new SqliteResultStore(new SqliteStoreOptions { Path = temp.File("empty.db") }, new TestClock());

        var result = await new StoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(result.Description, Does.StartWith("the store cannot be read:"));
    }

    [Test]
    public async Task Check_MigratedStore_IsHealthy()
    {
        using var temp = new TempDirectory();
        var store = new SqliteResultStore(new SqliteStoreOptions { Path = temp.File("qa.db") }, new TestClock());
        await store.MigrateAsync();

        var result = await new StoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
    }
}
