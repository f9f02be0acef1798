using Microsoft.Extensions.DependencyInjection;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Web;

/// <summary>
/// A small team for the report pages: sarah (leeds) scored in the weeks of 2 March, 9 March and (planned for, though
/// placed a week later) 16 March; tom (york) in the weeks of 9 and 23 March; alex on the roster with no call.
/// </summary>
internal static class ReportSeed
{
    public const string Range = "from=2026-03-02&to=2026-03-29";

    public static readonly DateTimeOffset Week1 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static async Task SeedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IResultStore>();
        await store.SaveAgentAsync(new AgentRecord("sarah", "Sarah Lee", "1001", "leeds"));
        await store.SaveAgentAsync(new AgentRecord("tom", "Tom Ash", "1002", "york"));
        await store.SaveAgentAsync(new AgentRecord("alex", "Alex Kay", "1003", "york"));

        await SaveAsync(store, "c1", "sarah", Week1, null, greeting: true, details: false, closing: true);
        await SaveAsync(store, "c2", "sarah", Week1.AddDays(7), null, greeting: false, details: true, closing: true);

        // Planned for the week of 16 March, placed on 24 March (a campaign run late): reported in its planned week.
        await SaveAsync(store, "c3", "sarah", Week1.AddDays(22), Week1.AddDays(14), greeting: true, details: false, closing: false);
        await SaveAsync(store, "c4", "tom", Week1.AddDays(8), null, greeting: true, details: true, closing: true);
        await SaveAsync(store, "c5", "tom", Week1.AddDays(21), null, greeting: true, details: false, closing: true);
    }

    private static Task SaveAsync(IResultStore store, string id, string agent, DateTimeOffset placed, DateTimeOffset? planned, bool greeting, bool details, bool closing)
    {
        ItemResult Item(string itemId, bool passed, double weight, bool critical) =>
            new(itemId, passed ? ItemOutcome.Passed : ItemOutcome.Failed, weight, critical, Evidence.Because("seed"));
        ItemResult[] items = [Item("greeting", greeting, 2, true), Item("details", details, 5, false), Item("closing", closing, 3, false)];
        var score = 100 * items.Where(i => i.Outcome == ItemOutcome.Passed).Sum(i => i.Weight) / 10;
        var grade = !greeting ? Grade.Fail : score >= 90 ? Grade.Excellent : score >= 70 ? Grade.Good : Grade.Pass;
        var call = new CallRecord(id, "card-block", "h1", agent, "simulated", placed, CallStatus.Completed, 3, 60, null, null, new Dictionary<string, string>(), planned);
        return store.SaveCallAsync(call, new CallScore("card-block", "h1", agent, score, grade, false, items));
    }
}
