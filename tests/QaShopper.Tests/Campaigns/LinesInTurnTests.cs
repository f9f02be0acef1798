using QaShopper.Scheduling;
using QaShopper.Core.Campaigns;

namespace QaShopper.Tests.Campaigns;

public sealed class LinesInTurnTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static PlannedCall Call(string id, string line, int minutes) =>
        CampaignTestKit.Call(id, Start.AddMinutes(minutes), Start.AddHours(8)) with { Line = line };

    [Test]
    public void LinesInTurn_CallsBunchedOnOneLine_AlternateLinesAndKeepEachLinesOrder()
    {
        PlannedCall[] ordered = [Call("a1", "+441", 0), Call("a2", "+441", 10), Call("a3", "+441", 20), Call("b1", "+442", 30), Call("b2", "+442", 40)];

        var queue = CampaignBook.LinesInTurn(ordered);

        Assert.That(queue.Select(c => c.CallId), Is.EqualTo(new[] { "a1", "b1", "a2", "b2", "a3" }));
    }

    [Test]
    public void LinesInTurn_OneLine_IsThePlannedOrder()
    {
        PlannedCall[] ordered = [Call("a1", "+441", 0), Call("a2", "+441", 10)];

        Assert.That(CampaignBook.LinesInTurn(ordered), Is.EqualTo(ordered));
    }
}
