using Microsoft.Extensions.Diagnostics.HealthChecks;
using QaShopper.Hosting;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class StoreHealthCheckTests
{
    [Test]
    public async Task Check_StoreThatCannotBeRead_IsUnhealthyWithTheReason()
    {
        using var temp = new TempDirectory();
        var clock = new TestClock();
        var file = LiteDbFile.Open(temp.File("qa.db"), clock);
        file.Migrate();
        var store = new LiteDbResultStore(file, clock);

        // A store whose file was closed under it, as after a failed disk or a stopped host.
        file.Dispose();
        var result = await new StoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(result.Description, Does.StartWith("the store cannot be read:"));
    }

    [Test]
    public async Task Check_MigratedStore_IsHealthy()
    {
        using var temp = new TempDirectory();
        var clock = new TestClock();
        using var file = LiteDbFile.Open(temp.File("qa.db"), clock);
        file.Migrate();

        var result = await new StoreHealthCheck(new LiteDbResultStore(file, clock)).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
    }
}
