using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Simulation;
using QaShopper.Tests.Audio;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Simulation;

public sealed class SimulatedCallCentreTests
{
    private const string Leeds = "+441134960001";

    private static readonly Dictionary<string, double> Perfect = new(StringComparer.Ordinal)
    {
        ["greets"] = 1, ["gives_name"] = 1, ["follows_procedure"] = 1, ["correct_information"] = 1, ["offers_more_help"] = 1,
        ["closes_politely"] = 1, ["uses_forbidden_phrase"] = 0, ["answers_slowly"] = 0, ["holds_too_long"] = 0, ["no_answer"] = 0, ["busy"] = 0,
    };

    private TempDirectory temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempDirectory();

    [TearDown]
    public void TearDown() => temp.Dispose();

    /// <summary>The shipped call centre with every agent on one profile: <see cref="Perfect"/> changed by <paramref name="changes"/>.</summary>
    private static CallCentre Forced(params (string Behaviour, double Probability)[] changes)
    {
        var centre = Shipped.CallCentre();
        var probabilities = new Dictionary<string, double>(Perfect, StringComparer.Ordinal);
        foreach (var (behaviour, probability) in changes)
        {
            probabilities[behaviour] = probability;
        }

        var profile = new BehaviourProfile("forced", probabilities);
        return centre with
        {
            Profiles = centre.Profiles.Keys.ToDictionary(k => k, _ => profile, StringComparer.Ordinal),
            Sites = [.. centre.Sites.Select(s => s with { NoAnswer = null, Busy = null })],
        };
    }

    private readonly SimulatedCallSeeds seeds = new();

    private SimulatedCallCentre NewCarrier(CallCentre centre, ISpeechSynthesizer synthesizer) => new(centre, synthesizer, temp.Path, seeds);

    private CallRequest Request(string scenarioId, int seed, string callId = "call-1", string to = Leeds)
    {
        seeds.Assign(callId, seed);
        return new(callId, to, "+447700900001", Shipped.Rendered(scenarioId, seed), null);
    }

    private static async Task<List<CallEvent>> PlaceAsync(SimulatedCallCentre carrier, CallRequest request)
    {
        var events = new List<CallEvent>();
        await foreach (var e in carrier.PlaceCallAsync(request))
        {
            events.Add(e);
        }

        return events;
    }

    private static CallGroundTruth Truth(List<CallEvent> events) => events.OfType<GroundTruthDrawn>().Single().Truth;

    [Test]
    public async Task PlaceCall_SameSeed_ProducesIdenticalRecordingAndTruth()
    {
        var carrier = NewCarrier(Shipped.CallCentre(), new FakeSynthesizer());

        var first = await PlaceAsync(carrier, Request("acme-bank-lost-card", 42, "a"));
        var second = await PlaceAsync(carrier, Request("acme-bank-lost-card", 42, "b"));

        Assert.That(File.ReadAllBytes(temp.File("a.wav")), Is.EqualTo(File.ReadAllBytes(temp.File("b.wav"))));
        Assert.That(Truth(first).Items, Is.EqualTo(Truth(second).Items));
        Assert.That(Truth(first).Behaviour, Is.EqualTo(Truth(second).Behaviour));
        Assert.That(first.Select(e => e.At), Is.EqualTo(second.Select(e => e.At)));
    }

    [Test]
    public async Task PlaceCall_DifferentSeeds_ProduceDifferentCalls()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 1, "a"));
        await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 2, "b"));

        Assert.That(File.ReadAllBytes(temp.File("a.wav")), Is.Not.EqualTo(File.ReadAllBytes(temp.File("b.wav"))));
    }

    [Test]
    public async Task PlaceCall_PerfectAgent_PassesEveryItemOfEveryEnglishScenario()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());
        foreach (var scenario in Shipped.EnglishScenarios())
        {
            var events = await PlaceAsync(carrier, Request(scenario.Id, 5, scenario.Id));
            var truth = Truth(events);

            Assert.That(truth.Items.Values, Is.All.EqualTo(ItemOutcome.Passed), $"{scenario.Id}: {string.Join(", ", truth.Items)}");
            Assert.That(truth.Items.Keys, Is.EquivalentTo(scenario.Checklist.Select(i => i.Id)));
            Assert.That(truth.AgentId, Is.Not.Null);
        }
    }

    [Test]
    public async Task PlaceCall_AgentGetsEverythingWrong_FailsEveryItemButTiming()
    {
        var carrier = NewCarrier(
            Forced(("greets", 0), ("gives_name", 0), ("follows_procedure", 0), ("correct_information", 0), ("offers_more_help", 0), ("closes_politely", 0), ("uses_forbidden_phrase", 1)),
            new FakeSynthesizer());
        foreach (var scenario in Shipped.EnglishScenarios())
        {
            var truth = Truth(await PlaceAsync(carrier, Request(scenario.Id, 5, scenario.Id)));
            foreach (var item in scenario.Checklist)
            {
                var expected = item.Check is AnsweredWithinCheck or MaxSilenceCheck ? ItemOutcome.Passed : ItemOutcome.Failed;
                Assert.That(truth.Items[item.Id], Is.EqualTo(expected), $"{scenario.Id}/{item.Id}");
            }

            Assert.That(truth.Behaviour, Does.ContainKey("forbidden_phrase"));
        }
    }

    [Test]
    public async Task PlaceCall_NoGreetingDrawn_GreetingFailsAndTheGreetingIsNeverSaid()
    {
        var synthesizer = new FakeSynthesizer();
        var carrier = NewCarrier(Forced(("greets", 0)), synthesizer);

        var truth = Truth(await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 9)));

        Assert.That(truth.Items["greeting"], Is.EqualTo(ItemOutcome.Failed));
        Assert.That(truth.Items["agent-name"], Is.EqualTo(ItemOutcome.Passed));
        Assert.That(truth.Behaviour["item:greeting"], Is.EqualTo("otherwise"));
        var spoken = synthesizer.Requests.Select(r => r.Text.ToLowerInvariant()).ToList();
        Assert.That(spoken, Has.None.Contains("thank you for calling acme bank").And.None.Contains("welcome to acme bank"));
        Assert.That(spoken, Has.Some.Contains("hello, branch enquiries"));
    }

    [Test]
    public async Task PlaceCall_AgentNameGiven_TruthNamesTheAgentTheRegexExtracts()
    {
        var synthesizer = new FakeSynthesizer();
        var carrier = NewCarrier(Forced(), synthesizer);

        var truth = Truth(await PlaceAsync(carrier, Request("nova-telecom-roaming-charges", 3)));

        var said = synthesizer.Requests.Select(r => r.Text).Single(t => t.StartsWith("My name is", StringComparison.Ordinal));
        Assert.That(said, Is.EqualTo($"My name is {char.ToUpperInvariant(truth.AgentId![0])}{truth.AgentId[1..]}."));
    }

    [Test]
    public async Task PlaceCall_SlowAnswerDrawn_AnsweredWithinFails()
    {
        var carrier = NewCarrier(Forced(("answers_slowly", 1)), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 11));

        Assert.That(Truth(events).Items["answer-speed"], Is.EqualTo(ItemOutcome.Failed));
        Assert.That(events.OfType<CallAnswered>().Single().At.TotalSeconds, Is.InRange(24, 40));
    }

    [Test]
    public async Task PlaceCall_NormalAnswer_AnsweredWithinPassesWithAMargin()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 11));

        Assert.That(Truth(events).Items["answer-speed"], Is.EqualTo(ItemOutcome.Passed));
        Assert.That(events.OfType<CallAnswered>().Single().At.TotalSeconds, Is.InRange(3, 12));
    }

    [Test]
    public async Task PlaceCall_LongHoldDrawn_MaxSilenceFailsAndBothChannelsAreSilentThen()
    {
        var carrier = NewCarrier(Forced(("holds_too_long", 1)), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("acme-bank-lost-card", 13));
        var truth = Truth(events);

        Assert.That(truth.Items["no-long-hold"], Is.EqualTo(ItemOutcome.Failed));
        var holdStart = double.Parse(truth.Behaviour["hold_start_seconds"], System.Globalization.CultureInfo.InvariantCulture);
        var hold = double.Parse(truth.Behaviour["hold_seconds"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(hold, Is.InRange(35, 55));

        var wav = WavFile.Read(events.OfType<RecordingReady>().Single().Path);
        foreach (var channel in wav.Channels)
        {
            // Only line noise (about -50 dBFS) during the hold, checked in 100 ms windows.
            for (var t = holdStart + 0.05; t + 0.1 < holdStart + hold - 0.05; t += 0.1)
            {
                var window = channel.AsSpan((int)(t * 8000), 800);
                Assert.That(ResamplerTests.Rms(window), Is.LessThan(0.01), $"speech at {t:0.0} s during the hold");
            }
        }
    }

    [Test]
    public async Task PlaceCall_ShortHold_MaxSilencePasses()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        var truth = Truth(await PlaceAsync(carrier, Request("acme-bank-lost-card", 13)));

        Assert.That(truth.Items["no-long-hold"], Is.EqualTo(ItemOutcome.Passed));
        Assert.That(double.Parse(truth.Behaviour["hold_seconds"], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(5, 15));
    }

    [TestCase("no_answer", CallStatus.NoAnswer)]
    [TestCase("busy", CallStatus.Busy)]
    public async Task PlaceCall_NotAnswered_NoRecordingAndOnlyAnswerTimeFails(string behaviour, CallStatus status)
    {
        var carrier = NewCarrier(Forced((behaviour, 1)), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 17));
        var truth = Truth(events);

        Assert.That(events[0], Is.TypeOf<CallRinging>());
        Assert.That(events[^1], Is.TypeOf<CallCompleted>().With.Property(nameof(CallCompleted.Status)).EqualTo(status));
        Assert.That(events.OfType<RecordingReady>(), Is.Empty);
        Assert.That(events.OfType<CallAnswered>(), Is.Empty);
        Assert.That(Directory.GetFiles(temp.Path), Is.Empty);
        Assert.That(truth.AgentId, Is.Null);
        foreach (var (item, outcome) in truth.Items)
        {
            Assert.That(outcome, Is.EqualTo(item == "answer-speed" ? ItemOutcome.Failed : ItemOutcome.NotApplicable), item);
        }
    }

    [Test]
    public async Task PlaceCall_Answered_EventsComeInOrder()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());
        var request = Request("acme-bank-saturday-hours", 21);

        var events = await PlaceAsync(carrier, request);

        Assert.That(events[0], Is.TypeOf<CallRinging>());
        Assert.That(events[1], Is.TypeOf<CallAnswered>());
        var steps = events.OfType<StepPlayed>().Select(s => s.StepIndex).ToList();
        Assert.That(steps, Is.EqualTo(Enumerable.Range(0, request.Scenario.Script.Count)));
        Assert.That(events[^3], Is.TypeOf<GroundTruthDrawn>());
        Assert.That(events[^2], Is.TypeOf<CallCompleted>().With.Property(nameof(CallCompleted.Status)).EqualTo(CallStatus.Completed));
        Assert.That(events[^1], Is.TypeOf<RecordingReady>().With.Property(nameof(RecordingReady.AgentChannel)).EqualTo(2));
        Assert.That(events.Select(e => e.At), Is.Ordered);
        Assert.That(events.All(e => e.CallId == "call-1"), Is.True);
        var completed = (CallCompleted)events[^2];
        Assert.That(completed.Duration, Is.EqualTo((completed.At - events[1].At).TotalSeconds).Within(0.01));
    }

    [Test]
    public async Task PlaceCall_MenuBeforeTheAgent_IsNavigatedBeforeTheAnswer()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("nova-telecom-broadband-fault", 23));

        var answered = events.OfType<CallAnswered>().Single();
        var menu = events.OfType<StepPlayed>().Where(s => s.StepIndex < 2).ToList();
        Assert.That(menu, Has.Count.EqualTo(2));
        Assert.That(menu.All(s => s.At < answered.At), Is.True);
        Assert.That(answered.At - menu[1].At, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(Truth(events).Items.Values, Is.All.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public async Task PlaceCall_Recording_IsTwoChannel8kHzPcmWithSpeechOnBoth()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("brightmart-order-delivery", 25));
        var ready = events.OfType<RecordingReady>().Single();
        var wav = WavFile.Read(ready.Path);

        Assert.That(ready.Path, Is.EqualTo(temp.File("call-1.wav")));
        Assert.That(wav.SampleRate, Is.EqualTo(8000));
        Assert.That(wav.Encoding, Is.EqualTo(WavEncoding.Pcm16));
        Assert.That(wav.Channels, Has.Count.EqualTo(2));
        Assert.That(ResamplerTests.Rms(wav.Channels[0]), Is.GreaterThan(0.03), "caller speech on channel 1");
        Assert.That(ResamplerTests.Rms(wav.Channels[1]), Is.GreaterThan(0.03), "agent speech on channel 2");
        Assert.That(wav.Duration.TotalSeconds, Is.EqualTo(events.OfType<CallCompleted>().Single().Duration!.Value).Within(0.01));
    }

    [Test]
    public async Task PlaceCall_ChineseScenario_FailsWithoutALocalVoice()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("brightmart-returns-policy-zh", 1));

        Assert.That(events, Has.Count.EqualTo(1));
        Assert.That(events[0], Is.TypeOf<CallCompleted>()
            .With.Property(nameof(CallCompleted.Status)).EqualTo(CallStatus.Failed)
            .And.Property(nameof(CallCompleted.Detail)).EqualTo("no local voice for zh-CN"));
    }

    [Test]
    public async Task PlaceCall_UnknownLine_FailsNamingTheNumber()
    {
        var carrier = NewCarrier(Forced(), new FakeSynthesizer());

        var events = await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 1, to: "+15550000000"));

        Assert.That(events.Single(), Is.TypeOf<CallCompleted>()
            .With.Property(nameof(CallCompleted.Status)).EqualTo(CallStatus.Failed)
            .And.Property(nameof(CallCompleted.Detail)).Contains("+15550000000 is not a line"));
    }

    [Test]
    public async Task PlaceCall_ManySeeds_OutcomesVaryAcrossTheCentre()
    {
        var carrier = NewCarrier(Shipped.CallCentre(), new FakeSynthesizer());
        var statuses = new HashSet<CallStatus>();
        var agents = new HashSet<string>(StringComparer.Ordinal);
        var failedItems = 0;
        var lines = carrier.Lines;
        for (var seed = 0; seed < 40; seed++)
        {
            var events = await PlaceAsync(carrier, Request("acme-bank-saturday-hours", seed, $"c{seed}", lines[seed % lines.Count]));
            statuses.Add(events.OfType<CallCompleted>().Single().Status);
            var truth = events.OfType<GroundTruthDrawn>().SingleOrDefault()?.Truth;
            if (truth?.AgentId is { } agent)
            {
                agents.Add(agent);
                failedItems += truth.Items.Values.Count(o => o == ItemOutcome.Failed);
            }
        }

        Assert.That(agents, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(failedItems, Is.GreaterThan(0));
        Assert.That(statuses, Does.Contain(CallStatus.Completed));
    }

    [Test]
    public async Task PlaceCall_RealFlite_ProducesARecording()
    {
        if (!File.Exists("/usr/bin/flite"))
        {
            Assert.Ignore("flite is not installed");
        }

        var flite = new QaShopper.LocalSpeech.FliteSynthesizer(new QaShopper.LocalSpeech.FliteOptions { CacheDirectory = temp.File("tts") });
        var carrier = NewCarrier(Forced(), flite);

        var events = await PlaceAsync(carrier, Request("acme-bank-saturday-hours", 31));
        var wav = WavFile.Read(events.OfType<RecordingReady>().Single().Path);

        Assert.That(wav.Duration.TotalSeconds, Is.InRange(20, 120));
        Assert.That(ResamplerTests.Rms(wav.Channels[1]), Is.GreaterThan(0.01));
    }
}
