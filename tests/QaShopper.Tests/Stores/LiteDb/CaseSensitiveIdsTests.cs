using LiteDB;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>LiteDB's default collation ignores case (measured: "a1" collided with "A1"); the store creates files ordinal.</summary>
public sealed class CaseSensitiveIdsTests
{
    [Test]
    public async Task SaveCall_IdsDifferingOnlyInCase_AreTwoCalls()
    {
        using var harness = LiteDbHarness.Create(new TestClock());

        await harness.Results.SaveCallAsync(SampleCalls.Call("A1", agentId: "Li"), SampleCalls.Score(agent: "Li", score: 10));
        await harness.Results.SaveCallAsync(SampleCalls.Call("a1", agentId: "li"), SampleCalls.Score(agent: "li", score: 90));
        await harness.Results.SaveAgentAsync(new AgentRecord("Li", "Upper", null, null));
        await harness.Results.SaveAgentAsync(new AgentRecord("li", "Lower", null, null));

        Assert.That((await harness.Results.GetCallAsync("A1"))!.Score!.Score, Is.EqualTo(10));
        Assert.That((await harness.Results.GetCallAsync("a1"))!.Score!.Score, Is.EqualTo(90));
        Assert.That((await harness.Results.GetCallsAsync(new CallQuery(AgentId: "li"))).Select(c => c.Call.CallId), Is.EqualTo(new[] { "a1" }));
        Assert.That((await harness.Results.GetAgentReportsAsync(new CallQuery())).Select(r => (r.Agent, r.AverageScore)), Is.EqualTo(new[] { ("Li", (double?)10), ("li", 90) }));
        Assert.That((await harness.Results.GetAgentsAsync()).Select(a => a.Name), Is.EqualTo(new[] { "Upper", "Lower" }));
    }

    [Test]
    public void Open_FileCreatedWithAnotherCollation_IsRefusedNamingTheFile()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        using (var raw = new LiteDatabase(new ConnectionString { Filename = database.Path, Collation = new Collation("en-US/IgnoreCase") }))
        {
            raw.GetCollection("calls").Insert(new BsonDocument { ["_id"] = "A1" });
        }

        Assert.That(
            () => LiteDbFile.Open(database.Path, new TestClock()),
            Throws.InstanceOf<StoreUnavailableException>().With.Message.Contains(Path.GetFullPath(database.Path)).And.Message.Contains("en-US/Ordinal"));

        // Refused, not half-open: the lock was released, so a fixed configuration can open another file at once.
        using var other = LiteDbHarness.Create(new TestClock());
    }
}
