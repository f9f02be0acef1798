using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

public sealed class LiteDbFileTests
{
    private TempDatabase database = null!;

    [SetUp]
    public void SetUp() => database = new TempDatabase();

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public void Defaults_Path_IsDataQaShopperDb() =>
        Assert.That(new LiteDbStoreOptions().Path, Is.EqualTo("data/qashopper.db"));

    [TestCase("")]
    [TestCase("   ")]
    public void Open_EmptyPath_FailsNamingTheSetting(string path) =>
        Assert.That(() => LiteDbFile.Open(path, TimeProvider.System), Throws.ArgumentException.With.Message.Contains("Store:Path"));

    [Test]
    public void Open_DirectoryPath_FailsNamingTheSetting()
    {
        Directory.CreateDirectory(database.Directory);

        Assert.That(
            () => LiteDbFile.Open(database.Directory, TimeProvider.System),
            Throws.ArgumentException.With.Message.Contains("Store:Path").And.Message.Contains("directory"));
    }

    [Test]
    public void Open_SqliteFileOfAnEarlierVersion_IsRefusedNamingTheFileAndLeftUnchanged() =>
        AssertRefusedAndUnchanged([.. System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0"), .. new byte[8176]], "SQLite database from an earlier QaShopper");

    [Test]
    public void Open_FileThatIsNotADataFile_IsRefusedNamingTheFileAndLeftUnchanged() =>
        AssertRefusedAndUnchanged([.. Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7))], "not a QaShopper data file");

    private void AssertRefusedAndUnchanged(byte[] content, string message)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        File.WriteAllBytes(database.Path, content);

        Assert.That(
            () => LiteDbFile.Open(database.Path, TimeProvider.System),
            Throws.InstanceOf<StoreUnavailableException>().With.Message.Contains(database.Path).And.Message.Contains(message));

        // LiteDB itself would cut such a file to whole pages.
        Assert.That(File.ReadAllBytes(database.Path), Is.EqualTo(content));
    }

    [Test]
    public void Open_SameFileTwiceInOneProcess_IsRefusedNamingTheFile()
    {
        using var first = LiteDbFile.Open(database.Path, TimeProvider.System);

        Assert.That(
            () => LiteDbFile.Open(database.Path, TimeProvider.System),
            Throws.InstanceOf<StoreUnavailableException>().With.Message.Contains(first.FullPath).And.Message.Contains("in use by another QaShopper process"));
    }

    [Test]
    public async Task Dispose_ReleasesTheLockAndKeepsTheData()
    {
        using (var first = LiteDbFile.Open(database.Path, TimeProvider.System))
        {
            await new LiteDbResultStore(first, TimeProvider.System).SaveCallAsync(SampleCalls.Call(), null);
        }

        using var again = LiteDbFile.Open(database.Path, TimeProvider.System);
        Assert.That(await new LiteDbResultStore(again, TimeProvider.System).GetCallAsync("call-1"), Is.Not.Null);
    }

    [Test]
    public async Task Migrate_FileFromANewerBuild_IsRefusedAndLeftUnchanged()
    {
        using (var file = LiteDbFile.Open(database.Path, TimeProvider.System))
        {
            Assert.That(file.Migrate(), Is.EqualTo(LiteDbFile.SchemaVersion));
            await new LiteDbResultStore(file, TimeProvider.System).SaveCallAsync(SampleCalls.Call(), null);
        }

        using (var raw = new LiteDatabase(database.Path))
        {
            var meta = raw.GetCollection("_meta");
            var schema = meta.FindById("schema");
            schema["SchemaVersion"] = LiteDbFile.SchemaVersion + 1;
            meta.Update(schema);
        }

        using var newer = LiteDbFile.Open(database.Path, TimeProvider.System);
        Assert.That(() => newer.Migrate(), Throws.InstanceOf<StoreUnavailableException>().With.Message.Contains($"schema version {LiteDbFile.SchemaVersion + 1}").And.Message.Contains(newer.FullPath));
        Assert.That(() => new LiteDbResultStore(newer, TimeProvider.System).SaveCallAsync(SampleCalls.Call("call-2"), null), Throws.InstanceOf<StoreUnavailableException>());
    }

    [Test]
    public void AddLiteDbStore_EmptyPath_FailsAtStartNamingTheSetting()
    {
        using var host = BuildHost(string.Empty);

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(ex.Message, Does.Contain("Store:Path"));
    }

    [Test]
    public async Task AddLiteDbStore_ValidPath_MigratesAtStartSharesOneFileAndReleasesItOnDispose()
    {
        using (var host = BuildHost(database.Path))
        {
            await host.StartAsync();

            var file = host.Services.GetRequiredService<LiteDbFile>();
            Assert.That(host.Services.GetRequiredService<IResultStore>(), Is.InstanceOf<LiteDbResultStore>());
            Assert.That(host.Services.GetRequiredService<ICampaignStore>(), Is.InstanceOf<LiteDbCampaignStore>());
            Assert.That(host.Services.GetService<IGroundTruthStore>(), Is.Null, "the simulator's host maps the port itself");
            Assert.That(host.Services.GetRequiredService<LiteDbGroundTruthStore>(), Is.Not.Null);
            Assert.That(file.FullPath, Is.EqualTo(Path.GetFullPath(database.Path)));
            await host.Services.GetRequiredService<IResultStore>().SaveCallAsync(SampleCalls.Call(), null);
            await host.StopAsync();
        }

        using var reopened = LiteDbFile.Open(database.Path, TimeProvider.System);
        Assert.That(await new LiteDbResultStore(reopened, TimeProvider.System).GetCallsAsync(new CallQuery()), Has.Count.EqualTo(1));
    }

    private static IHost BuildHost(string path)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = path });
        builder.AddLiteDbStore();
        return builder.Build();
    }
}
