using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

namespace QaShopper.Tests.AzureSpeech;

/// <summary>Recordings over the fast limits, through the registered transcriber, against the emulator's batch routes and container.</summary>
public sealed class BatchTranscriptionTests
{
    /// <summary>Recordings of 6 s are "long": over this lowered fast limit.</summary>
    private static readonly Dictionary<string, string?> LongOverFiveSeconds = new() { ["AzureSpeech:FastTranscriptionMaxDuration"] = "00:00:05" };

    private static readonly TranscriptSegment[] Call =
    [
        new(Speaker.Agent, 0.5, 2.5, "Thank you for calling Acme.", 0.92,
            [new TranscriptWord("Thank", 0.5, 0.8), new TranscriptWord("you", 0.8, 1.0), new TranscriptWord("for", 1.0, 1.2), new TranscriptWord("calling", 1.2, 1.8), new TranscriptWord("Acme.", 1.8, 2.5)]),
        new(Speaker.Caller, 3.0, 4.0, "Are you open on Saturday?", 0.4,
            [new TranscriptWord("Are", 3.0, 3.2), new TranscriptWord("you", 3.2, 3.4), new TranscriptWord("open", 3.4, 3.6), new TranscriptWord("on", 3.6, 3.7), new TranscriptWord("Saturday?", 3.7, 4.0)]),
    ];

    [Test]
    public async Task LongRecording_GoesToBatch_AndTheTranscriptHasBothChannelsWithWordTimes()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds, recogniser: new Recogniser(Call), batch: true);
        using var recording = new TempDirectory();

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 3.5, "en-US", ["thank you for calling"]));

        var emulator = harness.Emulator;
        Assert.That(emulator.RequestCount(EmulatorRoute.FastTranscription), Is.Zero);
        Assert.That(emulator.RequestCount(EmulatorRoute.BatchSubmit), Is.EqualTo(1));
        Assert.That(emulator.RequestCount(EmulatorRoute.BlobUpload), Is.EqualTo(1), "one block: a single Put Blob");
        Assert.That(emulator.RequestCount(EmulatorRoute.BatchStatus), Is.EqualTo(3), "NotStarted, Running, Succeeded");
        Assert.That(transcript.AnsweredAfter, Is.EqualTo(3.5));
        Assert.That(transcript.Duration, Is.EqualTo(6.0));
        Assert.That(transcript.Segments.Select(s => (s.Speaker, s.Text, s.Start, s.End, s.Confidence)), Is.EqualTo(new[]
        {
            (Speaker.Agent, "Thank you for calling Acme.", 0.5, 2.5, (double?)0.92),
            (Speaker.Caller, "Are you open on Saturday?", 3.0, 4.0, 0.4),
        }));
        Assert.That(transcript.Segments[0].Words!.Select(w => w.Text), Is.EqualTo(Call[0].Words!.Select(w => w.Text)));
        Assert.That(transcript.Segments[0].Words!.Select(w => w.Start), Is.EqualTo(Call[0].Words!.Select(w => w.Start)).Within(1e-9));
        Assert.That(transcript.Segments[0].Words!.Select(w => w.End), Is.EqualTo(Call[0].Words!.Select(w => w.End)).Within(1e-9));
        Assert.That(transcript.Segments[1].Words!.Select(w => w.Confidence), Is.All.EqualTo(0.4), "words carry confidences for the scorer's low-confidence rules");
        Assert.That(emulator.Blobs, Is.Empty, "the blob is deleted once the result is read");
        Assert.That(emulator.BatchTranscriptions, Is.Empty, "the transcription is deleted once the result is read");
    }

    [Test]
    public async Task SubmitRequest_MatchesTheSpecSubset_WithTheBlobsSasUrl()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds, recogniser: new Recogniser(Call), batch: true);
        using var recording = new TempDirectory();

        await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 3.5, "en-US", []));

        var submission = harness.Emulator.BatchSubmissions.Single();
        Assert.That(submission.ApiVersion, Is.EqualTo("2024-11-15"));
        using var body = JsonDocument.Parse(submission.Body);
        var url = new Uri(body.RootElement.GetProperty("contentUrls").EnumerateArray().Single().GetString()!);
        Assert.That(url.AbsolutePath, Does.StartWith("/blob/recordings/qashopper/").And.EndWith(".wav"));
        Assert.That(url.Query, Does.Contain("sig=" + harness.Emulator.BatchContainerSignature), "the service reads the blob by its SAS URL");

        // An unguessable name: 32 hex digits of content hash and 32 of randomness.
        Assert.That(Path.GetFileNameWithoutExtension(url.AbsolutePath), Does.Match("^[0-9a-f]{32}-[0-9a-f]{32}$"));
        Assert.That(body.RootElement.GetProperty("displayName").GetString(), Does.Contain("call.wav"));
    }

    [Test]
    public async Task ChineseLongCall_TranscribedByBatchFromTheFixture_PassesTheShippedScenario()
    {
        var yaml = File.ReadAllText(RepoPaths.Combine("scenarios", "brightmart-returns-policy-zh.yaml"));
        var scenario = ScenarioParser.Parse(yaml, "brightmart-returns-policy-zh.yaml").Scenario!;
        await using var harness = await AzureSpeechHarness.StartAsync(settings: new Dictionary<string, string?> { ["AzureSpeech:FastTranscriptionMaxDuration"] = "00:00:30" }, batch: true);
        using var recording = new TempDirectory();

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 46), 1, 6.0, scenario.Locale, []));
        var score = new ChecklistScorer(new ScoringOptions(), new TemplatePhraseResolver()).Score(scenario, transcript);

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchSubmit), Is.EqualTo(1));
        Assert.That(transcript.Segments[0].Text, Does.StartWith("您好，欢迎致电明亮商城"));
        Assert.That(transcript.Segments.Select(s => s.Speaker).Distinct(), Is.EquivalentTo(new[] { Speaker.Agent, Speaker.Caller }));
        Assert.That(score.Items.Select(i => (i.Id, i.Outcome)), Is.EqualTo(scenario.Checklist.Select(i => (i.Id, ItemOutcome.Passed))),
            string.Join("; ", score.Items.Select(i => $"{i.Id}: {i.Outcome} {i.Evidence.Reason}")));
    }

    [Test]
    public async Task RecordingBiggerThanOneBlock_IsUploadedInBlocks_AndReadBackWhole()
    {
        var settings = new Dictionary<string, string?>(LongOverFiveSeconds) { ["AzureSpeech:BatchUploadBlockSize"] = "16384" };
        var recogniser = new Recogniser(Call);
        await using var harness = await AzureSpeechHarness.StartAsync(settings: settings, recogniser: recogniser, batch: true);
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 6, tone: true);
        var blocks = (int)Math.Ceiling(new FileInfo(path).Length / 16384.0);

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 1, "en-US", []));

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BlobUpload), Is.EqualTo(blocks + 1), "Put Block per block, then Put Block List");
        Assert.That(recogniser.Heard, Is.Not.Empty.And.All.EqualTo(File.ReadAllBytes(path)), "the service read the recording as it was");
        Assert.That(transcript.Segments, Has.Count.EqualTo(2));
        Assert.That(harness.Emulator.Blobs, Is.Empty);
    }

    [Test]
    public async Task Polling_HonoursRetryAfter_OnStatusAnswersAndOn429()
    {
        var settings = new Dictionary<string, string?>(LongOverFiveSeconds) { ["AzureSpeech:BatchPollInterval"] = "00:00:10" };
        await using var harness = await AzureSpeechHarness.StartAsync(settings: settings, recogniser: new Recogniser(Call), batch: true);
        harness.Emulator.BatchStatusRetryAfter = "3";
        harness.Emulator.BatchRunningPolls = 2;
        harness.Emulator.FailNext(EmulatorRoute.BatchStatus, 1, EmulatedFault.TooManyRequests("7"));
        using var recording = new TempDirectory();

        var transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 1, "en-US", []));

        Assert.That(transcript.Segments, Has.Count.EqualTo(2));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchStatus), Is.EqualTo(5), "the 429, then NotStarted, Running, Running, Succeeded");

        // 10 s before the first poll, 7 s as the 429 asked, then 3 s as each unfinished status asked.
        Assert.That(harness.Clock.Waited, Is.EqualTo(TimeSpan.FromSeconds(10 + 7 + 3 + 3 + 3)));
    }

    [Test]
    public async Task Polling_WithoutRetryAfter_BacksOffFromThePollInterval()
    {
        var settings = new Dictionary<string, string?>(LongOverFiveSeconds) { ["AzureSpeech:BatchPollInterval"] = "00:00:10" };
        await using var harness = await AzureSpeechHarness.StartAsync(settings: settings, recogniser: new Recogniser(Call), batch: true);
        harness.Emulator.BatchRunningPolls = 2;
        harness.Emulator.FailNext(EmulatorRoute.BatchStatus, 1, EmulatedFault.TooManyRequests());
        using var recording = new TempDirectory();

        await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 1, "en-US", []));

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchStatus), Is.EqualTo(5));

        // Polls after 10, 15, 22.5 and 33.75 s; the 429 without advice costs the transport's first back-off, about 1 s.
        var polls = TimeSpan.FromSeconds(10 + 15 + 22.5 + 33.75);
        Assert.That(harness.Clock.Waited, Is.InRange(polls + TimeSpan.FromSeconds(0.8), polls + TimeSpan.FromSeconds(1.2)));
    }

    [Test]
    public async Task FailedTranscription_GivesOneClearErrorWithTheServicesError_AndCleansUp()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds, recogniser: new Recogniser(Call), batch: true);
        harness.Emulator.FailNextBatchTranscription("InvalidModel", "The model is not available for this locale.");
        using var recording = new TempDirectory();
        Transcript? transcript = null;

        var error = Assert.ThrowsAsync<SpeechEngineException>(async () =>
            transcript = await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 1, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("batch transcription").And.Contain("failed").And.Contain("InvalidModel").And.Contain("The model is not available for this locale."));
        Assert.That(transcript, Is.Null);
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchFiles), Is.Zero);
        AssertCleanedUp(harness.Emulator);
    }

    [Test]
    public async Task BlobTheServiceCannotRead_EndsFailedWithInvalidData_AndCleansUp()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds, recogniser: new Recogniser(Call), batch: true);
        harness.Emulator.BlobsUnreadableByService = true;
        using var recording = new TempDirectory();

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 1, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("InvalidData").And.Not.Contain(harness.Emulator.BatchContainerSignature));
        AssertCleanedUp(harness.Emulator);
    }

    [Test]
    public async Task TranscriptionThatNeverEnds_TimesOutNamingTheSetting_AndCleansUp()
    {
        var settings = new Dictionary<string, string?>(LongOverFiveSeconds) { ["AzureSpeech:BatchTimeout"] = "00:05:00" };
        await using var harness = await AzureSpeechHarness.StartAsync(settings: settings, recogniser: new Recogniser(Call), batch: true);
        harness.Emulator.BatchRunningPolls = 1_000_000;
        using var recording = new TempDirectory();

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 1, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("AzureSpeech:BatchTimeout"));
        Assert.That(harness.Clock.Waited, Is.LessThanOrEqualTo(TimeSpan.FromMinutes(5)));
        AssertCleanedUp(harness.Emulator);
    }

    [Test]
    public async Task Cancellation_StopsPolling_AndDeletesTheTranscriptionAndTheBlob()
    {
        var settings = new Dictionary<string, string?>(LongOverFiveSeconds) { ["AzureSpeech:BatchTimeout"] = "1.00:00:00" };
        await using var harness = await AzureSpeechHarness.StartAsync(settings: settings, recogniser: new Recogniser(Call), batch: true);
        harness.Emulator.BatchRunningPolls = 1_000_000_000;
        using var recording = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        var path = TwoChannelWav(recording, 6);

        var transcribing = harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 1, "en-US", []), cancel.Token);
        while (harness.Emulator.RequestCount(EmulatorRoute.BatchStatus) < 2 && !transcribing.IsCompleted)
        {
            await Task.Delay(5);
        }

        await cancel.CancelAsync();

        Assert.That(async () => await transcribing, Throws.InstanceOf<OperationCanceledException>());
        var polls = harness.Emulator.RequestCount(EmulatorRoute.BatchStatus);
        AssertCleanedUp(harness.Emulator);
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchStatus), Is.EqualTo(polls), "no poll after the cancellation");
    }

    [Test]
    public async Task SasToken_NeverAppearsInLogsOrMessages()
    {
        var logs = new CapturedLogs();
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds, recogniser: new Recogniser(Call), batch: true, logs: logs);
        using var recording = new TempDirectory();
        var path = TwoChannelWav(recording, 6);
        var signature = harness.Emulator.BatchContainerSignature;

        await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 1, "en-US", []));
        harness.Emulator.FailNextBatchTranscription();
        var failed = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 1, "en-US", [])));
        harness.Emulator.FailNext(EmulatorRoute.BlobDelete, 1, new EmulatedFault(500));
        harness.Emulator.FailNext(EmulatorRoute.BatchStatus, 1, EmulatedFault.TooManyRequests("1"));
        await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(path, 1, 1, "en-US", []));

        // The HttpClient's own log names each request's URL: the blob's path is there, its SAS token is not.
        Assert.That(logs.All, Does.Contain("/blob/recordings/qashopper/"));
        Assert.That(logs.All, Does.Not.Contain(signature).And.Not.Contain("sig="));
        Assert.That(failed!.ToString(), Does.Not.Contain(signature));
    }

    [Test]
    public async Task RefusedSasToken_GivesAClearErrorNamingTheSetting_WithoutTheToken()
    {
        await using var emulatorHost = await AzureSpeechHarness.StartAsync();
        const string wrongSignature = "0123456789abcdef0123456789abcdef";
        var wrong = new Uri(emulatorHost.Emulator.BatchContainerUrl.AbsoluteUri.Replace(emulatorHost.Emulator.BatchContainerSignature, wrongSignature, StringComparison.Ordinal));
        var settings = new Dictionary<string, string?>(LongOverFiveSeconds) { ["AzureSpeech:BatchContainerUrl"] = wrong.AbsoluteUri };
        await using var harness = await AzureSpeechHarness.StartAsync(settings: settings, recogniser: new Recogniser(Call));
        using var recording = new TempDirectory();

        // The second harness's container URL points at the first emulator's container with a signature it never issued.
        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 1, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("AzureSpeech:BatchContainerUrl").And.Contain("403").And.Contain("AuthenticationFailed").And.Not.Contain(wrongSignature));
        Assert.That(emulatorHost.Emulator.RequestCount(EmulatorRoute.BlobUpload), Is.EqualTo(1));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchSubmit), Is.Zero, "nothing is submitted without the audio");
    }

    [Test]
    public async Task LongRecording_WithoutBatchContainerUrl_IsRefusedNamingTheSetting_BeforeAnyRequest()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds);
        using var recording = new TempDirectory();

        var error = Assert.ThrowsAsync<SpeechEngineException>(() => harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 6), 1, 2, "en-US", [])));

        Assert.That(error!.Message, Does.Contain("AzureSpeech:BatchContainerUrl").And.Contain("AzureSpeech:FastTranscriptionMaxDuration").And.Contain("batch transcription"));
        Assert.That(Enum.GetValues<EmulatorRoute>().Sum(harness.Emulator.RequestCount), Is.Zero);
    }

    [Test]
    public async Task ShortRecording_WithBatchConfigured_StillGoesToFastTranscription()
    {
        await using var harness = await AzureSpeechHarness.StartAsync(settings: LongOverFiveSeconds, recogniser: new Recogniser(Call), batch: true);
        using var recording = new TempDirectory();

        await harness.Transcriber.TranscribeAsync(new TranscriptionRequest(TwoChannelWav(recording, 4), 1, 1, "en-US", []));

        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.FastTranscription), Is.EqualTo(1));
        Assert.That(harness.Emulator.RequestCount(EmulatorRoute.BatchSubmit) + harness.Emulator.RequestCount(EmulatorRoute.BlobUpload), Is.Zero);
    }

    [Test]
    public async Task Registration_OneTranscriber_ThatChoosesBetweenFastAndBatch()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureSpeech:Region"] = "westeurope", ["AzureSpeech:Key"] = "k" });

        builder.AddAzureSpeechTranscription();
        builder.AddAzureSpeechTranscription();
        using var host = builder.Build();

        Assert.That(builder.Services.Count(d => d.ServiceType == typeof(ITranscriber)), Is.EqualTo(1));
        Assert.That(host.Services.GetRequiredService<ITranscriber>(), Is.TypeOf<AzureTranscriber>());
        await Task.CompletedTask;
    }

    [Test]
    public async Task Emulator_BlobRequestWithoutItsSignature_IsRefusedWith403()
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        using var client = new HttpClient();
        var container = harness.Emulator.BatchContainerUrl;
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(container.GetLeftPart(UriPartial.Path) + "/x.wav?sv=2023-11-03&sig=forged")) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        put.Headers.Add("x-ms-version", "2023-11-03");

        using var response = await client.SendAsync(put);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Headers.GetValues("x-ms-error-code").Single(), Is.EqualTo("AuthenticationFailed"));
        Assert.That(harness.Emulator.Blobs, Is.Empty);
    }

    [TestCase("""{"locale":"en-US","displayName":"x","contentUrls":["https://example.invalid/a.wav"],"properties":{"timeToLiveHours":6,"phraseList":{"phrases":["hi"]}}}""", "phraseList")]
    [TestCase("""{"locale":"en-US","displayName":"x","contentUrls":["https://example.invalid/a.wav"],"properties":{"timeToLive":"P2D"}}""", "timeToLiveHours")]
    [TestCase("""{"locale":"en-US","contentUrls":["https://example.invalid/a.wav"],"properties":{"timeToLiveHours":6}}""", "displayName")]
    public async Task Emulator_SubmitOutsideTheSchema_IsRefusedWith400(string body, string named)
    {
        await using var harness = await AzureSpeechHarness.StartAsync();
        using var client = new HttpClient();
        using var submit = new HttpRequestMessage(HttpMethod.Post, new Uri(harness.Emulator.Endpoint, "speechtotext/transcriptions:submit?api-version=2024-11-15"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        submit.Headers.Add("Ocp-Apim-Subscription-Key", AzureSpeechHarness.Key);

        using var response = await client.SendAsync(submit);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(named));
    }

    private static void AssertCleanedUp(AzureSpeechEmulator emulator)
    {
        Assert.That(emulator.RequestCount(EmulatorRoute.BatchDelete), Is.EqualTo(1));
        Assert.That(emulator.RequestCount(EmulatorRoute.BlobDelete), Is.EqualTo(1));
        Assert.That(emulator.BatchTranscriptions, Is.Empty);
        Assert.That(emulator.Blobs, Is.Empty);
    }

    /// <summary>A two-channel 8 kHz recording of <paramref name="seconds"/> seconds, silent or a tone (so blocks differ).</summary>
    private static string TwoChannelWav(TempDirectory folder, double seconds, bool tone = false)
    {
        var path = folder.File("call.wav");
        var samples = (int)(8000 * seconds);
        var left = new float[samples];
        var right = new float[samples];
        if (tone)
        {
            for (var i = 0; i < samples; i++)
            {
                left[i] = 0.3f * MathF.Sin(i * 0.05f);
                right[i] = 0.2f * MathF.Sin(i * 0.11f);
            }
        }

        WavFile.Write(path, 8000, [left, right]);
        return path;
    }

    /// <summary>The emulator's recogniser: hears the given segments whatever the audio, and keeps the audio it was given.</summary>
    private sealed class Recogniser(params TranscriptSegment[] segments) : ITranscriber
    {
        private readonly List<byte[]> heard = [];

        public IReadOnlyList<byte[]> Heard
        {
            get
            {
                lock (heard)
                {
                    return [.. heard];
                }
            }
        }

        public string Engine => "scripted";

        public bool Supports(string locale) => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

        public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
        {
            var audio = await File.ReadAllBytesAsync(request.RecordingPath, cancellationToken);
            lock (heard)
            {
                heard.Add(audio);
            }

            // The segments are written for agent on channel 1; asked for channel 2's side as the agent's, the sides swap,
            // as a real recogniser's would (the emulator hears each channel once as the "agent").
            var heardSegments = request.AgentChannel == 1 ? segments
                : [.. segments.Select(s => s with { Speaker = s.Speaker == Speaker.Agent ? Speaker.Caller : Speaker.Agent })];
            return new Transcript(request.AnsweredAfter, segments.Max(s => s.End), heardSegments);
        }
    }
}
