using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Tests.Calls;

public sealed class CallerScriptsTests
{
    private const string Yaml = """
        id: script-test
        title: Script test
        locale: en-US
        caller:
          name: "{{pick 'Emma' 'Liam'}}"
        script:
          - listen: { max: 20s }
          - say: "Hello, this is {{caller.name}}."
          - listen: { max: 20s }
          - press: "2"
          - say: "{{pick 'Thanks' 'Thank you'}}, that's all."
          - hangup
        checklist:
          - id: greeting
            text: Greets
            weight: 10
            match: { any: ["thank you for calling"] }
        """;

    private static Scenario Parse(string yaml) => ScenarioParser.Parse(yaml, "script-test.yaml").Scenario!;

    [Test]
    public void For_RecordedChoices_GivesTheLinesAsSpokenAndTonesInScriptOrder()
    {
        var scenario = Parse(Yaml);
        var rendered = ScenarioRenderer.Render(scenario, new Random(3));

        var turns = CallerScripts.For(scenario, rendered.Choices);

        var spoken = rendered.Script.OfType<SayStep>().Select(s => s.Text).ToList();
        Assert.That(turns.Select(t => t.Words), Is.EqualTo(new[] { spoken[0], null, spoken[1] }));
    }

    [Test]
    public void For_ChoicesNotRecorded_IsEmptyRatherThanAGuess()
    {
        var scenario = Parse(Yaml);

        Assert.That(CallerScripts.For(scenario, new Dictionary<string, string>()), Is.Empty);
    }

    [Test]
    public void WordsNeeded_OnlyWhenAnItemListensToTheCallersWords()
    {
        Assert.That(CallerScripts.WordsNeeded(Parse(Yaml)), Is.False, "agent items and timing items need no caller words");
        Assert.That(CallerScripts.WordsNeeded(Parse(Yaml + "\n  - id: caller-thanks\n    text: Caller thanks\n    weight: 5\n    speaker: caller\n    match: { any: [\"thank you\"] }\n")), Is.True);
        Assert.That(CallerScripts.WordsNeeded(Parse(Yaml + "\n  - id: anyone-bye\n    text: Someone says bye\n    weight: 5\n    speaker: any\n    match: { any: [\"goodbye\"] }\n")), Is.True);
        Assert.That(CallerScripts.WordsNeeded(Parse(Yaml + "\n  - id: quiet\n    text: No long silence\n    weight: 5\n    speaker: caller\n    max_silence: 30s\n")), Is.False, "a timing item looks at no words");
    }

    [Test]
    public async Task TranscribeAsync_PlacedCallWithoutCallerItems_AsksForTimingOnlyOnTheCallersSide()
    {
        var scenario = Parse(Yaml);
        var transcriber = new RecordingTranscriber();
        var choices = ScenarioRenderer.Render(scenario, new Random(1)).Choices;

        await CallPipeline.TranscribeAsync("call.wav", 1, 2.0, scenario, transcriber, templateChoices: choices);

        var request = transcriber.Requests.Single();
        Assert.That(request.CallerWordsNeeded, Is.False);
        Assert.That(request.CallerScript, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task TranscribeAsync_RecordingFromElsewhere_DecodesTheCaller()
    {
        var scenario = Parse(Yaml);
        var transcriber = new RecordingTranscriber();

        await CallPipeline.TranscribeAsync("call.wav", 1, 2.0, scenario, transcriber);

        var request = transcriber.Requests.Single();
        Assert.That(request.CallerWordsNeeded, Is.True, "no recorded choices: the caller need not have followed the script");
        Assert.That(request.CallerScript, Is.Empty);
    }

    [Test]
    public async Task TranscribeAsync_ItemListeningToTheCaller_DecodesTheCallerEvenWithTheScript()
    {
        var scenario = Parse(Yaml + "\n  - id: caller-thanks\n    text: Caller thanks\n    weight: 5\n    speaker: caller\n    match: { any: [\"thank you\"] }\n");
        var transcriber = new RecordingTranscriber();
        var choices = ScenarioRenderer.Render(scenario, new Random(1)).Choices;

        await CallPipeline.TranscribeAsync("call.wav", 1, 2.0, scenario, transcriber, templateChoices: choices);

        Assert.That(transcriber.Requests.Single().CallerWordsNeeded, Is.True);
    }

    [Test]
    public async Task TranscribeAsync_ScenarioWithANamePattern_GivesTheRecogniserItsIntroductionsWithTheRosterNames()
    {
        var scenario = Parse(Yaml + "\n  - id: agent-name\n    text: Gives their name\n    weight: 5\n    match: { regex: \"(this is|you're speaking with) (?<agent>[a-z]+)\" }\n");
        var transcriber = new RecordingTranscriber();

        await CallPipeline.TranscribeAsync("call.wav", 1, 2.0, scenario, transcriber, ["Fiona Reed"]);

        Assert.That(transcriber.Requests.Single().NameIntroductions, Is.EquivalentTo(new[] { "this is fiona", "you're speaking with fiona" }));
    }

    private sealed class RecordingTranscriber : ITranscriber
    {
        public List<TranscriptionRequest> Requests { get; } = [];

        public string Engine => "recording";

        public bool Supports(string locale) => true;

        public Task<Core.Transcripts.Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(new Core.Transcripts.Transcript(request.AnsweredAfter, 60, []));
        }
    }
}
