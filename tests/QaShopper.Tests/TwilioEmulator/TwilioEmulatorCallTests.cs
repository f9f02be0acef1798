using System.Globalization;
using QaShopper.Audio;
using QaShopper.Twilio.Emulator;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;

namespace QaShopper.Tests.EmulatedTwilio;

/// <summary>Calls driven by TwiML from a small webhook app, checked from the webhooks received and the recording.</summary>
public sealed class TwilioEmulatorCallTests
{
    private const double Line = 1.0;

    private static AgentUtterance Say(double at, string text, double seconds = 1.0, double hz = 1000) => new(TimeSpan.FromSeconds(at), Tones.Sine(hz, seconds), text);

    private static CreateCallOptions Call(TwilioEmulatorHarness h, string path = "/start", int? timeLimit = null, int? timeout = null) =>
        new(new PhoneNumber(TwilioEmulatorHarness.Callee), new PhoneNumber(TwilioEmulatorHarness.Owned))
        {
            Url = h.App.Url(path),
            Record = true,
            RecordingChannels = "dual",
            Trim = "do-not-trim",
            StatusCallback = h.App.Url("/status?leg=1"),
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            RecordingStatusCallback = h.App.Url("/recording").ToString(),
            TimeLimit = timeLimit,
            Timeout = timeout,
        };

    private static async Task<TwilioEmulatorHarness> StartAsync(IEmulatedCallee callee, bool sha256 = false, int callerChannel = 1)
    {
        var h = await TwilioEmulatorHarness.StartAsync(callee, new TwilioEmulatorOptions
        {
            OwnedNumbers = [TwilioEmulatorHarness.Owned], SignWithSha256 = sha256, CallerChannel = callerChannel, Seed = 11,
        });
        h.App.Audio("/audio/line.wav", Tones.Sine(440, Line));
        h.App.Audio("/audio/music.wav", Tones.Sine(300, 0.5, 16000));
        return h;
    }

    /// <summary>
    /// Greeting heard, a caller line played, a hold line heard, hold music while waiting for the agent to come back,
    /// digits, a pause, a redirect, a second line, the goodbye, an empty gather and a hang-up. Times from the answer:
    /// greeting 0.5-1.5 (result 2.5); line 2.5-3.5; hold line 4.0-5.0 (result 6.0); music 6.0-11.5; back 11.5-12.5
    /// (speechTimeout 2: result 14.5); digits 14.5-15.4; pause to 17.4; line 17.4-18.4; goodbye 18.7-19.7 (result 20.7);
    /// nothing for 3 s: empty action at 23.7; hang-up.
    /// </summary>
    private static (TwilioEmulatorHarness, ScriptedAgent) Script(TwilioEmulatorHarness h)
    {
        var agent = new ScriptedAgent(new()
        {
            [1] = [Say(0.5, "Hello, Acme bank")],
            [2] = [Say(0.5, "Please hold"), Say(8.0, "Thanks for holding", hz: 1200)],
            [3] = [Say(0.3, "Goodbye", hz: 900)],
        });
        const string gather = "<Gather input=\"speech\" speechTimeout=\"auto\" timeout=\"5\" language=\"en-GB\" hints=\"card\" action=\"{0}\"/>";
        h.App.Twiml("/start", $"<Response>{string.Format(CultureInfo.InvariantCulture, gather, "/greeted")}</Response>");
        h.App.Twiml("/greeted", $"<Response><Play>/audio/line.wav</Play>{string.Format(CultureInfo.InvariantCulture, gather, "/held")}</Response>");
        h.App.Twiml("/held", "<Response><Gather input=\"speech\" timeout=\"10\" speechTimeout=\"2\" action=\"/back?x=1&amp;y=a%20b\"><Play loop=\"0\">/audio/music.wav</Play></Gather></Response>");
        h.App.Twiml("/back", "<Response><Play digits=\"1w2\"/><Pause length=\"2\"/><Redirect>/again</Redirect></Response>");
        h.App.Twiml("/again", $"<Response><Play>/audio/line.wav</Play>{string.Format(CultureInfo.InvariantCulture, gather, "/bye")}</Response>");
        h.App.Twiml("/bye", "<Response><Gather input=\"speech\" timeout=\"3\" actionOnEmptyResult=\"true\" action=\"/empty\"/><Say>not reached</Say></Response>");
        h.App.Twiml("/empty", "<Response><Hangup/><Say>not reached</Say></Response>");
        return (h, agent);
    }

    [TestCase(false, 1)]
    [TestCase(true, 2)]
    public async Task ScriptedCall_FullConversation_WebhooksSignedSpeechInOrderAndRecordingOnRightChannels(bool sha256, int callerChannel)
    {
        ScriptedAgent agent = null!;
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(5), agent)), sha256, callerChannel);
        (_, agent) = Script(h);

        var created = await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var call = h.Emulator.Calls.Single();
        Assert.That(call.Errors, Is.Empty);
        Assert.That(call.Status, Is.EqualTo("completed"));

        // Every request the carrier got validates with the SDK, with the algorithm the settings header names.
        var secret = sha256 ? h.Emulator.SharedKey!.Value.Secret : h.Emulator.AuthToken;
        var validator = new RequestValidator(secret);
        Assert.That(h.App.Received, Is.Not.Empty);
        foreach (var r in h.App.Received)
        {
            var algorithm = RequestValidator.GetSignatureAlgorithm(r.SignatureSettings);
            Assert.That(algorithm, Is.EqualTo(sha256 ? RequestValidator.HmacSha256 : RequestValidator.HmacSha1));
            Assert.That(validator.Validate(r.Url, r.Form, r.Signature, algorithm), Is.True, $"{r.Method} {r.Url}");
        }

        // The agent's words arrive as SpeechResult, turn by turn; the empty gather posts no SpeechResult.
        string?[] results = [.. new[] { "/greeted", "/held", "/back", "/bye" }.Select(p => h.App.At(p).Single().Form.GetValueOrDefault("SpeechResult"))];
        Assert.That(results, Is.EqualTo(new[] { "Hello, Acme bank", "Please hold", "Thanks for holding", "Goodbye" }));
        var empty = h.App.At("/empty").Single().Form;
        Assert.That(empty.ContainsKey("SpeechResult"), Is.False);
        Assert.That(h.App.At("/start").Single().Form, Does.ContainKey("CallSid").WithValue(created.Sid)
            .And.ContainKey("Direction").WithValue("outbound-api").And.ContainKey("CallStatus").WithValue("in-progress")
            .And.ContainKey("ApiVersion").WithValue("2010-04-01").And.ContainKey("AccountSid").WithValue(h.Emulator.AccountSid));
        Assert.That(agent.Cues.Select(c => (c.Turn, c.Kind)), Is.EqualTo(new[]
        {
            (1, AgentCueKind.Answered), (2, AgentCueKind.CallerSpoke), (2, AgentCueKind.Digits), (3, AgentCueKind.CallerSpoke),
        }));

        // Status callbacks in order with their sequence numbers; the recording after.
        var statuses = h.App.At("/status").Select(r => r.Form).ToList();
        Assert.That(statuses.Select(s => s["CallStatus"]), Is.EqualTo(new[] { "initiated", "ringing", "in-progress", "completed" }));
        Assert.That(statuses.Select(s => s["SequenceNumber"]), Is.EqualTo(new[] { "0", "1", "2", "3" }));
        Assert.That(statuses.Select(s => s["CallbackSource"]).Distinct(), Is.EqualTo(new[] { "call-progress-events" }));
        Assert.That(statuses[3]["CallDuration"], Is.EqualTo("24"));
        Assert.That(DateTimeOffset.Parse(statuses[2]["Timestamp"], CultureInfo.InvariantCulture) - DateTimeOffset.Parse(statuses[1]["Timestamp"], CultureInfo.InvariantCulture),
            Is.EqualTo(TimeSpan.FromSeconds(5)));

        var recording = h.App.At("/recording").Single().Form;
        Assert.That(recording["RecordingSid"], Is.EqualTo(call.RecordingSid));
        Assert.That(recording["RecordingUrl"], Is.EqualTo($"{h.Emulator.BaseAddress}2010-04-01/Accounts/{h.Emulator.AccountSid}/Recordings/{call.RecordingSid}"));
        Assert.That((recording["RecordingChannels"], recording["RecordingDuration"], recording["RecordingStatus"], recording["RecordingSource"]),
            Is.EqualTo(("2", "24", "completed", "OutboundAPI")));

        using var http = new HttpClient();
        var wav = WavFile.Parse(await http.GetByteArrayAsync(recording["RecordingUrl"] + ".wav?RequestedChannels=2"), "r.wav");
        var caller = wav.Channels[callerChannel - 1];
        var callee = wav.Channels[2 - callerChannel];
        Assert.Multiple(() =>
        {
            Assert.That(wav.Duration.TotalSeconds, Is.EqualTo(23.7).Within(0.01));
            Assert.That(Tones.Rms(callee, 0.6, 1.4), Is.GreaterThan(0.1), "greeting on the callee channel");
            Assert.That(Tones.Rms(caller, 0.6, 1.4), Is.LessThan(0.001), "greeting not on the caller channel");
            Assert.That(Tones.Rms(caller, 2.6, 3.4), Is.GreaterThan(0.1), "caller line");
            Assert.That(Tones.Rms(callee, 2.6, 3.4), Is.LessThan(0.001), "caller line not on the callee channel");
            Assert.That(Tones.Rms(callee, 4.1, 4.9), Is.GreaterThan(0.1), "hold line");
            Assert.That(Tones.Rms(callee, 5.1, 11.4), Is.LessThan(0.001), "hold gap");
            Assert.That(Tones.Rms(caller, 6.1, 11.4), Is.GreaterThan(0.1), "hold music while waiting");
            Assert.That(Tones.Rms(caller, 11.6, 14.4), Is.LessThan(0.001), "music stopped when the agent spoke");
            Assert.That(Tones.Rms(callee, 11.6, 12.4), Is.GreaterThan(0.1), "back from hold");
            Assert.That(Tones.Rms(caller, 14.5, 14.6), Is.GreaterThan(0.05), "first DTMF digit");
            Assert.That(Tones.Rms(caller, 15.5, 17.3), Is.LessThan(0.001), "pause");
            Assert.That(Tones.Rms(caller, 17.5, 18.3), Is.GreaterThan(0.1), "second caller line");
            Assert.That(Tones.Rms(callee, 18.8, 19.6), Is.GreaterThan(0.1), "goodbye");
        });

        var fetched = await CallResource.FetchAsync(created.Sid, client: h.Client);
        Assert.That(fetched.Duration, Is.EqualTo("24"));
    }

    [TestCase("busy", "busy")]
    [TestCase("no-answer", "no-answer")]
    [TestCase("failed", "failed")]
    public async Task Faults_UnansweredOutcome_EndsWithThatStatusAndNoRecording(string fault, string expected)
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.Emulator.Faults.ForNumber(TwilioEmulatorHarness.Callee, fault switch
        {
            "busy" => CallFaults.Busy,
            "no-answer" => CallFaults.NoAnswer,
            _ => CallFaults.Failed,
        });

        await CallResource.CreateAsync(Call(h, timeout: 20), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var call = h.Emulator.Calls.Single();
        Assert.That(call.Status, Is.EqualTo(expected));
        Assert.That(call.RecordingSid, Is.Null);
        Assert.That(h.App.At("/recording"), Is.Empty);
        Assert.That(h.App.At("/start"), Is.Empty);
        Assert.That(h.App.At("/status")[^1].Form["CallStatus"], Is.EqualTo(expected));
        if (expected == "no-answer")
        {
            Assert.That(call.EndTime - call.StartTime, Is.EqualTo(TimeSpan.FromSeconds(21)), "dialling plus the request's Timeout");
        }
    }

    [Test]
    public async Task SlowAnswer_RingPastTimeout_EndsNoAnswer()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.Emulator.Faults.ForNextCall(CallFaults.SlowAnswer(TimeSpan.FromSeconds(30)));

        await CallResource.CreateAsync(Call(h, timeout: 25), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        Assert.That(h.Emulator.Calls.Single().Status, Is.EqualTo("no-answer"));
    }

    [Test]
    public async Task SlowAnswer_WithinTimeout_AnsweredAfterChosenRingTime()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.App.Twiml("/start", "<Response><Hangup/></Response>");
        h.Emulator.Faults.ForNextCall(CallFaults.SlowAnswer(TimeSpan.FromSeconds(30)));

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var call = h.Emulator.Calls.Single();
        Assert.That(call.AnsweredAt - call.StartTime, Is.EqualTo(TimeSpan.FromSeconds(31)));
    }

    [Test]
    public async Task Faults_DuplicatedStatusCallbacks_EachSentTwiceWithSameSequenceNumber()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.App.Twiml("/start", "<Response><Pause length=\"2\"/></Response>");
        h.Emulator.Faults.ForNextCall(CallFaults.DuplicatedStatusCallbacks);

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        Assert.That(h.App.At("/status").Select(r => r.Form["SequenceNumber"]), Is.EqualTo(new[] { "0", "0", "1", "1", "2", "2", "3", "3" }));
    }

    [Test]
    public async Task Faults_ReorderedStatusCallbacks_ArriveLastFirstWithCallOrderSequenceNumbers()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.App.Twiml("/start", "<Response><Pause length=\"2\"/></Response>");
        h.Emulator.Faults.ForNextCall(CallFaults.ReorderedStatusCallbacks);

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var received = h.App.At("/status").Select(r => (r.Form["SequenceNumber"], r.Form["CallStatus"])).ToList();
        Assert.That(received, Is.EqualTo(new[] { ("3", "completed"), ("2", "in-progress"), ("1", "ringing"), ("0", "initiated") }));
    }

    [Test]
    public async Task Faults_RecordingCallbackFirst_ArrivesBeforeCompleted()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.App.Twiml("/start", "<Response><Pause length=\"2\"/></Response>");
        h.Emulator.Faults.ForNextCall(CallFaults.RecordingCallbackFirst);

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var order = h.App.Received.Where(r => r.Path is "/status" or "/recording").Select(r => r.Path == "/recording" ? "recording" : r.Form["CallStatus"]).ToList();
        Assert.That(order, Is.EqualTo(new[] { "initiated", "ringing", "in-progress", "recording", "completed" }));
    }

    [Test]
    public async Task TimeLimit_LongPause_EndsCallAtLimit()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.App.Twiml("/start", "<Response><Pause length=\"60\"/></Response>");

        await CallResource.CreateAsync(Call(h, timeLimit: 5), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var completed = h.App.At("/status")[^1].Form;
        Assert.That((completed["CallStatus"], completed["CallDuration"]), Is.EqualTo(("completed", "5")));
        Assert.That(h.App.At("/recording").Single().Form["RecordingDuration"], Is.EqualTo("5"));
    }

    [Test]
    public async Task TwimlFetch_Http500_EndsCallWithError11200WithoutRetry()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), new ScriptedAgent([]))));
        h.App.Failing["/start"] = 500;

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var call = h.Emulator.Calls.Single();
        Assert.That(call.Status, Is.EqualTo("completed"));
        Assert.That(call.Errors, Has.One.StartsWith("11200"));
        Assert.That(h.App.At("/start"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StatusCallback_EndpointTooSlow_GivesUpAndRetriesOnce()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(
            new ScriptedCallee(_ => EmulatedAnswer.Busy),
            new TwilioEmulatorOptions { OwnedNumbers = [TwilioEmulatorHarness.Owned], WebhookTimeout = TimeSpan.FromMilliseconds(300) });
        h.App.Slow["/status"] = TimeSpan.FromSeconds(5);
        var options = Call(h);
        options.StatusCallbackEvent = ["completed"];

        await CallResource.CreateAsync(options, h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var attempts = h.Emulator.Deliveries.Where(d => d.Kind == WebhookKind.StatusCallback).ToList();
        Assert.That(attempts.Select(a => (a.Attempt, a.ResponseStatus)), Is.EqualTo(new (int, int?)[] { (1, null), (2, null) }));
        Assert.That(attempts.Select(a => a.Parameters["SequenceNumber"]).Distinct().Single(), Is.EqualTo("0"));
    }

    [Test]
    public async Task StatusCallback_ConnectionRefused_RetriedOnce()
    {
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Busy));
        var options = Call(h);
        options.StatusCallback = new Uri("http://127.0.0.1:9/status");
        options.StatusCallbackEvent = ["completed"];

        await CallResource.CreateAsync(options, h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var attempts = h.Emulator.Deliveries.Where(d => d.Kind == WebhookKind.StatusCallback).ToList();
        Assert.That(attempts.Select(a => a.Attempt), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(attempts.All(a => a.ResponseStatus is null && a.Error is not null), Is.True);
    }

    [Test]
    public async Task InlineTwiml_TrimSilenceDefault_TrimsLeadingSilenceAndShiftsStart()
    {
        var agent = new ScriptedAgent(new() { [1] = [Say(2.0, "Hello")] });
        await using var h = await StartAsync(new ScriptedCallee(_ => EmulatedAnswer.Answered(TimeSpan.FromSeconds(3), agent)));
        var options = new CreateCallOptions(new PhoneNumber(TwilioEmulatorHarness.Callee), new PhoneNumber(TwilioEmulatorHarness.Owned))
        {
            Twiml = new Twiml("<Response><Pause length=\"5\"/></Response>"),
            Record = true,
            RecordingChannels = "dual",
            RecordingStatusCallback = h.App.Url("/recording").ToString(),
        };

        await CallResource.CreateAsync(options, h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var recording = h.App.At("/recording").Single().Form;
        var samples = h.Emulator.RecordingSamples(recording["RecordingSid"])!;
        Assert.That(samples[0].Length / 8000.0, Is.EqualTo(1.0).Within(0.01), "only the agent's second of speech is left");
        Assert.That(recording["RecordingDuration"], Is.EqualTo("1"));
    }
}
