using System.Text.Json;
using System.Text.Json.Nodes;
using QaShopper.AzureSpeech;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.AzureSpeech;

/// <summary>The batch wire format against the official examples and the 2024-11-15 schema subset.</summary>
public sealed class BatchTranscriptionJsonTests
{
    private static readonly TranscriptionRequest Request = new("call.wav", 1, 4.0, "en-US", ["thank you for calling"]);

    private static string Data(string name) => File.ReadAllText(RepoPaths.Combine("tests", "QaShopper.Tests", "AzureSpeech", "Data", name));

    private static string ExampleBody(string name, string status) =>
        JsonDocument.Parse(Data(name)).RootElement.GetProperty("responses").GetProperty(status).GetProperty("body").GetRawText();

    [Test]
    public void OfficialResultFile_ReadsTheBestAlternativeWithItsTimesAndWords()
    {
        var transcript = BatchTranscriptionJson.ParseResult(Data("batch-transcription_result-file.json"), Request, null);

        var hello = transcript.Segments.Single();
        Assert.That((hello.Speaker, hello.Text, hello.Confidence), Is.EqualTo((Speaker.Agent, "Hello world.", 0.5643338)));
        Assert.That(hello.Start, Is.EqualTo(0.76).Within(1e-9));
        Assert.That(hello.End, Is.EqualTo(2.08).Within(1e-9));
        Assert.That(transcript.Duration, Is.EqualTo(2.58).Within(1e-9));
        Assert.That(transcript.AnsweredAfter, Is.EqualTo(4.0));

        // The example has display-form words only; they carry the phrase's confidence, as fast transcription's words do.
        Assert.That(hello.Words!.Select(w => w.Text), Is.EqualTo(new[] { "Hello", "world." }));
        Assert.That(hello.Words!.Select(w => w.Start), Is.EqualTo(new[] { 0.76, 1.52 }).Within(1e-9));
        Assert.That(hello.Words!.Select(w => w.Confidence), Is.All.EqualTo(0.5643338));
    }

    [Test]
    public void OfficialResultFile_WithIsoTimesOnly_ReadsTheSameTimes()
    {
        var node = JsonNode.Parse(Data("batch-transcription_result-file.json"))!;
        StripTicks(node);

        var transcript = BatchTranscriptionJson.ParseResult(node.ToJsonString(), Request, null);

        var hello = transcript.Segments.Single();
        Assert.That(hello.Start, Is.EqualTo(0.76).Within(1e-9));
        Assert.That(hello.End, Is.EqualTo(2.08).Within(1e-9));
        Assert.That(hello.Words![1].End, Is.EqualTo(2.08).Within(1e-9));
    }

    [Test]
    public void ResultWithMillisecondsAndLexicalWords_GivesWordConfidences_AndSpeakersByAgentChannel()
    {
        const string body = """
            {"durationMilliseconds":9000,"recognizedPhrases":[
              {"recognitionStatus":"Success","channel":1,"offsetMilliseconds":3000,"durationMilliseconds":1000,
               "nBest":[{"confidence":0.8,"display":"Hi there.","words":[
                 {"word":"hi","offsetMilliseconds":3000,"durationMilliseconds":400,"confidence":0.9},
                 {"word":"there","offsetMilliseconds":3400,"durationMilliseconds":600,"confidence":0.4}]}]},
              {"recognitionStatus":"NoMatch","channel":0,"offsetMilliseconds":0,"durationMilliseconds":500,"nBest":[]},
              {"recognitionStatus":"Success","channel":0,"offsetMilliseconds":1000,"durationMilliseconds":1500,
               "nBest":[{"confidence":0.95,"display":"Acme, hello."}]}]}
            """;

        var transcript = BatchTranscriptionJson.ParseResult(body, Request with { AgentChannel = 2 }, null);

        Assert.That(transcript.Segments.Select(s => (s.Speaker, s.Text, s.Start)), Is.EqualTo(new[] { (Speaker.Caller, "Acme, hello.", 1.0), (Speaker.Agent, "Hi there.", 3.0) }));
        Assert.That(transcript.Segments[1].Words!.Select(w => (w.Text, w.Start, w.End, w.Confidence)),
            Is.EqualTo(new[] { ("hi", 3.0, 3.4, (double?)0.9), ("there", 3.4, 4.0, 0.4) }));
        Assert.That(transcript.Duration, Is.EqualTo(9.0));
    }

    [TestCase("""{"recognizedPhrases":[{"channel":0,"nBest":[{"confidence":0.9,"display":"Hi."}]}]}""", "offsetMilliseconds")]
    [TestCase("""{"recognizedPhrases":[{"channel":0,"offset":"PT1S","duration":"PT1S","nBest":[]}]}""", "nBest")]
    [TestCase("""{"recognizedPhrases":[{"channel":2,"offset":"PT1S","duration":"PT1S","nBest":[{"confidence":0.9,"display":"Hi."}]}]}""", "channel")]
    [TestCase("""{"recognizedPhrases":[{"channel":0,"offset":"soon","duration":"PT1S","nBest":[{"confidence":0.9,"display":"Hi."}]}]}""", "ISO 8601")]
    [TestCase("""{"phrases":[]}""", "recognizedPhrases")]
    [TestCase("not json", "not JSON")]
    public void MalformedResult_IsRefusedAsAWhole(string body, string named)
    {
        var error = Assert.Throws<SpeechEngineException>(() => BatchTranscriptionJson.ParseResult(body, Request, 10));

        Assert.That(error!.Message, Does.Contain(named).And.Contain("batch transcription"));
    }

    [Test]
    public void OfficialStatusExamples_ReadAsSucceeded()
    {
        Assert.That(BatchTranscriptionJson.ReadStatus(Data("batch-transcription_get-status_2024-11-15.json")).Succeeded, Is.True);
        Assert.That(BatchTranscriptionJson.ReadStatus(ExampleBody("stt-2024-11-15_get_transcription.json", "200")).Succeeded, Is.True);
        Assert.That(BatchTranscriptionJson.ReadStatus(ExampleBody("stt-2024-11-15_create_uri_transcription.json", "201")).Succeeded, Is.True);
    }

    [Test]
    public void OfficialCreateExample_GivesTheIdFromItsSelfLink() =>
        Assert.That(BatchTranscriptionJson.ReadId(ExampleBody("stt-2024-11-15_create_uri_transcription.json", "201")),
            Is.EqualTo(Guid.Parse("ba7ea6f5-3065-40b7-b49a-a90f48584683")));

    [Test]
    public void FailedStatus_CarriesTheServicesError()
    {
        const string body = """{"status":"Failed","properties":{"timeToLiveHours":6,"error":{"code":"InvalidData","message":"Failed to download the audio."}}}""";

        var status = BatchTranscriptionJson.ReadStatus(body);

        Assert.That((status.Failed, status.ErrorCode, status.ErrorMessage), Is.EqualTo((true, "InvalidData", "Failed to download the audio.")));
    }

    [Test]
    public void UnknownStatus_IsRefused() =>
        Assert.That(() => BatchTranscriptionJson.ReadStatus("""{"status":"Paused"}"""), Throws.TypeOf<SpeechEngineException>().With.Message.Contains("Paused"));

    [Test]
    public void OfficialFilesExample_PicksTheTranscriptionFileAndTheNextPage()
    {
        var (content, next) = BatchTranscriptionJson.ReadFiles(ExampleBody("stt-2024-11-15_get_transcription_files.json", "200"));

        Assert.That(content!.AbsolutePath, Is.EqualTo("/artifacts/mywavefile1.wav.json"));
        Assert.That(next!.Query, Does.Contain("skip=2"));
    }

    [Test]
    public void FilesWithOnlyAReport_GiveNoContent()
    {
        const string body = """{"values":[{"kind":"TranscriptionReport","links":{"contentUrl":"https://example.invalid/report.json"}}]}""";

        Assert.That(BatchTranscriptionJson.ReadFiles(body).ContentUrl, Is.Null);
    }

    [Test]
    public void Definition_FollowsTheSpecSubset_AndHasNoPhraseList()
    {
        using var spec = JsonDocument.Parse(Data("speechtotext-2024-11-15.transcription-subset.json"));
        var definitions = spec.RootElement.GetProperty("definitions");
        var transcription = definitions.GetProperty("Transcription");
        var properties = definitions.GetProperty("TranscriptionProperties");
        var audio = new Uri("https://account.blob.core.windows.net/recordings/qashopper/a.wav?sv=2023-11-03&sig=abc");

        using var sent = JsonDocument.Parse(BatchTranscriptionJson.Definition(Request, audio, "QaShopper call.wav"));
        var root = sent.RootElement;

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(transcription.GetProperty("properties"))));
        Assert.That(Names(transcription.GetProperty("required")), Is.SubsetOf(root.EnumerateObject().Select(p => p.Name)));
        var sentProperties = root.GetProperty("properties");
        Assert.That(sentProperties.EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(properties.GetProperty("properties"))));
        Assert.That(Names(properties.GetProperty("required")), Is.SubsetOf(sentProperties.EnumerateObject().Select(p => p.Name)));
        Assert.That(root.GetRawText(), Does.Not.Contain("phrase"), "the 2024-11-15 batch API has no phrase list");

        Assert.That(root.GetProperty("contentUrls").EnumerateArray().Single().GetString(), Is.EqualTo(audio.AbsoluteUri));
        Assert.That(root.GetProperty("locale").GetString(), Is.EqualTo("en-US"));
        Assert.That(sentProperties.GetProperty("channels").EnumerateArray().Select(c => c.GetInt32()), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(sentProperties.GetProperty("wordLevelTimestampsEnabled").GetBoolean(), Is.True);
        Assert.That(sentProperties.GetProperty("profanityFilterMode").GetString(), Is.EqualTo("None"));
        Assert.That(Names(definitions.GetProperty("PunctuationMode").GetProperty("enum")), Does.Contain(sentProperties.GetProperty("punctuationMode").GetString()));
        Assert.That(sentProperties.GetProperty("timeToLiveHours").GetInt32(), Is.EqualTo(6), "the shortest the service accepts");
    }

    [Test]
    public void Endpoints_BatchRoutes_AreUnderSpeechToTextWithTheApiVersion()
    {
        var endpoints = AzureSpeechEndpoints.From(new AzureSpeechOptions { Region = "westeurope", Key = "k" });
        var id = Guid.Parse("ba7ea6f5-3065-40b7-b49a-a90f48584683");

        Assert.That(endpoints.BatchSubmit.AbsoluteUri, Is.EqualTo("https://westeurope.api.cognitive.microsoft.com/speechtotext/transcriptions:submit?api-version=2024-11-15"));
        Assert.That(endpoints.BatchTranscription(id).AbsoluteUri, Is.EqualTo($"https://westeurope.api.cognitive.microsoft.com/speechtotext/transcriptions/{id}?api-version=2024-11-15"));
        Assert.That(endpoints.BatchFiles(id).AbsoluteUri, Is.EqualTo($"https://westeurope.api.cognitive.microsoft.com/speechtotext/transcriptions/{id}/files?api-version=2024-11-15"));
    }

    [Test]
    public void BlobSas_RedactsTheTokenInEveryForm()
    {
        var container = new Uri("https://account.blob.core.windows.net/recordings?sv=2023-11-03&sp=rcwd&se=2026-12-01T00%3A00%3A00Z&sig=AbC%2Bd%2Fe%3D");
        var message = $"failed at {container.AbsoluteUri}; sig AbC+d/e= and {Uri.EscapeDataString("AbC+d/e=")}";

        var redacted = BlobSas.Redact(message, container);

        Assert.That(redacted, Does.Not.Contain("AbC").And.Contain("https://account.blob.core.windows.net/recordings?***"));
        Assert.That(BlobSas.Redact(container), Is.EqualTo("https://account.blob.core.windows.net/recordings?***"));
        Assert.That(BlobSas.BlobUrl(container, "qashopper/x.wav").AbsoluteUri, Is.EqualTo("https://account.blob.core.windows.net/recordings/qashopper/x.wav" + container.Query));
    }

    private static IEnumerable<string?> Names(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString())
        : element.EnumerateObject().Select(p => p.Name);

    private static void StripTicks(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).Where(k => k.EndsWith("InTicks", StringComparison.Ordinal) || k.EndsWith("Milliseconds", StringComparison.Ordinal)).ToList())
            {
                obj.Remove(name);
            }

            foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().ToList())
            {
                StripTicks(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                StripTicks(child);
            }
        }
    }
}
