using System.Globalization;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

/// <summary>Agent reports: whatever a store answers from, it must equal the builder over the same calls.</summary>
public abstract partial class ResultStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 1, 20, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Queries()
    {
        yield return new TestCaseData(new CallQuery(), 5).SetName("GetAgentReports_NoFilter_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(), 0).SetName("GetAgentReports_NoLastCalls_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(From: Start.AddDays(3).AddHours(7), To: Start.AddDays(55).AddHours(-3)), 3)
            .SetName("GetAgentReports_RangeAcrossMonthsWithPartialDays_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(From: Start.AddDays(12), To: Start.AddDays(40)), 5)
            .SetName("GetAgentReports_RangeOfWholeDays_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(From: Start.AddDays(5).AddHours(2), To: Start.AddDays(5).AddHours(20)), 5)
            .SetName("GetAgentReports_RangeWithinOneDay_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(From: Start.AddDays(11).ToOffset(TimeSpan.FromHours(2)), To: null), 5)
            .SetName("GetAgentReports_OpenEndedRangeInAnotherOffset_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(AgentId: "li"), 5).SetName("GetAgentReports_ByAgentWithCallsHeardAsOthers_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(AgentId: "tom", From: Start.AddDays(2).AddHours(5), To: Start.AddDays(60)), 4)
            .SetName("GetAgentReports_ByAgentAndRange_EqualsBuilder");
        yield return new TestCaseData(new CallQuery(ScenarioId: "refund"), 5).SetName("GetAgentReports_ByScenario_EqualsBuilder");
    }

    [TestCaseSource(nameof(Queries))]
    public async Task GetAgentReports_EqualsBuilderOverTheSameCalls(CallQuery query, int lastCalls)
    {
        await SaveRandomCallsAsync(seed: 7, count: 300);

        await AssertReportsMatchBuilderAsync(query, lastCalls);
    }

    [Test]
    public async Task GetAgentReports_AfterCallsAreReplaced_EqualsBuilder()
    {
        await SaveRandomCallsAsync(seed: 11, count: 150);

        // Saving again with other agents, scores, days and no score must take each call's old contribution out.
        await SaveRandomCallsAsync(seed: 12, count: 100);

        await AssertReportsMatchBuilderAsync(new CallQuery(), 5);
        await AssertReportsMatchBuilderAsync(new CallQuery(From: Start.AddDays(1).AddHours(13), To: Start.AddDays(45)), 5);
    }

    [Test]
    public async Task GetAgentReports_MeanOnARoundingMidpoint_EqualsBuilder()
    {
        // 83.3 and 83.4 average to 83.35 exactly; summed as doubles it is a hair off, and rounding goes with the hair.
        double[] scores = [83.3, 83.4, 70.1, 70.2, 0.1, 0.2, 99.9, 99.8, 12.3, 45.6, 78.9];
        for (var i = 0; i < scores.Length; i++)
        {
            var agent = i < 2 ? "a" : i < 4 ? "b" : i < 6 ? "c" : i < 8 ? "d" : "e";
            await Store.SaveCallAsync(
                SampleCalls.Call($"m{i}", agentId: agent, placedAt: Start.AddDays(i * 17).AddMinutes(i)),
                SampleCalls.Score(agent: agent, score: scores[i]));
        }

        await AssertReportsMatchBuilderAsync(new CallQuery(), 5);
    }

    [Test]
    public async Task GetAgentReports_AgentWithOnlyUnscoredCalls_IsReportedWithItsCalls()
    {
        await Store.SaveCallAsync(SampleCalls.Call("x1", agentId: "zoe", status: CallStatus.NoAnswer), null);

        var reports = await Store.GetAgentReportsAsync(new CallQuery());

        Assert.That(reports.Select(r => (r.Agent, r.Calls, r.AverageScore, r.LastCalls.Count)), Is.EqualTo(new[] { ("zoe", 0, (double?)null, 1) }));
        await AssertReportsMatchBuilderAsync(new CallQuery(), 5);
    }

    private async Task AssertReportsMatchBuilderAsync(CallQuery query, int lastCalls)
    {
        var expected = AgentReportBuilder.Build(await Store.GetCallsAsync(query), lastCalls);

        var actual = await Store.GetAgentReportsAsync(query, lastCalls);

        Assert.That(expected, Is.Not.Empty, "the case must report something to compare");
        Assert.That(SampleCalls.Deep(actual), Is.EqualTo(SampleCalls.Deep(expected)));
    }

    /// <summary>Calls over ten weeks and three months, in several offsets, by agents the scorer sometimes hears differently.</summary>
    private async Task SaveRandomCallsAsync(int seed, int count)
    {
        var random = new Random(seed);
        string?[] agents = ["li", "wang", "tom", "sarah", null];
        string[] items = ["greeting", "name", "offer", "closing"];
        ItemOutcome[] outcomes = Enum.GetValues<ItemOutcome>();
        Grade[] grades = Enum.GetValues<Grade>();
        for (var i = 0; i < count; i++)
        {
            var offset = TimeSpan.FromMinutes(60 * random.Next(-5, 9));
            var placed = Start.AddMinutes(random.Next(0, 70 * 24 * 60)).AddTicks(random.Next(0, 10_000_000)).ToOffset(offset);
            var callAgent = agents[random.Next(agents.Length)];
            var call = SampleCalls.Call(
                string.Create(CultureInfo.InvariantCulture, $"call-{i:D4}"),
                agentId: callAgent,
                placedAt: placed,
                status: random.Next(5) == 0 ? CallStatus.NoAnswer : CallStatus.Completed,
                scenarioId: random.Next(3) == 0 ? "refund" : "booking-change");
            CallScore? score = null;
            if (random.Next(4) != 0)
            {
                var heard = random.Next(5) == 0 ? agents[random.Next(agents.Length)] : callAgent;
                score = SampleCalls.Score(agent: heard, score: random.Next(0, 1001) / 10.0) with
                {
                    Grade = grades[random.Next(grades.Length)],
                    NeedsReview = random.Next(3) == 0,
                    Items = [.. items.Where(_ => random.Next(4) != 0).Select(id => new ItemResult(id, outcomes[random.Next(outcomes.Length)], 1, false, Evidence.Because("test")))],
                };
            }

            await Store.SaveCallAsync(call, score);
        }
    }
}
