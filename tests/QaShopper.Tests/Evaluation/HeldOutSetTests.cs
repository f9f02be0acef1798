using System.Collections.Concurrent;
using System.Text.Json;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.LocalSpeech;
using QaShopper.Simulation;
using QaShopper.Tests.Audio;
using QaShopper.Tests.LocalSpeech;
using QaShopper.Tests.Cli;
using QaShopper.Tests.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Evaluation;

/// <summary>
/// The held-out evaluation set (<c>eval/held-out/</c>): valid, kept apart from the tuning set, and evaluated end to end
/// by <c>eval --set held-out</c> through the same call runner and pipeline.
/// </summary>
public sealed class HeldOutSetTests
{
    private static string Folder => RepoPaths.Combine("eval", "held-out");

    private static CallCentre HeldOutCallCentre() => CallCentreLoader.Load(Path.Combine(Folder, "call-centre.yaml"));

    private static List<Scenario> HeldOutScenarios() =>
        [.. Directory.GetFiles(Folder, "*.yaml")
            .Where(f => !f.EndsWith("call-centre.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ScenarioParser.Parse(File.ReadAllText(f), f).Scenario ?? throw new InvalidOperationException($"{f} does not parse"))];

    [Test]
    public async Task Validate_HeldOutFolder_EveryScenarioIsValid()
    {
        var run = await CliRunner.RunAsync("validate", Folder);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out + run.Error, Does.Contain("3 scenario file(s) valid"), run.ToString());
    }

    [Test]
    public void Coverage_HeldOutCallCentre_LoadsAndCoversEveryItemOfEveryHeldOutScenario()
    {
        var centre = HeldOutCallCentre();
        var scenarios = HeldOutScenarios();

        Assert.That(scenarios, Has.Count.EqualTo(3));
        foreach (var scenario in scenarios)
        {
            Assert.That(CallCentreCoverage.Check(centre, ScenarioRenderer.Render(scenario, new Random(3))), Is.Empty, scenario.Id);
        }
    }

    [Test]
    public void HeldOutSet_SharesNoScenarioCompanyAgentOrAgentVoiceWithTheTuningSet()
    {
        var heldOut = HeldOutCallCentre();
        var tuning = Shipped.CallCentre();

        Assert.That(heldOut.Scenarios.Keys, Is.Not.Empty.And.No.AnyOf([.. tuning.Scenarios.Keys]));
        Assert.That(heldOut.Scenarios.Values.Select(s => s.Company), Has.No.AnyOf([.. tuning.Scenarios.Values.Select(s => s.Company)]));
        Assert.That(heldOut.Agents.Select(a => a.Id), Has.No.AnyOf([.. tuning.Agents.Select(a => a.Id)]));
        Assert.That(heldOut.Agents.Select(a => a.Voice), Has.No.AnyOf([.. tuning.Agents.Select(a => a.Voice)]), "held-out agents speak in voices no tuning agent uses");
        Assert.That(HeldOutScenarios().Select(s => s.Id), Has.No.AnyOf([.. Shipped.Scenarios().Select(s => s.Id)]));
    }

    [Test]
    public void HeldOutSet_SomeAgentsSpeakWithEspeakNg_AnEngineNoTuningAgentUses()
    {
        var heldOut = HeldOutCallCentre();
        var espeakAgents = heldOut.Agents.Where(a => EspeakSynthesizer.IsEspeakVoice(a.Voice)).ToList();

        Assert.That(espeakAgents, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(espeakAgents.Select(a => a.Site).Distinct().Count(), Is.GreaterThanOrEqualTo(2), "spread over the sites");
        Assert.That(espeakAgents.Select(a => a.Voice).Distinct().Count(), Is.EqualTo(espeakAgents.Count), "each with a voice of their own");
        Assert.That(Shipped.CallCentre().Agents.Where(a => EspeakSynthesizer.IsEspeakVoice(a.Voice)), Is.Empty);
        Assert.That(Shipped.CallCentre().CallerVoices.Where(EspeakSynthesizer.IsEspeakVoice), Is.Empty);
    }

    /// <summary>Remembers the voices asked for on the way to the real engines.</summary>
    private sealed class VoiceLog(ISpeechSynthesizer inner) : ISpeechSynthesizer
    {
        public ConcurrentBag<(string? Voice, int Rate)> Spoken { get; } = [];

        public string Engine => inner.Engine;

        public IReadOnlyList<string> VoicesFor(string locale) => inner.VoicesFor(locale);

        public async Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        {
            var clip = await inner.SynthesizeAsync(request, cancellationToken);
            Spoken.Add((request.Voice, clip.SampleRate));
            return clip;
        }
    }

    [Test]
    public async Task PlaceCall_HeldOutEspeakAgent_SpeaksTheirLinesWithEspeakNgOnTheRecording()
    {
        if (!PhoneCall.FliteInstalled || !PhoneCall.EspeakInstalled)
        {
            Assert.Ignore("flite and espeak-ng must be installed (eng/setup.sh installs them)");
        }

        using var temp = new TempDirectory();
        var centre = HeldOutCallCentre();
        var agent = centre.Agents.First(a => EspeakSynthesizer.IsEspeakVoice(a.Voice));
        var site = centre.Sites.Single(s => s.Id == agent.Site);

        // Only this agent works at the site, and always answers, so the call is theirs.
        var answering = centre.Profiles.ToDictionary(
            p => p.Key,
            p => p.Value with { Probabilities = new Dictionary<string, double>(p.Value.Probabilities) { ["no_answer"] = 0, ["busy"] = 0 } },
            StringComparer.Ordinal);
        centre = centre with
        {
            Agents = [.. centre.Agents.Where(a => a.Site != agent.Site || a.Id == agent.Id)],
            Profiles = answering,
            Sites = [.. centre.Sites.Select(s => s with { NoAnswer = null, Busy = null })],
        };
        var synthesizer = new VoiceLog(new VoiceRoutingSynthesizer(
            new FliteSynthesizer(new FliteOptions { CacheDirectory = temp.File("tts") }),
            new EspeakSynthesizer(new EspeakOptions { CacheDirectory = temp.File("tts") })));
        var seeds = new SimulatedCallSeeds();
        seeds.Assign("held-out-espeak", 5);
        var scenario = ScenarioRenderer.Render(HeldOutScenarios().First(s => centre.Scenarios.ContainsKey(s.Id)), new Random(5));
        var carrier = new SimulatedCallCentre(centre, synthesizer, temp.File("recordings"), seeds);

        var events = new List<CallEvent>();
        await foreach (var e in carrier.PlaceCallAsync(new CallRequest("held-out-espeak", site.Lines[0], "+447700900001", scenario, null)))
        {
            events.Add(e);
        }

        Assert.That(events.OfType<GroundTruthDrawn>().Single().Truth.AgentId, Is.EqualTo(agent.Id));
        Assert.That(synthesizer.Spoken.Where(s => s.Voice == agent.Voice).ToList(), Is.Not.Empty.And.All.Matches<(string?, int Rate)>(s => s.Rate == 22050),
            "the agent's lines were spoken by espeak-ng");
        Assert.That(synthesizer.Spoken.Where(s => s.Voice != agent.Voice), Has.All.Matches<(string?, int Rate)>(s => s.Rate == 16000), "the caller's by flite");
        var wav = WavFile.Read(events.OfType<RecordingReady>().Single().Path);
        Assert.That(ResamplerTests.Rms(wav.Channels[1]), Is.GreaterThan(0.01), "the agent's channel has speech");
    }

    [Test]
    public async Task Eval_HeldOutSet_PlacesAndScoresHeldOutCallsEndToEnd()
    {
        // Two calls through synthesis, the phone line, recording, pocketsphinx and the scorer: about 20 s on two cores.
        var run = await CliRunner.RunAsync("eval", "--set", "held-out", "--held-out", Folder, "--calls", "2", "--seed", "7", "--json");

        Assert.That(run.ExitCode, Is.AnyOf(0, 1), run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("set").GetString(), Is.EqualTo("held-out"));
        Assert.That(root.GetProperty("calls").GetInt32(), Is.GreaterThanOrEqualTo(1), run.ToString());
        Assert.That(root.GetProperty("items").GetInt32(), Is.GreaterThan(0));
        var heldOutIds = HeldOutScenarios().Select(s => s.Id).ToList();
        var scored = root.GetProperty("perItem").EnumerateArray().Select(i => i.GetProperty("scenario").GetString()).Distinct().ToList();
        Assert.That(scored, Is.Not.Empty.And.SubsetOf(heldOutIds), "only held-out scenarios were evaluated");

        // The kept calls scored again by the same scorer come to the same figures, without placing or transcribing.
        var again = await CliRunner.RunAsync("eval", "--set", "held-out", "--held-out", Folder, "--seed", "7", "--rescore", "--json", "--details");
        Assert.That(again.ExitCode, Is.AnyOf(0, 1), again.ToString());
        using var rescored = JsonDocument.Parse(again.Out);
        foreach (var figure in new[] { "calls", "items", "falseFails", "falsePasses", "uncertainItems", "callsNeedingReview" })
        {
            Assert.That(rescored.RootElement.GetProperty(figure).GetInt32(), Is.EqualTo(root.GetProperty(figure).GetInt32()), figure);
        }

        // Every call counted under the voice its agent speaks in the held-out call centre, the same when scored again.
        var callCentre = File.ReadAllText(Path.Combine(Folder, "call-centre.yaml"));
        var byVoice = root.GetProperty("byVoice").EnumerateArray().Select(v => (Voice: v.GetProperty("voice").GetString()!, Calls: v.GetProperty("calls").GetInt32())).ToList();
        Assert.That(byVoice.Sum(v => v.Calls), Is.EqualTo(root.GetProperty("calls").GetInt32()), run.Out);
        Assert.That(byVoice.Select(v => v.Voice), Is.All.Matches<string>(v => callCentre.Contains($"voice: {v}", StringComparison.Ordinal) || callCentre.Contains($"voice: \"{v}\"", StringComparison.Ordinal)));
        Assert.That(rescored.RootElement.GetProperty("byVoice").EnumerateArray().Select(v => (v.GetProperty("voice").GetString()!, v.GetProperty("calls").GetInt32())), Is.EqualTo(byVoice));

        Assert.That(rescored.RootElement.GetProperty("disagreements").GetArrayLength(),
            Is.EqualTo(root.GetProperty("items").GetInt32() - (int)Math.Round(root.GetProperty("itemAgreement").GetDouble() * root.GetProperty("items").GetInt32())));

        var sweep = await CliRunner.RunAsync("eval", "--set", "held-out", "--held-out", Folder, "--seed", "7", "--trade-off", "--json");
        Assert.That(sweep.ExitCode, Is.EqualTo(0), sweep.ToString());
        using var rows = JsonDocument.Parse(sweep.Out);
        var heldOutRows = rows.RootElement.GetProperty("held-out").EnumerateArray().ToList();
        Assert.That(heldOutRows.Select(r => r.GetProperty("setting").GetString()).Distinct(), Does.Contain("ReliableSpeechConfidence").And.Contain("MisheardSimilarity").And.Contain("ReliableCallConfidence"));
        Assert.That(heldOutRows.Count(r => r.GetProperty("configured").GetBoolean()), Is.EqualTo(5), "one configured value per setting swept");
    }

    [Test]
    public async Task Eval_RescoreWithoutKeptCalls_SaysToRunTheEvalFirst()
    {
        var run = await CliRunner.RunAsync("eval", "--set", "held-out", "--held-out", Folder, "--seed", "987654", "--rescore");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error, Does.Contain("run the same eval without --rescore first"), run.ToString());
    }

    [Test]
    public async Task Eval_HeldOutSetWithScenariosOption_RefusesWithOneLine()
    {
        var run = await CliRunner.RunAsync("eval", "--set", "held-out", "--scenarios", RepoPaths.Combine("scenarios"), "--calls", "1");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error, Does.Contain("--held-out DIR"), run.ToString());
    }

    [Test]
    public async Task Eval_HeldOutFolderWithoutCallCentre_RefusesNamingTheFolder()
    {
        using var temp = new TempDirectory();

        var run = await CliRunner.RunAsync("eval", "--set", "held-out", "--held-out", temp.Path, "--calls", "1");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error, Does.Contain("has no call-centre.yaml"), run.ToString());
    }

    [Test]
    public async Task Eval_UnknownSet_IsRejected()
    {
        var run = await CliRunner.RunAsync("eval", "--set", "training");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error, Does.Contain("training"), run.ToString());
    }
}
