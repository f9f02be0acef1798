using System.Globalization;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Tests.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Twilio;

/// <summary>The carrier end to end: the real webhooks driven by the test as Twilio would, Twilio's REST API faked.</summary>
public sealed class TwilioCarrierTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private TempDirectory data = null!;
    private TwilioTestHost host = null!;
    private DateTimeOffset dialled;

    [SetUp]
    public async Task SetUp()
    {
        data = new TempDirectory();
        host = await TwilioTestHost.StartAsync(data.Path);
    }

    [TearDown]
    public async Task TearDown()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    private static CallRequest Request()
    {
        var scenario = ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml").Scenario!;
        return new CallRequest("call-1", "+15551230000", "+15559870000", ScenarioRenderer.Render(scenario, new Random(7)), null);
    }

    private static string[] Lines(CallRequest request) => [.. request.Scenario.Script.OfType<SayStep>().Select(s => s.Text)];

    private static Task<List<CallEvent>> Run(IAsyncEnumerable<CallEvent> events) => Task.Run(async () =>
    {
        var list = new List<CallEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    });

    private async Task StatusAsync(TwilioTestHost target, int sequence, string status, int second, string? duration = null)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = FakeTwilioApi.CallSid,
            ["CallStatus"] = status,
            ["SequenceNumber"] = sequence.ToString(CultureInfo.InvariantCulture),
            ["Timestamp"] = (dialled + TimeSpan.FromSeconds(second)).ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000",
        };
        if (duration is not null)
        {
            form["CallDuration"] = duration;
        }

        using var response = await target.PostAsync("/twilio/calls/call-1/status", form);
        Assert.That((int)response.StatusCode, Is.EqualTo(204));
    }

    private static async Task RecordingAsync(TwilioTestHost target)
    {
        using var response = await target.PostAsync("/twilio/calls/call-1/recording", new Dictionary<string, string>
        {
            ["CallSid"] = FakeTwilioApi.CallSid,
            ["RecordingSid"] = "RE0123456789abcdef0123456789abcdef",
            ["RecordingUrl"] = $"https://api.twilio.com/2010-04-01/Accounts/{TwilioTestHost.AccountSid}/Recordings/RE0123456789abcdef0123456789abcdef",
            ["RecordingStatus"] = "completed",
            ["RecordingDuration"] = "30",
            ["RecordingChannels"] = "2",
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(204));
    }

    /// <summary>Answers the call and runs its script through the webhooks: three listens, two lines, hang-up.</summary>
    private static async Task ConverseAsync(TwilioTestHost target)
    {
        var voice = await target.TwimlAsync("/twilio/calls/call-1/voice", new Dictionary<string, string> { ["CallSid"] = FakeTwilioApi.CallSid });
        Assert.That(voice.Elements().Single().Name.LocalName, Is.EqualTo("Gather"));
        var second = await target.TwimlAsync("/twilio/calls/call-1/gather/0/0", new Dictionary<string, string> { ["SpeechResult"] = "Thank you for calling Acme" });
        Assert.That(second.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Play", "Gather" }));
        await target.TwimlAsync("/twilio/calls/call-1/gather/2/0", new Dictionary<string, string> { ["SpeechResult"] = "We open nine to one" });
        var silent = await target.TwimlAsync("/twilio/calls/call-1/gather/4/0", new Dictionary<string, string>());
        Assert.That(silent.Elements().Single().Attribute("action")!.Value, Does.EndWith("/gather/4/1"), "an empty result before max gathers again");
        var last = await target.TwimlAsync("/twilio/calls/call-1/gather/4/1", new Dictionary<string, string> { ["SpeechResult"] = "Have a nice day" });
        Assert.That(last.Elements().Last().Name.LocalName, Is.EqualTo("Hangup"));
    }

    private async Task<Dictionary<string, string>> DialledAsync()
    {
        var created = await host.Api.Created.WaitAsync(Wait);
        dialled = (await host.Journal.GetAsync("call-1"))!.OpenedAt;
        return created;
    }

    [Test]
    public async Task PlaceCall_Answered_ReportsEventsStoresRecordingThenDeletesIt()
    {
        var request = Request();
        var recordingPath = Path.Combine(data.Path, "recordings", "call-1.wav");
        host.Api.Recording = WavFile.Encode(8000, Channels(RecordingAudioTests.Conversation(callerFirst: false, TimeSpan.FromSeconds(30), Lines(request))), WavEncoding.Pcm16);
        host.Api.MustExistOnDelete = recordingPath;

        var run = Run(host.Carrier.PlaceCallAsync(request));
        var created = await DialledAsync();
        await StatusAsync(host, 0, "initiated", 0);
        await StatusAsync(host, 2, "in-progress", 6); // out of order: answered before ringing
        await StatusAsync(host, 1, "ringing", 1);
        await ConverseAsync(host);
        await StatusAsync(host, 3, "completed", 36, duration: "30");
        await StatusAsync(host, 3, "completed", 36, duration: "30"); // Twilio's retry
        await RecordingAsync(host);
        var events = await run.WaitAsync(Wait);

        Assert.Multiple(() =>
        {
            Assert.That(created["To"], Is.EqualTo("+15551230000"));
            Assert.That(created["From"], Is.EqualTo("+15559870000"));
            Assert.That(created["Url"], Is.EqualTo($"{TwilioTestHost.PublicBase}/twilio/calls/call-1/voice"));
            Assert.That(created["StatusCallback"], Is.EqualTo($"{TwilioTestHost.PublicBase}/twilio/calls/call-1/status"));
            Assert.That(created["StatusCallbackEvent"], Is.EqualTo("initiated,ringing,answered,completed"));
            Assert.That(created["Record"], Is.EqualTo("true").IgnoreCase);
            Assert.That(created["RecordingChannels"], Is.EqualTo("dual"));
            Assert.That(created["Trim"], Is.EqualTo("do-not-trim"));
            Assert.That(created["RecordingStatusCallback"], Is.EqualTo($"{TwilioTestHost.PublicBase}/twilio/calls/call-1/recording"));
            Assert.That(created["Timeout"], Is.EqualTo("60"));
            Assert.That(created["TimeLimit"], Is.EqualTo("1200"));
            Assert.That(created.ContainsKey("MachineDetection"), Is.False);
        });
        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[]
        {
            "CallRinging", "CallAnswered", "StepPlayed", "StepPlayed", "StepPlayed", "StepPlayed", "StepPlayed", "StepPlayed", "CallCompleted", "RecordingReady",
        }));
        Assert.That(events.OfType<StepPlayed>().Select(s => s.StepIndex), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(events[0].At.TotalSeconds, Is.EqualTo(1).Within(1));
        Assert.That(events[1].At.TotalSeconds, Is.EqualTo(6).Within(1));
        var completed = events.OfType<CallCompleted>().Single();
        Assert.That((completed.Status, completed.Duration), Is.EqualTo((CallStatus.Completed, (double?)30)));
        var ready = events.OfType<RecordingReady>().Single();
        Assert.That((ready.Path, ready.AgentChannel), Is.EqualTo((recordingPath, 1)));
        Assert.That(File.Exists(recordingPath), Is.True);
        Assert.That((host.Api.Deletes, host.Api.FileExistedAtDelete), Is.EqualTo((1, (bool?)true)));
        Assert.That(host.Api.LastAuthorization, Does.StartWith("Basic "));
        Assert.That(await host.Carrier.IsInFlightAsync("call-1"), Is.False);
    }

    [TestCase("busy", CallStatus.Busy)]
    [TestCase("no-answer", CallStatus.NoAnswer)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("canceled", CallStatus.Failed)]
    public async Task PlaceCall_NotAnswered_MapsTheStatus(string twilioStatus, CallStatus expected)
    {
        var run = Run(host.Carrier.PlaceCallAsync(Request()));
        await DialledAsync();
        await StatusAsync(host, 0, "initiated", 0);
        await StatusAsync(host, 1, "ringing", 1);
        await StatusAsync(host, 2, twilioStatus, 31);
        var events = await run.WaitAsync(Wait);

        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[] { "CallRinging", "CallCompleted" }));
        Assert.That(events.OfType<CallCompleted>().Single().Status, Is.EqualTo(expected));
        Assert.That(host.Api.Deletes, Is.Zero);
    }

    [Test]
    public async Task PlaceCall_TruncatedRecording_FailsAndKeepsTwiliosCopy()
    {
        var request = Request();
        var full = WavFile.Encode(8000, Channels(RecordingAudioTests.Conversation(callerFirst: true, TimeSpan.FromSeconds(30), Lines(request))), WavEncoding.Pcm16);
        host.Api.Recording = full[..(full.Length / 2)];

        var run = Run(host.Carrier.PlaceCallAsync(request));
        await DialledAsync();
        await StatusAsync(host, 1, "ringing", 1);
        await StatusAsync(host, 2, "in-progress", 5);
        await ConverseAsync(host);
        await StatusAsync(host, 3, "completed", 35, duration: "30");
        await RecordingAsync(host);
        var events = await run.WaitAsync(Wait);

        var completed = events.OfType<CallCompleted>().Single();
        Assert.That(completed.Status, Is.EqualTo(CallStatus.Failed));
        Assert.That(completed.Detail, Does.Contain("recording rejected"));
        Assert.That(events.OfType<RecordingReady>(), Is.Empty);
        Assert.That(host.Api.Deletes, Is.Zero);
    }

    [Test]
    public async Task Resume_AfterRestart_FollowsTheCallWithoutDiallingAgain()
    {
        var request = Request();
        var api = host.Api;
        api.Recording = WavFile.Encode(8000, Channels(RecordingAudioTests.Conversation(callerFirst: true, TimeSpan.FromSeconds(30), Lines(request))), WavEncoding.Pcm16);
        using var stop = new CancellationTokenSource();
        var first = Run(host.Carrier.PlaceCallAsync(request, stop.Token));
        await DialledAsync();
        await StatusAsync(host, 1, "ringing", 1);
        await StatusAsync(host, 2, "in-progress", 4);

        // The first host stops past its grace: the follower hangs up (best effort) and gives up following.
        await stop.CancelAsync();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(api.Hangups, Is.EqualTo(1));
        await host.DisposeAsync();

        host = await TwilioTestHost.StartAsync(data.Path, api);
        Assert.That(await host.Carrier.IsInFlightAsync("call-1"), Is.True);
        var resumed = Run(host.Carrier.ResumeCallAsync(request));
        await ConverseAsync(host);
        await StatusAsync(host, 3, "completed", 34, duration: "30");
        await RecordingAsync(host);
        var events = await resumed.WaitAsync(Wait);

        Assert.That(api.Creates, Is.EqualTo(1));
        Assert.That(events.Select(e => e.GetType().Name).Take(2), Is.EqualTo(new[] { "CallRinging", "CallAnswered" }));
        Assert.That(events.OfType<CallCompleted>().Single().Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(events.OfType<RecordingReady>().Single().AgentChannel, Is.EqualTo(2));

        // Placing the same call again (a retried job) follows the journal too: still one CreateCall.
        var again = await Run(host.Carrier.PlaceCallAsync(request)).WaitAsync(Wait);
        Assert.That(api.Creates, Is.EqualTo(1));
        Assert.That(again.OfType<CallCompleted>().Single().Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task Logs_ForgedWebhooksAndRejectedCredentials_NeverCarryTheToken()
    {
        var run = Run(host.Carrier.PlaceCallAsync(Request()));
        await DialledAsync();
        using var forged = await host.PostAsync("/twilio/calls/call-1/status", new Dictionary<string, string> { ["CallStatus"] = "busy" }, secret: "wrong");
        await StatusAsync(host, 1, "busy", 1);
        await run.WaitAsync(Wait);

        Assert.That(host.Logs.Lines, Is.Not.Empty);
        Assert.That(host.Logs.Lines.Where(l => l.Contains(TwilioTestHost.AuthToken, StringComparison.Ordinal)), Is.Empty);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TwilioTestHost.AccountSid}:{TwilioTestHost.AuthToken}"));
        Assert.That(host.Logs.Lines.Where(l => l.Contains(basic, StringComparison.Ordinal)), Is.Empty);
    }

    private static float[][] Channels(TwoChannelAudio audio) => [audio.Channel1, audio.Channel2];
}
