using System.Runtime.CompilerServices;
using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;
using QaShopper.Tests.Scenarios;
using QaShopper.Tests.Support;
using QaShopper.Tests.Stores;

namespace QaShopper.Tests.Calls;

public sealed class CallRunnerTests
{
    private static readonly Scenario Example = ScenarioParser.Parse(ExampleScenario.Yaml, "example.yaml").Scenario!;

    private IStoreHarness harness = null!;
    private FakeTranscriber transcriber = null!;

    private IResultStore Store => harness.Results;

    [SetUp]
    public async Task SetUp()
    {
        harness = await LiteDbHarness.CreateAsync(new TestClock());
        transcriber = new FakeTranscriber();
    }

    [TearDown]
    public void TearDown() => harness.Dispose();

    [Test]
    public async Task Run_AnsweredRecordedCall_StoresTranscriptScoreAndTruth()
    {
        var runner = Runner(new FakeCarrier(answered: true));
        await Store.SaveAgentAsync(new AgentRecord("sarah", "Sarah Lee", "1042", "Leeds"));

        var outcome = await runner.RunAsync(Request("call-1"));

        var stored = await Store.GetCallAsync("call-1");
        Assert.That(outcome.Score, Is.Not.Null);
        Assert.That(outcome.Score!.Agent, Is.EqualTo("sarah"));
        Assert.That(stored!.Call.Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(stored.Call.AnsweredAfter, Is.EqualTo(6.0));
        Assert.That(stored.Call.RecordingPath, Is.EqualTo("call-1.wav"));
        Assert.That(stored.Call.Transcript, Is.Not.Null);
        Assert.That(stored.Call.AgentId, Is.EqualTo("sarah"));
        Assert.That(stored.Score!.Items.Single(i => i.Id == "greeting").Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(await harness.GroundTruth.GetAsync("call-1"), Is.Not.Null);
        Assert.That(transcriber.Requests.Single().HintPhrases, Does.Contain("nine to one").And.Not.Contain("calm down"));
        Assert.That(transcriber.Requests.Single().WatchPhrases, Does.Contain("calm down"), "forbidden phrases are watched for, never hinted");
        Assert.That(transcriber.Requests.Single().CallerLines, Has.Some.StartsWith("Hi, my name is"));
        Assert.That(transcriber.Requests.Single().AnsweredAfter, Is.EqualTo(6.0));
        Assert.That(transcriber.Requests.Single().AgentNames, Is.EqualTo(new[] { "Sarah Lee" }), "the roster helps the recogniser hear names");
    }

    [Test]
    public async Task Run_HeardNameNotOnTheRoster_LeavesTheAgentUnidentified()
    {
        var runner = Runner(new FakeCarrier(answered: true));
        await Store.SaveAgentAsync(new AgentRecord("tom", "Tom", "1001", "Leeds"));

        var outcome = await runner.RunAsync(Request("call-1"));

        Assert.That(outcome.Score!.Agent, Is.Null, "'sarah' was heard but only tom works here");
        Assert.That(outcome.Score.Items.Single(i => i.Id == "agent-name").Outcome, Is.EqualTo(ItemOutcome.Passed), "the agent did give a name");
    }

    [Test]
    public async Task Run_MenuBeforeTheAnswer_CountsTheAnswerTimeFromTheLastPress()
    {
        const string Yaml = """
            id: menu
            title: Menu
            locale: en-US
            script:
              - listen: { max: 10s, until: ["press two"] }
              - press: "2"
              - listen: { max: 20s }
              - hangup
            checklist:
              - id: answer-speed
                text: Answers within three rings
                weight: 1
                answered_within: 18s
            """;
        var menu = ScenarioParser.Parse(Yaml, "menu.yaml").Scenario!;
        var request = Request("call-3") with { Scenario = ScenarioRenderer.Render(menu, new Random(1)) };
        var runner = Runner(new MenuCarrier());

        var outcome = await runner.RunAsync(request);

        Assert.That(outcome.Call.AnsweredAfter, Is.EqualTo(8.0), "answered 20 s after dialling, 8 s after the last press");
        Assert.That(outcome.Score!.Items.Single().Outcome, Is.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public async Task Run_SameCallTwice_TranscribesOnceAndStoresOneCall()
    {
        var runner = Runner(new FakeCarrier(answered: true));

        await runner.RunAsync(Request("call-1"));
        await runner.RunAsync(Request("call-1"));

        Assert.That(transcriber.Requests, Has.Count.EqualTo(1), "the pipeline is idempotent per call");
        Assert.That(await Store.GetCallsAsync(new CallQuery()), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Run_NoAnswer_StoresCallWithoutScoreOrTranscription()
    {
        var runner = Runner(new FakeCarrier(answered: false));

        var outcome = await runner.RunAsync(Request("call-2"));

        var stored = await Store.GetCallAsync("call-2");
        Assert.That(outcome.Score, Is.Null);
        Assert.That(stored!.Call.Status, Is.EqualTo(CallStatus.NoAnswer));
        Assert.That(stored.Score, Is.Null);
        Assert.That(transcriber.Requests, Is.Empty);
    }

    [Test]
    public async Task Run_ScoredCall_IsHandedToTheNotifierOnceStored()
    {
        var notifier = new RecordingNotifier(Store);
        var scorer = new ChecklistScorer(new ScoringOptions(), new TemplatePhraseResolver());
        var runner = new CallRunner(new FakeCarrier(answered: true), new CallPipeline(transcriber, scorer, Store, notifier), Store, new TestClock(), harness.GroundTruth);

        var outcome = await runner.RunAsync(Request("call-1"));

        var (call, score, storedFirst) = notifier.Calls.Single();
        Assert.That(call.CallId, Is.EqualTo("call-1"));
        Assert.That(call.Transcript, Is.Not.Null);
        Assert.That(score, Is.SameAs(outcome.Score));
        Assert.That(storedFirst, Is.True, "alerts go out about a call already stored");
    }

    private sealed class RecordingNotifier(IResultStore store) : Core.Alerts.ICallScoredNotifier
    {
        public List<(CallRecord Call, CallScore Score, bool Stored)> Calls { get; } = [];

        public void CallScored(CallRecord callRecord, CallScore score) =>
            Calls.Add((callRecord, score, store.GetCallAsync(callRecord.CallId).GetAwaiter().GetResult()?.Score is not null));
    }

    private CallRunner Runner(ICarrier carrier)
    {
        var scorer = new ChecklistScorer(new ScoringOptions(), new TemplatePhraseResolver());
        return new CallRunner(carrier, new CallPipeline(transcriber, scorer, Store), Store, new TestClock(), harness.GroundTruth);
    }

    private static CallRequest Request(string id) =>
        new(id, "+442071234567", "+447700900123", ScenarioRenderer.Render(Example, new Random(1)), null);

    private sealed class FakeCarrier(bool answered) : ICarrier
    {
        public string Name => "fake";

        public async IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new CallRinging(request.CallId, TimeSpan.Zero);
            if (!answered)
            {
                yield return new GroundTruthDrawn(request.CallId, TimeSpan.FromSeconds(30), new CallGroundTruth(request.CallId, null, new Dictionary<string, ItemOutcome> { ["answer-speed"] = ItemOutcome.Failed }, new Dictionary<string, string>()));
                yield return new CallCompleted(request.CallId, TimeSpan.FromSeconds(30), CallStatus.NoAnswer, null);
                yield break;
            }

            yield return new CallAnswered(request.CallId, TimeSpan.FromSeconds(6));
            yield return new GroundTruthDrawn(request.CallId, TimeSpan.FromSeconds(6), new CallGroundTruth(request.CallId, "sarah", new Dictionary<string, ItemOutcome> { ["greeting"] = ItemOutcome.Passed }, new Dictionary<string, string>()));
            yield return new CallCompleted(request.CallId, TimeSpan.FromSeconds(66), CallStatus.Completed, 60);
            yield return new RecordingReady(request.CallId, TimeSpan.FromSeconds(66), request.CallId + ".wav", 2);
        }
    }

    private sealed class MenuCarrier : ICarrier
    {
        public string Name => "fake";

        public async IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new CallRinging(request.CallId, TimeSpan.Zero);
            yield return new StepPlayed(request.CallId, TimeSpan.FromSeconds(10), 0);
            yield return new StepPlayed(request.CallId, TimeSpan.FromSeconds(12), 1);
            yield return new CallAnswered(request.CallId, TimeSpan.FromSeconds(20));
            yield return new StepPlayed(request.CallId, TimeSpan.FromSeconds(30), 2);
            yield return new CallCompleted(request.CallId, TimeSpan.FromSeconds(40), CallStatus.Completed, 20);
            yield return new RecordingReady(request.CallId, TimeSpan.FromSeconds(40), request.CallId + ".wav", 2);
        }
    }

    private sealed class FakeTranscriber : ITranscriber
    {
        public List<TranscriptionRequest> Requests { get; } = [];

        public string Engine => "fake";

        public bool Supports(string locale) => true;

        public Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(new Transcript(request.AnsweredAfter, 60,
            [
                new TranscriptSegment(Speaker.Agent, 0.5, 3, "Thank you for calling Acme, my name is Sarah."),
                new TranscriptSegment(Speaker.Caller, 4, 7, "When are you open on Saturday?"),
                new TranscriptSegment(Speaker.Agent, 8, 11, "From nine to one."),
            ]));
        }
    }
}
