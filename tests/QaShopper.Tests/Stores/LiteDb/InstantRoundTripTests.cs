using QaShopper.Core.Campaigns;
using QaShopper.Core.Results;
using QaShopper.Tests.Campaigns;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>
/// LiteDB cuts a DateTime to milliseconds and stores a DateTimeOffset as UTC without its offset (measured:
/// 01:30:15.1234567+02:00 came back 23:30:15.123+00:00); the store keeps UTC ticks and offset minutes instead.
/// </summary>
public sealed class InstantRoundTripTests
{
    private static readonly DateTimeOffset Odd = new DateTimeOffset(2026, 3, 2, 1, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    [Test]
    public void Odd_HasSevenDecimalTicksAndAnOffset() =>
        Assert.That(Odd.ToString("o", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("2026-03-02T01:30:15.1234567+02:00"));

    [Test]
    public async Task Call_PlacedAndScoredAt_RoundTripWithTicksAndOffset()
    {
        using var harness = LiteDbHarness.Create(new TestClock(Odd.AddMinutes(1)));

        await harness.Results.SaveCallAsync(SampleCalls.Call(placedAt: Odd), SampleCalls.Score());
        await harness.Results.SaveOverrideAsync(new ItemOverride("call-1", "greeting", ItemOutcome.Failed, "qa", null, Odd.AddHours(1)));

        var stored = (await harness.Results.GetCallAsync("call-1"))!;
        AssertExactly(stored.Call.PlacedAt, Odd);
        AssertExactly(stored.ScoredAt!.Value, Odd.AddMinutes(1));
        AssertExactly((await harness.Results.GetCallsAsync(new CallQuery(From: Odd, To: Odd.AddTicks(1))))[0].Call.PlacedAt, Odd);
        AssertExactly((await harness.Results.GetOverridesAsync("call-1"))[0].At, Odd.AddHours(1));
        AssertExactly((await harness.Results.GetAgentReportsAsync(new CallQuery()))[0].LastCalls[0].PlacedAt, Odd);
    }

    [Test]
    public async Task Campaign_TimesAndEvents_RoundTripWithTicksAndOffset()
    {
        using var harness = LiteDbHarness.Create(new TestClock(Odd));
        var planned = CampaignTestKit.Call("acme-0001", Odd.AddHours(1), Odd.AddHours(3));

        await harness.Campaigns.SaveCampaignAsync(new ScheduledCampaign(CampaignTestKit.Campaign(), "c", 1, Odd, "now", new Dictionary<string, string>()), [new PlannedCallDue(planned, Odd.AddMinutes(30))]);
        await harness.Campaigns.TryStartAsync("acme-0001", "acme-0001", Odd.AddHours(1).AddTicks(3));

        var campaign = (await harness.Campaigns.GetCampaignAsync("acme"))!;
        var call = (await harness.Campaigns.GetCallAsync("acme-0001"))!;
        var events = await harness.Campaigns.GetEventsAsync("acme-0001");
        AssertExactly(campaign.StartedAt, Odd);
        AssertExactly(call.Call.At, Odd.AddHours(1));
        AssertExactly(call.Call.WindowEnd, Odd.AddHours(3));
        AssertExactly(call.DueAt, Odd.AddMinutes(30));
        AssertExactly(events[0].At, Odd);
        AssertExactly(events[1].At, Odd.AddHours(1).AddTicks(3));
    }

    // DateTimeOffset equality ignores the offset; the ticks and the offset are both compared.
    private static void AssertExactly(DateTimeOffset actual, DateTimeOffset expected) =>
        Assert.That((actual.Ticks, actual.Offset), Is.EqualTo((expected.Ticks, expected.Offset)));
}
