using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

/// <summary>What every <see cref="IGroundTruthStore"/> must do; derived once per adapter.</summary>
public abstract class GroundTruthStoreContract
{
    private IStoreHarness harness = null!;

    private IGroundTruthStore Store => harness.GroundTruth;

    [SetUp]
    public async Task SetUpStore() => harness = await CreateAsync(new TestClock());

    [TearDown]
    public void TearDownStore() => harness.Dispose();

    /// <summary>A fresh, migrated store of the adapter under test.</summary>
    private protected abstract Task<IStoreHarness> CreateAsync(TimeProvider clock);

    [Test]
    public async Task SaveGroundTruth_StoredCall_RoundTripsAndReplaces()
    {
        await harness.Results.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        var truth = new CallGroundTruth(
            "call-1",
            "sarah",
            new Dictionary<string, ItemOutcome> { ["greeting"] = ItemOutcome.Passed, ["closing"] = ItemOutcome.Failed, ["upsell"] = ItemOutcome.NotApplicable },
            new Dictionary<string, string> { ["greets"] = "true", ["ring_seconds"] = "7.5", ["script[0].say"] = "", ["$odd"] = " spaced " });

        await Store.SaveAsync(truth);
        await Store.SaveAsync(truth with { AgentId = "tom" });
        var stored = await Store.GetAsync("call-1");

        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.AgentId, Is.EqualTo("tom"));
        Assert.That(stored.Items, Is.EquivalentTo(truth.Items));
        Assert.That(stored.Behaviour, Is.EquivalentTo(truth.Behaviour));
    }

    [Test]
    public async Task GetGroundTruth_RealCall_IsNull()
    {
        await harness.Results.SaveCallAsync(SampleCalls.Call(), null);

        Assert.That(await Store.GetAsync("call-1"), Is.Null);
    }

    [Test]
    public void SaveGroundTruth_UnknownCall_ThrowsNamingTheCall()
    {
        var truth = new CallGroundTruth("nope", null, new Dictionary<string, ItemOutcome>(), new Dictionary<string, string>());

        Assert.That(() => Store.SaveAsync(truth), Throws.InvalidOperationException.With.Message.Contains("nope"));
    }
}
