using Dapper;
using Microsoft.Data.Sqlite;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Sqlite;

namespace QaShopper.Tests.Sqlite;

public sealed class SqliteResultStoreTests
{
    private TempDatabase database = null!;
    private TestClock clock = null!;
    private SqliteResultStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = new TempDatabase();
        clock = new TestClock();
        store = SqliteResultStore.Open(database.Path, clock);
        await store.MigrateAsync();
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [TestCase(CallStatus.Completed, "completed")]
    [TestCase(CallStatus.NoAnswer, "no_answer")]
    [TestCase(CallStatus.Cancelled, "cancelled")]
    public async Task SaveCall_Status_IsStoredAsSnakeCaseText(CallStatus status, string text)
    {
        await store.SaveCallAsync(SampleCalls.Call(status: status), null);

        Assert.That(database.Scalar<string>("SELECT status FROM calls"), Is.EqualTo(text));
    }

    [Test]
    public async Task SaveCall_Score_StoresProjectionsAndReadableJson()
    {
        await store.SaveCallAsync(SampleCalls.Call(agentId: "li"), SampleCalls.Score(agent: "wang"));

        using var connection = database.OpenRaw();
        var result = connection.QuerySingle<(double Score, string Grade, long NeedsReview, string AgentId, string Json)>(
            "SELECT score, grade, needs_review, agent_id, result_json FROM results");
        Assert.That(result.Score, Is.EqualTo(83.3));
        Assert.That(result.Grade, Is.EqualTo("good"));
        Assert.That(result.NeedsReview, Is.EqualTo(1));
        Assert.That(result.AgentId, Is.EqualTo("wang"), "the agent the scorer identified wins over the planned one");
        Assert.That(result.Json, Does.Contain("\"grade\":\"good\"").And.Contain("\"outcome\":\"not_applicable\"").And.Contain("星辰航空"));
        Assert.That(result.Json, Does.Not.Contain("\"start\":null"), "null evidence fields are left out");

        var items = connection.Query<(string ItemId, long Ordinal, string Outcome, long Critical)>(
            "SELECT item_id, ordinal, outcome, critical FROM result_items ORDER BY ordinal").ToList();
        Assert.That(items.Select(i => i.ItemId), Is.EqualTo(new[] { "greeting", "all-details", "answer-time", "silence", "upsell" }));
        Assert.That(items.Select(i => i.Outcome), Is.EqualTo(new[] { "passed", "failed", "passed", "uncertain", "not_applicable" }));
        Assert.That(items[0].Critical, Is.EqualTo(1));
        var transcriptJson = connection.ExecuteScalar<string>("SELECT transcript_json FROM calls");
        Assert.That(transcriptJson, Does.Contain("\"speaker\":\"agent\"").And.Contain("\"words\":["));
    }

    [Test]
    public async Task SaveCall_NoAgentOnScore_UsesCallAgent()
    {
        await store.SaveCallAsync(SampleCalls.Call(agentId: "li"), SampleCalls.Score(agent: null));

        Assert.That(database.Scalar<string>("SELECT agent_id FROM results"), Is.EqualTo("li"));
    }

    [Test]
    public async Task SaveCall_SameCallIdTwice_ReplacesScoreKeepsOthers()
    {
        await store.SaveCallAsync(SampleCalls.Call("call-1"), SampleCalls.Score(score: 50));
        await store.SaveCallAsync(SampleCalls.Call("call-2"), SampleCalls.Score(score: 70));
        clock.Advance(TimeSpan.FromMinutes(5));

        var rescored = SampleCalls.Score(score: 95) with { Grade = Grade.Excellent, Items = [.. SampleCalls.Score().Items.Take(2)] };
        await store.SaveCallAsync(SampleCalls.Call("call-1", status: CallStatus.Completed), rescored);

        var first = await store.GetCallAsync("call-1");
        var second = await store.GetCallAsync("call-2");
        Assert.That(SampleCalls.Deep(first!.Score), Is.EqualTo(SampleCalls.Deep(rescored)));
        Assert.That(first.ScoredAt, Is.EqualTo(clock.GetUtcNow()));
        Assert.That(second!.Score!.Score, Is.EqualTo(70));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM calls"), Is.EqualTo(2));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM results"), Is.EqualTo(2));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM result_items WHERE call_id = 'call-1'"), Is.EqualTo(2));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM result_items WHERE call_id = 'call-2'"), Is.EqualTo(5));
    }

    [Test]
    public async Task SaveCall_AgainWithoutScore_RemovesOldScore()
    {
        await store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());

        await store.SaveCallAsync(SampleCalls.Call(), null);

        Assert.That((await store.GetCallAsync("call-1"))!.Score, Is.Null);
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM result_items"), Is.Zero);
    }

    [Test]
    public async Task SaveCall_DuplicateItemId_FailsAndKeepsPreviousVersion()
    {
        var original = SampleCalls.Call();
        var originalScore = SampleCalls.Score();
        await store.SaveCallAsync(original, originalScore);
        var item = originalScore.Items[0];
        var broken = originalScore with { Score = 10, Grade = Grade.Fail, Items = [item, item] };

        Assert.That(
            () => store.SaveCallAsync(original with { Status = CallStatus.Failed, Transcript = null }, broken),
            Throws.InstanceOf<SqliteException>());

        var stored = await store.GetCallAsync("call-1");
        Assert.That(SampleCalls.Deep(stored!.Call), Is.EqualTo(SampleCalls.Deep(original)));
        Assert.That(SampleCalls.Deep(stored.Score), Is.EqualTo(SampleCalls.Deep(originalScore)));
        Assert.That(database.Scalar<long>("SELECT COUNT(*) FROM result_items"), Is.EqualTo(5));
    }

    [Test]
    public async Task SaveOverride_KeepsAutomaticOutcomeAndSurvivesRescore()
    {
        await store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score());
        var first = new ItemOverride("call-1", "all-details", ItemOutcome.Passed, "qa.manager", "caller misheard", SampleCalls.Monday.AddDays(1));
        var second = new ItemOverride("call-1", "upsell", ItemOutcome.Failed, "qa.lead", null, SampleCalls.Monday.AddDays(2));

        await store.SaveOverrideAsync(second);
        await store.SaveOverrideAsync(first);
        await store.SaveCallAsync(SampleCalls.Call(), SampleCalls.Score(score: 40));

        var overrides = await store.GetOverridesAsync("call-1");
        var stored = await store.GetCallAsync("call-1");
        Assert.That(overrides, Is.EqualTo(new[] { first, second }));
        Assert.That(stored!.Score!.Items.Single(i => i.Id == "all-details").Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(database.Scalar<string>("SELECT outcome FROM result_items WHERE item_id = 'all-details'"), Is.EqualTo("failed"));
    }

    [Test]
    public async Task SaveScenario_SameHashTwice_KeepsFirstAndAddsNewVersions()
    {
        var scenario = Scenario("v1-hash", "Booking change");
        await store.SaveScenarioAsync(scenario, "id: booking-change\n");
        clock.Advance(TimeSpan.FromDays(1));
        await store.SaveScenarioAsync(scenario with { Title = "Renamed" }, "changed text");
        await store.SaveScenarioAsync(Scenario("v2-hash", "Booking change v2"), "id: booking-change # v2\n");

        using var connection = database.OpenRaw();
        var rows = connection.Query<(string Hash, string Title, string Source, string FirstSeen)>(
            "SELECT content_hash, title, source_text, first_seen_at FROM scenarios ORDER BY content_hash").ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo(("v1-hash", "Booking change", "id: booking-change\n", "2026-03-02T09:00:00.0000000+00:00")));
        Assert.That(rows[1].FirstSeen, Is.EqualTo("2026-03-03T09:00:00.0000000+00:00"));
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
