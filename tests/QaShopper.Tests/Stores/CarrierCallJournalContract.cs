using QaShopper.Core.Ports;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

/// <summary>What every <see cref="ICarrierCallJournal"/> must do; derived once per adapter.</summary>
public abstract class CarrierCallJournalContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private IStoreHarness harness = null!;
    private IStoreHarness? reopened;

    private ICarrierCallJournal Journal => (reopened ?? harness).Journal;

    [SetUp]
    public async Task SetUpStore() => harness = await CreateAsync(new TestClock());

    [TearDown]
    public void TearDownStore()
    {
        reopened?.Dispose();
        harness.Dispose();
    }

    /// <summary>A fresh, migrated store of the adapter under test.</summary>
    private protected abstract Task<IStoreHarness> CreateAsync(TimeProvider clock);

    /// <summary>Closes the store and opens the same data again, as a restarted host would.</summary>
    private protected abstract IStoreHarness Reopen(IStoreHarness harness);

    private static CarrierCallEvent Status(string sid, int sequence, string status, int second) =>
        new("status", $"status:{sid}:{sequence}", sequence, T0.AddSeconds(second), new Dictionary<string, string> { ["CallStatus"] = status });

    [Test]
    public async Task Open_Twice_KeepsTheFirstPlan()
    {
        await Journal.OpenAsync("c1", "twilio", "plan-1", T0);
        var again = await Journal.OpenAsync("c1", "twilio", "plan-2", T0.AddMinutes(1));

        Assert.That(again.Plan, Is.EqualTo("plan-1"));
        Assert.That(again.OpenedAt, Is.EqualTo(T0));
        Assert.That(again.FinishedAt, Is.Null);
    }

    [Test]
    public async Task Append_DuplicateKey_IsStoredOnce()
    {
        await Journal.OpenAsync("c1", "twilio", "p", T0);

        var first = await Journal.AppendAsync("c1", Status("CA1", 1, "ringing", 1));
        var second = await Journal.AppendAsync("c1", Status("CA1", 1, "answered", 2));

        Assert.That((first, second), Is.EqualTo((true, false)));
        var call = await Journal.GetAsync("c1");
        Assert.That(call!.Events.Select(e => e["CallStatus"]), Is.EqualTo(new[] { "ringing" }));
    }

    [Test]
    public void Append_UnknownCall_Throws()
    {
        Assert.That(() => Journal.AppendAsync("nope", Status("CA1", 0, "initiated", 0)), Throws.InvalidOperationException.With.Message.Contains("nope"));
    }

    [Test]
    public async Task Get_OutOfOrderStatus_IsInSequenceOrderAndOtherKindsKeepArrival()
    {
        await Journal.OpenAsync("c1", "twilio", "p", T0);
        await Journal.AppendAsync("c1", Status("CA1", 3, "completed", 30));
        await Journal.AppendAsync("c1", new CarrierCallEvent("step", "step:0", null, T0.AddSeconds(5), new Dictionary<string, string>()));
        await Journal.AppendAsync("c1", Status("CA1", 1, "ringing", 1));
        await Journal.AppendAsync("c1", Status("CA1", 2, "answered", 3));
        await Journal.AppendAsync("c1", Status("CA1", 0, "initiated", 0));

        var call = await Journal.GetAsync("c1");

        Assert.That(call!.Events.Where(e => e.Kind == "status").Select(e => e["CallStatus"]),
            Is.EqualTo(new[] { "initiated", "ringing", "answered", "completed" }));
        Assert.That(call.Events[1].Key, Is.EqualTo("step:0"));
        Assert.That(call.Events[1].ReceivedAt, Is.EqualTo(T0.AddSeconds(5)));
    }

    [Test]
    public async Task ListInFlight_OnlyOpenCallsOfTheCarrier()
    {
        await Journal.OpenAsync("a", "twilio", "p", T0);
        await Journal.OpenAsync("b", "twilio", "p", T0.AddSeconds(1));
        await Journal.OpenAsync("c", "other", "p", T0);
        var finished = await Journal.FinishAsync("a", T0.AddMinutes(2));
        var again = await Journal.FinishAsync("a", T0.AddMinutes(3));

        Assert.That((finished, again), Is.EqualTo((true, false)));
        Assert.That(await Journal.ListInFlightAsync("twilio"), Is.EqualTo(new[] { "b" }));
        Assert.That((await Journal.GetAsync("a"))!.FinishedAt, Is.EqualTo(T0.AddMinutes(2)));
    }

    [Test]
    public async Task Reopen_CallInFlight_IsFoundWithItsEvents()
    {
        await Journal.OpenAsync("c1", "twilio", "plan", T0);
        await Journal.AppendAsync("c1", Status("CA1", 1, "ringing", 1));

        reopened = Reopen(harness);

        Assert.That(await Journal.ListInFlightAsync("twilio"), Is.EqualTo(new[] { "c1" }));
        var call = await Journal.GetAsync("c1");
        Assert.That(call!.Plan, Is.EqualTo("plan"));
        Assert.That(call.Events.Single().Data["CallStatus"], Is.EqualTo("ringing"));
        Assert.That(await Journal.AppendAsync("c1", Status("CA1", 1, "ringing", 1)), Is.False);
    }
}
