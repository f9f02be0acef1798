using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Reports;

public sealed class WeakestItemsTests
{
    [Test]
    public void WeakestItems_CriticalFirstThenByPointsLost_NotByName()
    {
        // "a-minor" fails every call but weighs little; "z-heavy" fails once and weighs much; "m-critical" fails once.
        static ItemResult Item(string id, bool passed, double weight, bool critical = false) =>
            new(id, passed ? ItemOutcome.Passed : ItemOutcome.Failed, weight, critical, Evidence.Because("test"));
        StoredCall Call(string id, bool minor, bool heavy, bool critical)
        {
            ItemResult[] items = [Item("a-minor", minor, 1), Item("z-heavy", heavy, 8), Item("m-critical", critical, 1, critical: true)];
            var call = new CallRecord(id, "s", "h", "ann", "import", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), CallStatus.Completed, 1, 60, null, null, new Dictionary<string, string>());
            return new StoredCall(call, new CallScore("s", "h", "ann", 50, Grade.Pass, false, items), null);
        }

        var report = AgentReportBuilder.Build([Call("1", false, false, true), Call("2", false, true, false), Call("3", false, true, true)]).Single();

        Assert.That(report.WeakestItems(3).Select(i => i.ItemId), Is.EqualTo(new[] { "m-critical", "z-heavy", "a-minor" }));
        var heavy = report.Items.Single(i => i.ItemId == "z-heavy");
        Assert.That(heavy.PointsLost, Is.EqualTo(80), "8 of the 10 applicable weight: 80 points in the one call it failed");
        Assert.That(report.Items.Single(i => i.ItemId == "a-minor").PointsLost, Is.EqualTo(30));
    }
}
