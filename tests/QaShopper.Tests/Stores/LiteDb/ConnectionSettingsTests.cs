using LiteDB;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>
/// Settings the notes rule out: LiteDB's Password is AES-ECB without integrity (not a security feature), and Rebuild /
/// auto-rebuild fail on healthy files once a collection with a secondary index passes about 2,550 documents (#2827).
/// </summary>
public sealed class ConnectionSettingsTests
{
    [Test]
    public void ConnectionString_IsDirectOrdinalWithoutPasswordOrRebuild()
    {
        var settings = LiteDbFile.ConnectionStringFor("/tmp/x.db");

        Assert.That(settings.Password, Is.Null);
        Assert.That(settings.AutoRebuild, Is.False);
        Assert.That(settings.Upgrade, Is.False);
        Assert.That(settings.Connection, Is.EqualTo(ConnectionType.Direct));
        Assert.That(settings.Collation.ToString(), Is.EqualTo("en-US/Ordinal"));
    }

    [Test]
    public void Source_NeverCallsRebuildOrSetsAPassword()
    {
        var sources = Directory.GetFiles(RepoPaths.Combine("src", "QaShopper.LiteDb"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.That(sources, Is.Not.Empty);
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            Assert.That(text, Does.Not.Contain("Rebuild(").And.Not.Contain("Password ="), source);
        }
    }
}
