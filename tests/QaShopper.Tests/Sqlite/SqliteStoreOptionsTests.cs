using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;
using QaShopper.Sqlite;

namespace QaShopper.Tests.Sqlite;

public sealed class SqliteStoreOptionsTests
{
    private TempDatabase database = null!;

    [SetUp]
    public void SetUp() => database = new TempDatabase();

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public void Defaults_Path_IsDataQaShopperDb() =>
        Assert.That(new SqliteStoreOptions().Path, Is.EqualTo("data/qashopper.db"));

    [TestCase("")]
    [TestCase("   ")]
    public void Open_EmptyPath_FailsNamingTheSetting(string path) =>
        Assert.That(() => SqliteResultStore.Open(path, TimeProvider.System), Throws.ArgumentException.With.Message.Contains("Store:Path"));

    [Test]
    public void Open_DirectoryPath_FailsNamingTheSetting()
    {
        Directory.CreateDirectory(database.Directory);

        Assert.That(
            () => SqliteResultStore.Open(database.Directory, TimeProvider.System),
            Throws.ArgumentException.With.Message.Contains("Store:Path").And.Message.Contains("directory"));
    }

    [Test]
    public async Task Open_RelativePath_ResolvesAgainstCurrentDirectoryAndCreatesDirectory()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, database.Path);

        var store = SqliteResultStore.Open(relative, TimeProvider.System);
        await store.MigrateAsync();

        Assert.That(store.DatabasePath, Is.EqualTo(Path.GetFullPath(database.Path)));
        Assert.That(File.Exists(database.Path), Is.True);
    }

    [Test]
    public void AddSqliteStore_EmptyPath_FailsAtStartNamingTheSetting()
    {
        // No StopAsync: a host whose start failed has nothing to stop, and .NET 10 throws if asked.
        using var host = BuildHost(string.Empty);

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(ex.Message, Does.Contain("Store:Path"));
    }

    [Test]
    public async Task AddSqliteStore_ValidPath_RegistersSingletonStoreAndClock()
    {
        using var host = BuildHost(database.Path);
        await host.StartAsync();

        var store = host.Services.GetRequiredService<IResultStore>();

        Assert.That(store, Is.InstanceOf<SqliteResultStore>());
        Assert.That(host.Services.GetRequiredService<IResultStore>(), Is.SameAs(store));
        Assert.That(((SqliteResultStore)store).DatabasePath, Is.EqualTo(database.Path));
        Assert.That(host.Services.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
        await host.StopAsync();
    }

    private static IHost BuildHost(string path)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = path });
        builder.AddSqliteStore();
        return builder.Build();
    }
}
