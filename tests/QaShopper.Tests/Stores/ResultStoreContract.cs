using QaShopper.Core.Attribution;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

/// <summary>What every <see cref="IResultStore"/> must do; derived once per adapter.</summary>
public abstract partial class ResultStoreContract
{
    private IStoreHarness harness = null!;

    private protected TestClock Clock { get; private set; } = null!;

    protected IResultStore Store => harness.Results;

    [SetUp]
    public async Task SetUpStore()
    {
        Clock = new TestClock();
        harness = await CreateAsync(Clock);
    }

    [TearDown]
    public void TearDownStore() => harness.Dispose();

    /// <summary>A fresh, migrated store of the adapter under test.</summary>
    private protected abstract Task<IStoreHarness> CreateAsync(TimeProvider clock);

    [Test]
    public async Task SaveCall_WithTranscriptScoreAndChoices_RoundTripsExactly()
    {
        var call = SampleCalls.Call();
        var score = SampleCalls.Score();

        await Store.SaveCallAsync(call, score);
        var stored = await Store.GetCallAsync("call-1");

        Assert.That(stored, Is.Not.Null);
        Assert.That(SampleCalls.Deep(stored!.Call), Is.EqualTo(SampleCalls.Deep(call)));
        Assert.That(SampleCalls.Deep(stored.Score), Is.EqualTo(SampleCalls.Deep(score)));
        Assert.That(stored.ScoredAt, Is.EqualTo(Clock.GetUtcNow()));
        Assert.That(stored.Call.Transcript!.Segments[0].Words![1].Text, Is.EqualTo("星辰航空"));
        Assert.That(stored.Call.Transcript.Segments[0].Words![2].Unconfirmed, Is.True, "a forbidden phrase's unconfirmed word stays marked");
        Assert.That(stored.Score!.Items[1].Evidence.Matches![1].Reason, Is.EqualTo("“请问您的姓名” not said"));
    }

    [Test]
    public async Task SaveCall_HowTheAgentWasMatched_RoundTrips()
    {
        var score = SampleCalls.Score() with { Agent = "sarah", AgentMatch = new AgentMatch("sir", AgentMatchKind.SoundsAlike, 0.7) };

        await Store.SaveCallAsync(SampleCalls.Call(), score);
        var stored = await Store.GetCallAsync("call-1");

        Assert.That(stored!.Score!.AgentMatch, Is.EqualTo(score.AgentMatch));
        Assert.That(stored.Score.Agent, Is.EqualTo("sarah"));
    }

    [Test]
    public async Task SaveCall_WithoutScoreOrTranscript_RoundTrips()
    {
        var call = SampleCalls.Call(status: CallStatus.NoAnswer) with { Transcript = null, AnsweredAfter = null, Duration = null, RecordingPath = null };

        await Store.SaveCallAsync(call, null);
        var stored = await Store.GetCallAsync("call-1");

        Assert.That(SampleCalls.Deep(stored!.Call), Is.EqualTo(SampleCalls.Deep(call)));
        Assert.That(stored.Score, Is.Null);
        Assert.That(stored.ScoredAt, Is.Null);
    }

    [Test]
    public async Task SaveCall_EveryStatus_RoundTrips([Values] CallStatus status)
    {
        await Store.SaveCallAsync(SampleCalls.Call(status: status), null);

        var stored = await Store.GetCallAsync("call-1");

        Assert.That(stored!.Call.Status, Is.EqualTo(status));
    }

    [Test]
    public async Task SaveCall_SameIdTwice_ReplacesCallAndScore()
    {
        await Store.SaveCallAsync(SampleCalls.Call("call-1"), SampleCalls.Score(score: 50));
        await Store.SaveCallAsync(SampleCalls.Call("call-2"), SampleCalls.Score(score: 70));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var rescored = SampleCalls.Score(score: 95) with { Grade = Grade.Excellent, Items = [.. SampleCalls.Score().Items.Take(2)] };
        var recalled = SampleCalls.Call("call-1", status: CallStatus.Completed) with { Duration = 12.5 };
        await Store.SaveCallAsync(recalled, rescored);

        var first = await Store.GetCallAsync("call-1");
        var second = await Store.GetCallAsync("call-2");
        Assert.That(SampleCalls.Deep(first!.Call), Is.EqualTo(SampleCalls.Deep(recalled)));
        Assert.That(SampleCalls.Deep(first.Score), Is.EqualTo(SampleCalls.Deep(rescored)));
        Assert.That(first.ScoredAt, Is.EqualTo(Clock.GetUtcNow()));
        Assert.That(second!.Score!.Score, Is.EqualTo(70));
        Assert.That(await Store.GetCallsAsync(new CallQuery()), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SaveCall_AgainWithoutScore_RemovesOldScore()
    {
        await Store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());

        await Store.SaveCallAsync(SampleCalls.Call(), null);

        var stored = await Store.GetCallAsync("call-1");
        Assert.That(stored!.Score, Is.Null);
        Assert.That(stored.ScoredAt, Is.Null);
    }

    [Test]
    public async Task SaveCall_DuplicateItemId_FailsAndKeepsPreviousVersion()
    {
        var original = SampleCalls.Call();
        var originalScore = SampleCalls.Score();
        await Store.SaveCallAsync(original, originalScore);
        var item = originalScore.Items[0];
        var broken = originalScore with { Score = 10, Grade = Grade.Fail, Items = [item, item] };

        Assert.That(() => Store.SaveCallAsync(original with { Status = CallStatus.Failed, Transcript = null }, broken), Throws.Exception);

        var stored = await Store.GetCallAsync("call-1");
        Assert.That(SampleCalls.Deep(stored!.Call), Is.EqualTo(SampleCalls.Deep(original)));
        Assert.That(SampleCalls.Deep(stored.Score), Is.EqualTo(SampleCalls.Deep(originalScore)));
    }

    [Test]
    public async Task SaveCall_CancelledToken_ThrowsAndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(() => Store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score(), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(await Store.GetCallAsync("call-1"), Is.Null);
    }

    [Test]
    public async Task GetCalls_ByAgent_MatchesCallOrResultAgentNewestFirst()
    {
        await Store.SaveCallAsync(SampleCalls.Call("a", agentId: "li", placedAt: SampleCalls.Monday), null);
        await Store.SaveCallAsync(SampleCalls.Call("b", agentId: null, placedAt: SampleCalls.Monday.AddHours(1)), SampleCalls.Score(agent: "li"));
        await Store.SaveCallAsync(SampleCalls.Call("c", agentId: "wang", placedAt: SampleCalls.Monday.AddHours(2)), SampleCalls.Score(agent: "wang"));
        await Store.SaveCallAsync(SampleCalls.Call("d", agentId: "li", placedAt: SampleCalls.Monday.AddHours(3)), SampleCalls.Score(agent: null));

        var calls = await Store.GetCallsAsync(new CallQuery(AgentId: "li"));

        Assert.That(calls.Select(c => c.Call.CallId), Is.EqualTo(new[] { "d", "b", "a" }));
    }

    [Test]
    public async Task GetCalls_ByDateRange_IncludesFromExcludesTo()
    {
        var offset = TimeSpan.FromHours(8);
        for (var day = 0; day < 4; day++)
        {
            await Store.SaveCallAsync(SampleCalls.Call($"day-{day}", placedAt: SampleCalls.Monday.AddDays(day)), null);
        }

        // The bounds are given in another offset on purpose: comparison is by instant.
        var from = SampleCalls.Monday.AddDays(1).ToOffset(offset);
        var to = SampleCalls.Monday.AddDays(3).ToOffset(offset);
        var calls = await Store.GetCallsAsync(new CallQuery(From: from, To: to));

        Assert.That(calls.Select(c => c.Call.CallId), Is.EqualTo(new[] { "day-2", "day-1" }));
    }

    [Test]
    public async Task GetCalls_ByScenarioAndNoFilter_ReturnsMatching()
    {
        await Store.SaveCallAsync(SampleCalls.Call("a", scenarioId: "booking-change"), null);
        await Store.SaveCallAsync(SampleCalls.Call("b", scenarioId: "refund", placedAt: SampleCalls.Monday.AddMinutes(1)), null);

        var refunds = await Store.GetCallsAsync(new CallQuery(ScenarioId: "refund"));
        var all = await Store.GetCallsAsync(new CallQuery());

        Assert.That(refunds.Select(c => c.Call.CallId), Is.EqualTo(new[] { "b" }));
        Assert.That(all.Select(c => c.Call.CallId), Is.EqualTo(new[] { "b", "a" }));
    }

    [Test]
    public async Task GetCalls_SameInstant_OrdersByCallIdDescending()
    {
        foreach (var id in new[] { "b", "c", "a" })
        {
            await Store.SaveCallAsync(SampleCalls.Call(id), null);
        }

        var calls = await Store.GetCallsAsync(new CallQuery());

        Assert.That(calls.Select(c => c.Call.CallId), Is.EqualTo(new[] { "c", "b", "a" }));
    }

    [Test]
    public async Task GetCall_Unknown_ReturnsNull() =>
        Assert.That(await Store.GetCallAsync("nope"), Is.Null);

    [Test]
    public async Task SaveOverride_AppliesToTheEffectiveScore_KeepsAutomaticOutcomeAndSurvivesRescore()
    {
        await Store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        var first = new ItemOverride("call-1", "all-details", ItemOutcome.Passed, "qa.manager", "caller misheard", SampleCalls.Monday.AddDays(1));
        var second = new ItemOverride("call-1", "upsell", ItemOutcome.Failed, "qa.lead", null, SampleCalls.Monday.AddDays(2));

        await Store.SaveOverrideAsync(second);
        await Store.SaveOverrideAsync(first);
        await Store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score(score: 40));

        var overrides = await Store.GetOverridesAsync("call-1");
        var stored = await Store.GetCallAsync("call-1");
        Assert.That(overrides, Is.EqualTo(new[] { first, second }));
        Assert.That(stored!.Score!.Items.Single(i => i.Id == "all-details").Outcome, Is.EqualTo(ItemOutcome.Passed), "the latest override applies, also to the new score");
        Assert.That(stored.Score.Items.Single(i => i.Id == "upsell").Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(stored.AutomaticScore!.Items.Single(i => i.Id == "all-details").Outcome, Is.EqualTo(ItemOutcome.Failed), "the scorer's outcome is kept");
        Assert.That(stored.AutomaticScore.Score, Is.EqualTo(40));
    }

    [Test]
    public void SaveOverride_UnknownCall_FailsNamingTheCall() =>
        Assert.That(
            () => Store.SaveOverrideAsync(new ItemOverride("ghost", "greeting", ItemOutcome.Passed, "qa", null, SampleCalls.Monday)),
            Throws.InvalidOperationException.With.Message.Contains("'ghost'"));

    [Test]
    public async Task SaveAgent_Twice_Updates()
    {
        await Store.SaveAgentAsync(new AgentRecord("wang", "王芳", "S-002", "Shanghai"));
        await Store.SaveAgentAsync(new AgentRecord("li", "Li Lei", null, null));
        await Store.SaveAgentAsync(new AgentRecord("li", "Li Lei", "S-001", "Leeds"));

        var agents = await Store.GetAgentsAsync();

        Assert.That(agents, Is.EqualTo(new[] { new AgentRecord("li", "Li Lei", "S-001", "Leeds"), new AgentRecord("wang", "王芳", "S-002", "Shanghai") }));
    }

    [Test]
    public async Task SaveScenario_SameHashTwice_KeepsFirstAndAddsNewVersions()
    {
        var scenario = Scenario("v1-hash", "Booking change");
        await Store.SaveScenarioAsync(scenario, "id: booking-change\n");
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SaveScenarioAsync(scenario with { Title = "Renamed" }, "changed text");
        await Store.SaveScenarioAsync(Scenario("v2-hash", "Booking change v2"), "id: booking-change # v2\n");

        Assert.That(await Store.GetScenarioSourceAsync("booking-change", "v1-hash"), Is.EqualTo("id: booking-change\n"));
        Assert.That(await Store.GetScenarioSourceAsync("booking-change", "v2-hash"), Is.EqualTo("id: booking-change # v2\n"));
        Assert.That(await Store.GetScenarioSourceAsync("booking-change", "v3-hash"), Is.Null);
        Assert.That(await Store.GetScenarioSourceAsync("refund", "v1-hash"), Is.Null);
    }

    [Test]
    public async Task GetScenarioVersions_ListsEveryVersionNewestFirst_WithItsFirstSavedTime()
    {
        var first = Clock.GetUtcNow();
        await Store.SaveScenarioAsync(Scenario("v1-hash", "Booking change"), "id: booking-change\n");
        Clock.Advance(TimeSpan.FromHours(2));
        await Store.SaveScenarioAsync(Scenario("v2-hash", "Booking change v2"), "id: booking-change # v2\n");
        await Store.SaveScenarioAsync(Scenario("v1-hash", "Booking change"), "id: booking-change\n");

        var versions = await Store.GetScenarioVersionsAsync("booking-change");

        Assert.That(versions.Select(v => v.ContentHash), Is.EqualTo(new[] { "v2-hash", "v1-hash" }));
        Assert.That(versions[1].FirstSeen, Is.EqualTo(first), "saving a known version again keeps its first time");
        Assert.That(versions[0].Title, Is.EqualTo("Booking change v2"));
        Assert.That(await Store.GetScenarioVersionsAsync("refund"), Is.Empty);
    }

    private static Scenario Scenario(string hash, string title) => new(
        "booking-change",
        title,
        "zh-CN",
        null,
        CallerPersona.Empty,
        new Dictionary<string, string>(),
        [],
        [],
        GradeThresholds.Default,
        hash,
        null);
}
