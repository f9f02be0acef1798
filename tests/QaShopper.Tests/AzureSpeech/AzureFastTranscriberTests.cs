using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Audio;
using QaShopper.AzureSpeech;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;
using QaShopper.Tests.Support;
using static QaShopper.Tests.Scoring.TestScenarios;

namespace QaShopper.Tests.AzureSpeech;

public sealed class AzureFastTranscriberTests
{
    private static readonly TranscriptionRequest Mono = new("call.wav", 1, 4.0, "en-US", []);

    private static string Data(string name) => File.ReadAllText(RepoPaths.Combine("tests", "QaShopper.Tests", "AzureSpeech", "Data", name));

    [TestCase("fast-transcription_multichannel_response.jsonc")]
    [TestCase("fast-transcription_multichannel_response.derived.json")]
    public void OfficialMultichannelExample_ParsesBothChannelsInTimeOrder(string file)
    {
        var transcript = FastTranscriptionJson.Parse(Data(file), Mono, null);

        Assert.That(transcript.AnsweredAfter, Is.EqualTo(4.0));
        Assert.That(transcript.Duration, Is.EqualTo(185.079).Within(1e-9));
        Assert.That(transcript.Segments.Select(s => s.Start), Is.Ordered);
        Assert.That(transcript.Segments.Select(s => (s.Speaker, s.Text)), Is.EqualTo(new[]
        {
            (Speaker.Agent, "Hello."),
            (Speaker.Agent, "Thank you for calling Contoso."),
            (Speaker.Agent, "Who am I speaking with today?"),
            (Speaker.Caller, "Hi, my name is Mary Rondo."),
            (Speaker.Caller, "I'm trying to enroll myself with Contuso."),
            (Speaker.Agent, "Hi, Mary."),
        }));
        var hello = transcript.Segments[0];
        Assert.That((hello.Start, hello.End, hello.Confidence), Is.EqualTo((0.72, 1.2, 0.9177142)));
        var thanks = transcript.Segments[1];
        Assert.That(thanks.Words!.Select(w => (w.Text, w.Start)).Take(2), Is.EqualTo(new[] { ("Thank", 1.2), ("you", 1.4) }));

        // The schema gives words no confidence: every word carries its phrase's, which the scorer reads.
        Assert.That(transcript.Segments.SelectMany(s => s.Words!.Select(w => w.Confidence == s.Confidence)), Is.All.True);
    }

    [Test]
    public void OfficialMultichannelExample_AgentOnSecondChannel_SwapsSpeakers()
    {
        var transcript = FastTranscriptionJson.Parse(Data("fast-transcription_multichannel_response.derived.json"), Mono with { AgentChannel = 2 }, null);

        Assert.That(transcript.Segments.Where(s => s.Speaker == Speaker.Agent).Select(s => s.Text),
            Is.EqualTo(new[] { "Hi, my name is Mary Rondo.", "I'm trying to enroll myself with Contuso." }));
    }

    [Test]
    public void Official2025Example_WithoutChannelSeparation_ReadsAsTheFirstChannel()
    {
        var body = JsonDocument.Parse(Data("stt-2025-10-15_transcribe_file.json")).RootElement.GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText();

        var transcript = FastTranscriptionJson.Parse(body, Mono, null);

        var weather = transcript.Segments.Single();
        Assert.That((weather.Speaker, weather.Text, weather.Start, weather.End, weather.Confidence), Is.EqualTo((Speaker.Agent, "Weather", 0.04, 0.36, 0.78983736)));
        Assert.That(weather.Words!.Single().Text, Is.EqualTo("weather"));
        Assert.That(transcript.Duration, Is.EqualTo(2.0));
    }

    [Test]
    public void StaleOfficial2024Example_OffsetAndDurationFields_IsRefusedAsAWhole()
    {
        // SOURCE.md: this example predates the 2024-11-15 schema (offset/duration); it must not half-parse.
        var body = JsonDocument.Parse(Data("stt-2024-11-15_transcribe_file.json")).RootElement.GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText();

        var error = Assert.Throws<SpeechEngineException>(() => FastTranscriptionJson.Parse(body, Mono, null));

        Assert.That(error!.Message, Does.Contain("durationMilliseconds").And.Contain("TranscribeResult"));
    }

    [Test]
    public void Response_WithoutDuration_TakesTheRecordingsLength()
    {
        const string body = """{"durationMilliseconds":0,"combinedPhrases":[],"phrases":[{"channel":1,"offsetMilliseconds":500,"durationMilliseconds":700,"text":"Hi.","confidence":0.8}]}""";

        var transcript = FastTranscriptionJson.Parse(body, Mono, 12.5);

        Assert.That(transcript.Duration, Is.EqualTo(12.5));
        Assert.That(transcript.Segments.Single().Speaker, Is.EqualTo(Speaker.Caller));
    }

    [Test]
    public async Task Request_FollowsTheSpecSubset_AndThePhraseListNeverHoldsWatchPhrases()
    {
        var recogniser = new ScriptedRecogniser(new TranscriptSegment(Speaker.Agent, 0.5, 2.5, "Thank you for calling Acme, my name is Sarah.", 0.91));
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: recogniser);
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 3);
        var request = new TranscriptionRequest(path, 1, 3.5, "en-US", ["thank you for calling Acme", "is there anything else"])
        {
            WatchPhrases = ["not my problem"],
            AgentNames = ["Sarah", "Tom"],
            CallerLines = ["When are you open?"],
        };

        var transcript = await harness.Transcriber.TranscribeAsync(request);

        var sent = harness.Emulator.TranscriptionRequests.Single();
        using var spec = JsonDocument.Parse(Data("speechtotext-2024-11-15.transcription-subset.json"));
        var operation = spec.RootElement.GetProperty("paths").GetProperty("/transcriptions:transcribe").GetProperty("post");
        var formParts = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.TryGetProperty("in", out var where) && where.GetString() == "formData")
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.That(sent.PartNames, Is.EquivalentTo(formParts));
        Assert.That(sent.ApiVersion, Is.EqualTo("2024-11-15"));
        Assert.That(sent.AudioFileName, Is.EqualTo(Path.GetFileName(path)));
        Assert.That(sent.Audio, Is.EqualTo(File.ReadAllBytes(path)));

        using var definition = JsonDocument.Parse(sent.Definition!);
        var allowed = spec.RootElement.GetProperty("definitions").GetProperty("TranscribeDefinition").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name)

            // phraseList is not in the 2024-11-15 schema subset; the 2025-10-15 schema adds it (SOURCE.md) and the docs use it.
            .Append("phraseList");
        Assert.That(definition.RootElement.EnumerateObject().Select(p => p.Name), Is.SubsetOf(allowed));
        Assert.That(definition.RootElement.GetProperty("locales").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "en-US" }));
        Assert.That(definition.RootElement.GetProperty("channels").EnumerateArray().Select(c => c.GetInt32()), Is.EqualTo(new[] { 0, 1 }));
        var phrases = definition.RootElement.GetProperty("phraseList").GetProperty("phrases").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.That(phrases, Is.SupersetOf(request.HintPhrases).And.Contains("Sarah").And.Contains("Tom"));
        Assert.That(phrases, Has.None.Contains("not my problem"));

        Assert.That(transcript.Segments.Single().Text, Is.EqualTo("Thank you for calling Acme, my name is Sarah."));
        Assert.That(transcript.AnsweredAfter, Is.EqualTo(3.5));
    }

    [Test]
    public async Task Transcribe_AgentOnEitherChannel_GetsTheRightSpeakers()
    {
        // The emulator answers the recogniser's agent on channel 0, that is WAV channel 1.
        var recogniser = new ScriptedRecogniser(
            new TranscriptSegment(Speaker.Caller, 3, 4, "Hello?", 0.9),
            new TranscriptSegment(Speaker.Agent, 0.5, 2.5, "Acme, good morning.", 0.9));
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: recogniser);
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 5);

        var one = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 2, "en-US", []));
        var two = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, 2, "en-US", []));

        Assert.That(one.Segments.Select(s => (s.Speaker, s.Text, s.Start)), Is.EqualTo(new[] { (Speaker.Agent, "Acme, good morning.", 0.5), (Speaker.Caller, "Hello?", 3.0) }));
        Assert.That(two.Segments.Select(s => s.Speaker), Is.EqualTo(new[] { Speaker.Caller, Speaker.Agent }));
        Assert.That(one.Duration, Is.EqualTo(5.0));
    }

    [Test]
    public async Task LowConfidencePhrases_ReachTheScorer_WithTheirConfidences()
    {
        var recogniser = new ScriptedRecogniser(
            new TranscriptSegment(Speaker.Agent, 1, 2, "Hello.", 0.95),
            new TranscriptSegment(Speaker.Agent, 5, 8, "We open nine to one.", 0.3,
                [new TranscriptWord("We", 5, 5.5), new TranscriptWord("open", 5.5, 6), new TranscriptWord("nine", 6, 6.5), new TranscriptWord("to", 6.5, 7), new TranscriptWord("one.", 7, 8)]),
            new TranscriptSegment(Speaker.Agent, 50, 55, "have a nise dei", 0.3));
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: recogniser);
        using var recording = new TempDirectory();

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 60), 1, 5, "en-US", ["nine to one"]));
        var score = new ChecklistScorer(new ScoringOptions(), new Scoring.IdentityPhraseResolver()).Score(
            Scenario(
                Item("greeting", Any("hello")),
                Item("hours", Any("nine to one"), critical: true),
                Item("closing", Any("have a nice day"), inLast: 20)),
            transcript);

        // Words come back without confidences (as from the service) and carry their phrase's 0.3.
        Assert.That(transcript.Segments[1].Words!.Select(w => w.Confidence), Is.All.EqualTo(0.3));
        Assert.That(score.Items[0].Outcome, Is.EqualTo(ItemOutcome.Passed));

        // 0.3 is below MinConfidence (0.6): a near miss heard there is uncertain, not failed, and the call needs review.
        Assert.That(score.Items[2].Outcome, Is.EqualTo(ItemOutcome.Uncertain));
        Assert.That(score.Items[2].Evidence.Reason, Does.Contain("low-confidence"));
        Assert.That(score.NeedsReview, Is.True);

        // A phrase of three words heard word for word stands at ExactPhraseMinConfidence (0.3), and the scorer reports it.
        Assert.That(score.Items[1].Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(score.Items[1].Evidence.Confidence, Is.EqualTo(0.3).Within(1e-9));
    }

    [Test]
    public async Task TooManyRequestsStorm_RetriesThenGivesUp_WithNoTranscript()
    {
        var recogniser = new ScriptedRecogniser(new TranscriptSegment(Speaker.Agent, 0.5, 2.5, "Hello.", 0.9));
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: recogniser);
        harness.Emulator.FailNext(EmulatorRoute.FastTranscription, 100, EmulatedFault.TooManyRequests("1"));
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 3);
        Transcript? transcript = null;
        var real = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<SpeechEngineException>(async () => transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 2, "en-US", [])));

        var requests = harness.Emulator.RequestCount(EmulatorRoute.FastTranscription);
        TestContext.Out.WriteLine($"429 storm (fast transcription): {requests} requests, {harness.Clock.Waited.TotalSeconds} simulated seconds waited, {real.Elapsed.TotalMilliseconds:0} ms real");
        Assert.That(requests, Is.EqualTo(6), "the first attempt and AzureSpeech:MaxRetries (5) retries");
        Assert.That(harness.Clock.Waited, Is.EqualTo(TimeSpan.FromSeconds(5)), "Retry-After: 1 before each retry");
        Assert.That(error!.Message, Does.Contain("fast transcription").And.Contain("429").And.Contain("6 attempts"));
        Assert.That(transcript, Is.Null);
        Assert.That(recogniser.Calls, Is.Zero);
    }

    [Test]
    public async Task ServiceUnavailableTwice_IsRetried_ThenTranscribes()
    {
        var recogniser = new ScriptedRecogniser(new TranscriptSegment(Speaker.Agent, 0.5, 2.5, "Hello.", 0.9));
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: recogniser);
        harness.Emulator.FailNext(EmulatorRoute.FastTranscription, 2, EmulatedFault.ServiceUnavailable);
        using var recording = new TempDirectory();

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 3), 1, 2, "en-US", []));

        Assert.That(transcript.Segments.Single().Text, Is.EqualTo("Hello."));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.FastTranscription), Is.EqualTo(3));
    }

    [TestCase(true, 1, 0)]
    [TestCase(false, 0, 1)]
    public async Task WrongKey_GivesOneClearErrorNamingTheKeySetting(bool useToken, int tokenRequests, int transcriptionRequests)
    {
        const string wrongKey = "wrong-key-0000";
        await using var harness = await AzureSpeechHarness.StartAsync(key: wrongKey, settings: new Dictionary<string, string?> { ["AzureSpeech:UseToken"] = useToken.ToString() });
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 3);

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 2, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("AzureSpeech:Key").And.Contain("401").And.Not.Contain(wrongKey));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(tokenRequests));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.FastTranscription), Is.EqualTo(transcriptionRequests));
    }

    [Test]
    public async Task RecordingLongerThanTheFastLimit_IsRefusedBeforeAnyRequest()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: new Dictionary<string, string?> { ["AzureSpeech:FastTranscriptionMaxDuration"] = "00:00:05" });
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 6);

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 2, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("batch transcription").And.Contain("AzureSpeech:BatchContainerUrl").And.Contain("AzureSpeech:FastTranscriptionMaxDuration"));
        Assert.That(Enum.GetValues<EmulatorRoute>().Sum(harness.Emulator.RequestCount), Is.Zero);
    }

    [Test]
    public async Task UnconfiguredLocale_IsRefusedBeforeAnyRequest()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 2);

        Assert.That(harness.Transcriber.Supports("zh-CN"), Is.True);
        Assert.That(harness.Transcriber.Supports("fr-FR"), Is.False);
        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 2, "fr-FR", [])));
        Assert.That(error!.Message, Does.Contain("AzureSpeech:TranscriptionLocales"));
        Assert.That(Enum.GetValues<EmulatorRoute>().Sum(harness.Emulator.RequestCount), Is.Zero);
    }

    [Test]
    public async Task ChineseCall_TranscribedFromTheEmulatorsFixture_PassesTheShippedScenario()
    {
        var yaml = File.ReadAllText(RepoPaths.Combine("scenarios", "brightmart-returns-policy-zh.yaml"));
        var scenario = ScenarioParser.Parse(yaml, "brightmart-returns-policy-zh.yaml").Scenario!;
        await using var harness = await AzureSpeechHarness.StartAsync();
        using var recording = new TempDirectory();

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 46), 1, 6.0, scenario.Locale, ["欢迎致电明亮商城", "7天无理由退货"]));
        var score = new ChecklistScorer(new ScoringOptions(), new TemplatePhraseResolver()).Score(scenario, transcript);

        Assert.That(harness.Emulator.TranscriptionRequests.Single().Definition, Does.Contain("\"zh-CN\""));
        Assert.That(transcript.Segments[0].Text, Does.StartWith("您好，欢迎致电明亮商城"));
        Assert.That(score.Items.Select(i => (i.Id, i.Outcome)), Is.EqualTo(scenario.Checklist.Select(i => (i.Id, ItemOutcome.Passed))),
            string.Join("; ", score.Items.Select(i => $"{i.Id}: {i.Outcome} {i.Evidence.Reason}")));
        Assert.That(score.NeedsReview, Is.False);
    }

    [TestCase("2023-01-01", """{"locales":["en-US"],"channels":[0,1]}""", true, HttpStatusCode.BadRequest)]
    [TestCase("2024-11-15", """{"locales":["fr-FR"],"channels":[0,1]}""", true, HttpStatusCode.BadRequest)]
    [TestCase("2024-11-15", """{"locales":["en-US"],"channels":[0,2]}""", true, HttpStatusCode.BadRequest)]
    [TestCase("2024-11-15", """{"locales":"en-US"}""", true, HttpStatusCode.BadRequest)]
    [TestCase("2024-11-15", """{"locales":["en-US"],"channels":[0,1]}""", false, HttpStatusCode.UnprocessableEntity)]
    public async Task Emulator_MalformedTranscriptionRequest_IsRefusedAsTheServiceWould(string apiVersion, string definition, bool wav, HttpStatusCode expected)
    {
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: new ScriptedRecogniser());
        using var recording = new TempDirectory();
        var audio = wav ? File.ReadAllBytes(TwoChannelWav(recording, 1)) : Encoding.ASCII.GetBytes("not a wav file");
        using var client = new HttpClient();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(definition, Encoding.UTF8, "application/json"), "definition" },
            { new ByteArrayContent(audio) { Headers = { ContentType = new MediaTypeHeaderValue("audio/wav") } }, "audio", "call.wav" },
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(harness.Emulator.Endpoint, $"speechtotext/transcriptions:transcribe?api-version={apiVersion}")) { Content = content };
        message.Headers.Add("Ocp-Apim-Subscription-Key", AzureSpeechHarness.Key);

        using var response = await client.SendAsync(message);

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Registration_SynthesisAndTranscriptionInOneHost_ShareOneOptionsRegistration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureSpeech:Region"] = "westeurope", ["AzureSpeech:Key"] = "k" });

        builder.AddAzureSpeechTranscription();
        builder.AddAzureSpeechSynthesis();
        builder.AddAzureSpeechTranscription();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.That(builder.Services.Count(d => d.ServiceType == typeof(IValidateOptions<AzureSpeechOptions>)), Is.EqualTo(1));
        Assert.That(builder.Services.Count(d => d.ServiceType == typeof(ITranscriber)), Is.EqualTo(1));
        Assert.That(host.Services.GetRequiredService<ITranscriber>().Engine, Is.EqualTo("azure"));
        Assert.That(host.Services.GetRequiredService<ISpeechSynthesizer>().Engine, Is.EqualTo("azure"));
        await host.StopAsync();
    }

    [Test]
    public async Task SpeakingAndTranscribingInOneHost_FetchOneToken()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(recogniser: new ScriptedRecogniser());
        using var recording = new TempDirectory();

        await harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hello, is the branch open on Saturday?", "en-US", null));
        await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 2), 1, 1, "en-US", []));

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.IssueToken), Is.EqualTo(1), "the two engines share the host's connection and its token");
    }

    /// <summary>A silent two-channel 8 kHz recording of <paramref name="seconds"/> seconds: the emulator only decodes it.</summary>
    private static string TwoChannelWav(TempDirectory folder, double seconds)
    {
        var path = folder.File("call.wav");
        var samples = (int)(8000 * seconds);
        WavFile.Write(path, 8000, [new float[samples], new float[samples]]);
        return path;
    }

    /// <summary>The emulator's recogniser in these tests: hears the given segments, whatever the audio.</summary>
    private sealed class ScriptedRecogniser(params TranscriptSegment[] segments) : ITranscriber
    {
        private int calls;

        public int Calls => calls;

        public string Engine => "scripted";

        public bool Supports(string locale) => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

        public Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            var end = segments.Length == 0 ? 0 : segments.Max(s => s.End);

            // The segments are written for agent on channel 1; asked for channel 2's side as the agent's, the sides swap,
            // as a real recogniser's would (the emulator hears each channel once as the "agent").
            var heard = request.AgentChannel == 1 ? segments
                : [.. segments.Select(s => s with { Speaker = s.Speaker == Speaker.Agent ? Speaker.Caller : Speaker.Agent })];
            return Task.FromResult(new Transcript(request.AnsweredAfter, end, heard));
        }
    }
}
