using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaShopper.Hosting;
using QaShopper.LiteDb;
using QaShopper.Tests.AzureSpeech;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class StoreHealthCheckTests
{
    [Test]
    public async Task Check_StoreThatCannotBeRead_IsUnhealthyWithAFixedReasonAndLogsTheDetails()
    {
        using var temp = new TempDirectory();
        var clock = new TestClock();
        var file = LiteDbFile.Open(temp.File("qa.db"), clock);
        file.Migrate();
        var store = new LiteDbResultStore(file, clock);
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        // A store whose file was closed under it, as after a failed disk or a stopped host.
        file.Dispose();
        var result = await new StoreHealthCheck(store, factory.CreateLogger<StoreHealthCheck>()).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(result.Description, Is.EqualTo("store unavailable"), "the reason is fixed: the store's error text names files");
        Assert.That(result.Exception, Is.Null, "an exception on the result could reach a response writer");
        Assert.That(logs.All, Does.Contain("the store cannot be read").And.Contain(nameof(ObjectDisposedException)));
    }

    [Test]
    public async Task Check_MigratedStore_IsHealthy()
    {
        using var temp = new TempDirectory();
        var clock = new TestClock();
        using var file = LiteDbFile.Open(temp.File("qa.db"), clock);
        file.Migrate();

        var result = await new StoreHealthCheck(new LiteDbResultStore(file, clock), NullLogger<StoreHealthCheck>.Instance).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
    }
}
