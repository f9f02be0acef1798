using System.Net;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;
using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

public sealed class TwilioWebhookTests
{
    private const string Status = "/twilio/calls/call-1/status";
    private TempDirectory data = null!;
    private TwilioTestHost host = null!;

    [SetUp]
    public async Task SetUp()
    {
        data = new TempDirectory();
        host = await TwilioTestHost.StartAsync(data.Path);
        await host.Journal.OpenAsync("call-1", "twilio", Plan(
            new PlannedStep { Kind = StepKinds.Say, Audio = new string('a', 64), DurationMs = 2000 },
            PlannedStep.Press("1w2"),
            PlannedStep.Pause(TimeSpan.FromSeconds(3)),
            PlannedStep.Listen(new ListenStep(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2), ["opening hours"], default)),
            new PlannedStep { Kind = StepKinds.Hangup }).Serialize(), DateTimeOffset.UnixEpoch);
    }

    [TearDown]
    public async Task TearDown()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    internal static TwilioCallPlan Plan(params PlannedStep[] steps) => new()
    {
        CallId = "call-1",
        To = "+15551230000",
        From = "+15559870000",
        Locale = "en-US",
        Steps = steps,
    };

    private static Dictionary<string, string> StatusForm(int sequence = 1, string status = "ringing") => new()
    {
        ["CallSid"] = FakeTwilioApi.CallSid,
        ["AccountSid"] = TwilioTestHost.AccountSid,
        ["CallStatus"] = status,
        ["SequenceNumber"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Timestamp"] = "Mon, 02 Mar 2026 09:00:03 +0000",
    };

    private async Task<int> EventCount() => (await host.Journal.GetAsync("call-1"))!.Events.Count;

    [Test]
    public async Task Status_SignedForPublicUrlBehindProxy_IsJournaledOnce()
    {
        using var first = await host.PostAsync(Status, StatusForm());
        using var again = await host.PostAsync(Status, StatusForm());

        Assert.That((first.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
        Assert.That(await EventCount(), Is.EqualTo(1));
    }

    [Test]
    public async Task Status_WithQueryString_IsCheckedAgainstTheRawQuery()
    {
        using var response = await host.PostAsync(Status + "?x=a%20b&y=c+d", StatusForm());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [TestCase("unsigned")]
    [TestCase("wrong-token")]
    [TestCase("body-changed")]
    [TestCase("url-changed")]
    [TestCase("listening-address")]
    [TestCase("garbage")]
    public async Task Status_Forged_Is403AndChangesNothing(string forgery)
    {
        var form = StatusForm();
        using var response = forgery switch
        {
            "unsigned" => await host.PostAsync(Status, form, sign: false),
            "wrong-token" => await host.PostAsync(Status, form, secret: "another-token"),
            "body-changed" => await host.PostAsync(Status, StatusForm(status: "completed"), signature: TwilioSigner.SignForm(TwilioTestHost.AuthToken, TwilioTestHost.PublicBase + Status, form)),
            "url-changed" => await host.PostAsync(Status, form, signedUrl: TwilioTestHost.PublicBase + "/twilio/calls/call-1/recording"),
            "listening-address" => await host.PostAsync(Status, form, signedUrl: "http://127.0.0.1" + Status),
            _ => await host.PostAsync(Status, form, signature: "bm90IGEgc2lnbmF0dXJl"),
        };

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await EventCount(), Is.Zero);
        Assert.That(host.Logs.Lines.Any(l => l.Contains("refused (403)", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task Status_JsonBodyWithBodyHash_IsAccepted()
    {
        using var response = await host.PostJsonAsync(Status, """{"CallSid":"CA1","CallStatus":"ringing","SequenceNumber":"1"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await EventCount(), Is.EqualTo(1));
    }

    [Test]
    public async Task Status_HmacSha256Announced_IsCheckedWithThatAlgorithm()
    {
        const string settings = "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256";
        var body = """{"CallSid":"CA1","CallStatus":"ringing","SequenceNumber":"1"}""";

        using var sha256 = await host.PostJsonAsync(Status, body, settings, sha256: true);
        using var sha1UnderSha256 = await host.PostJsonAsync(Status, body.Replace("\"1\"", "\"2\"", StringComparison.Ordinal), settings, sha256: false);

        Assert.That((sha256.StatusCode, sha1UnderSha256.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.Forbidden)));
    }

    [Test]
    public async Task Webhook_UnknownCall_Is404()
    {
        using var response = await host.PostAsync("/twilio/calls/nope/status", StatusForm());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Status_WithoutCallStatus_Is400WithAReason()
    {
        var form = StatusForm();
        form.Remove("CallStatus");

        using var response = await host.PostAsync(Status, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("CallStatus"));
    }

    [Test]
    public async Task Audio_OnlyAStoredHashIsServed()
    {
        var store = (TwilioAudioStore)host.Services.GetService(typeof(TwilioAudioStore))!;
        var hash = store.Save(ToneSynthesizer.Clip("hello"));

        using var clip = await host.GetAsync($"/twilio/audio/{hash}.wav");
        using var other = await host.GetAsync($"/twilio/audio/{new string('b', 64)}.wav");
        using var traversal = await host.GetAsync("/twilio/audio/..%2F..%2Fstore%2Fqashopper.db");

        Assert.That(clip.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((other.StatusCode, traversal.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [Test]
    public async Task Voice_ScriptUpToTheFirstListen_PlaysEachStepKind()
    {
        var twiml = await host.TwimlAsync("/twilio/calls/call-1/voice", new Dictionary<string, string> { ["CallSid"] = FakeTwilioApi.CallSid });

        var verbs = twiml.Elements().ToList();
        Assert.That(verbs.Select(v => v.Name.LocalName), Is.EqualTo(new[] { "Play", "Play", "Pause", "Gather" }));
        Assert.That(verbs[0].Value, Is.EqualTo($"{TwilioTestHost.PublicBase}/twilio/audio/{new string('a', 64)}.wav"));
        Assert.That(verbs[1].Attribute("digits")!.Value, Is.EqualTo("1w2"));
        Assert.That(verbs[2].Attribute("length")!.Value, Is.EqualTo("3"));
        var gather = verbs[3];
        Assert.Multiple(() =>
        {
            Assert.That(gather.Attribute("input")!.Value, Is.EqualTo("speech"));
            Assert.That(gather.Attribute("action")!.Value, Is.EqualTo($"{TwilioTestHost.PublicBase}/twilio/calls/call-1/gather/3/0"));
            Assert.That(gather.Attribute("timeout")!.Value, Is.EqualTo("20"));
            Assert.That(gather.Attribute("speechTimeout")!.Value, Is.EqualTo("2"));
            Assert.That(gather.Attribute("actionOnEmptyResult")!.Value, Is.EqualTo("true"));
            Assert.That(gather.Attribute("language")!.Value, Is.EqualTo("en-US"));
        });
    }

    [Test]
    public async Task Gather_UntilPhraseHeard_ContinuesToHangup()
    {
        await host.TwimlAsync("/twilio/calls/call-1/voice", new Dictionary<string, string>());

        var other = await host.TwimlAsync("/twilio/calls/call-1/gather/3/0", new Dictionary<string, string> { ["SpeechResult"] = "Thanks for calling Acme" });
        var heard = await host.TwimlAsync("/twilio/calls/call-1/gather/3/1", new Dictionary<string, string> { ["SpeechResult"] = "Our opening hours are nine to one" });
        var retried = await host.TwimlAsync("/twilio/calls/call-1/gather/3/1", new Dictionary<string, string> { ["SpeechResult"] = "Our opening hours are nine to one" });

        Assert.That(other.Elements().Single().Attribute("action")!.Value, Does.EndWith("/gather/3/1"));
        Assert.That(heard.Elements().Select(v => v.Name.LocalName), Is.EqualTo(new[] { "Hangup" }));
        Assert.That(retried.ToString(), Is.EqualTo(heard.ToString()));
        var steps = (await host.Journal.GetAsync("call-1"))!.Events.Where(e => e.Kind == "step").Select(e => e["Step"]);
        Assert.That(steps, Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));
    }

    [Test]
    public async Task Gather_HoldCue_GathersAgainThroughHoldMusic()
    {
        await host.DisposeAsync();
        host = await TwilioTestHost.StartAsync(data.Path, settings: new Dictionary<string, string?> { ["Twilio:HoldMusicUrl"] = "https://music.example.com/hold.mp3" });
        await host.TwimlAsync("/twilio/calls/call-1/voice", new Dictionary<string, string>());

        var hold = await host.TwimlAsync("/twilio/calls/call-1/gather/3/0", new Dictionary<string, string> { ["SpeechResult"] = "Please hold while I check." });

        var gather = hold.Elements().Single();
        Assert.That(gather.Name.LocalName, Is.EqualTo("Gather"));
        Assert.That(gather.Elements().Single().Value, Is.EqualTo("https://music.example.com/hold.mp3"));
        Assert.That(int.Parse(gather.Attribute("timeout")!.Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(250));
    }
}
