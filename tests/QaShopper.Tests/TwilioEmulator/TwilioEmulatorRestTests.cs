using System.Net;
using QaShopper.Audio;
using QaShopper.Twilio.Emulator;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace QaShopper.Tests.EmulatedTwilio;

/// <summary>The REST API as the real Twilio SDK sees it.</summary>
public sealed class TwilioEmulatorRestTests
{
    private static ScriptedCallee Silent(TimeSpan ring) => new(_ => EmulatedAnswer.Answered(ring, new ScriptedAgent([])));

    private static CreateCallOptions Call(TwilioEmulatorHarness h, string to = TwilioEmulatorHarness.Callee, string from = TwilioEmulatorHarness.Owned) =>
        new(new PhoneNumber(to), new PhoneNumber(from))
        {
            Url = h.App.Url("/twiml"),
            Record = true,
            RecordingChannels = "dual",
            Trim = "do-not-trim",
            StatusCallback = h.App.Url("/status"),
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
        };

    [Test]
    public async Task Sdk_CreateFetchAccountNumbersAndDeleteRecording_RoundTrips()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.FromSeconds(4)));
        h.App.Twiml("/twiml", "<Response><Pause length=\"3\"/></Response>");

        var created = await CallResource.CreateAsync(Call(h), h.Client);
        Assert.That(created.Sid, Does.Match("^CA[0-9a-f]{32}$"));
        Assert.That(created.Status, Is.EqualTo(CallResource.StatusEnum.Queued));

        await h.Emulator.WhenIdleAsync(CancellationToken.None);
        var fetched = await CallResource.FetchAsync(created.Sid, client: h.Client);
        var account = await AccountResource.FetchAsync(h.Emulator.AccountSid, h.Client);
        var numbers = await IncomingPhoneNumberResource.ReadAsync(client: h.Client);
        var call = h.Emulator.Calls.Single();

        Assert.Multiple(() =>
        {
            Assert.That(fetched.Status, Is.EqualTo(CallResource.StatusEnum.Completed));
            Assert.That(fetched.Duration, Is.EqualTo("3"));
            Assert.That(fetched.To, Is.EqualTo(TwilioEmulatorHarness.Callee));
            Assert.That(fetched.From, Is.EqualTo(TwilioEmulatorHarness.Owned));
            Assert.That(fetched.Direction, Is.EqualTo("outbound-api"));

            // Ring time = (end - start) - duration: one second of dialling plus the callee's four.
            Assert.That((fetched.EndTime!.Value - fetched.StartTime!.Value).TotalSeconds - int.Parse(fetched.Duration, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(5).Within(1));
            Assert.That(account.Status, Is.EqualTo(AccountResource.StatusEnum.Active));
            Assert.That(numbers.Select(n => n.PhoneNumber.ToString()), Is.EqualTo(new[] { TwilioEmulatorHarness.Owned }));
            Assert.That(call.RecordingSid, Does.Match("^RE[0-9a-f]{32}$"));
        });

        var recording = await RecordingResource.FetchAsync(call.RecordingSid!, client: h.Client);
        Assert.That(recording.Channels, Is.EqualTo(2));
        Assert.That(recording.Duration, Is.EqualTo("3"));

        using var http = new HttpClient();
        var wavUrl = new Uri(h.Emulator.BaseAddress, $"2010-04-01/Accounts/{h.Emulator.AccountSid}/Recordings/{call.RecordingSid}.wav?RequestedChannels=2");
        var wav = WavFile.Parse(await http.GetByteArrayAsync(wavUrl), "recording.wav");
        Assert.That(wav.Channels, Has.Count.EqualTo(2));
        Assert.That(wav.SampleRate, Is.EqualTo(8000));

        var deleted = await RecordingResource.DeleteAsync(call.RecordingSid!, client: h.Client);
        Assert.That(deleted, Is.True);
        var after = await http.GetAsync(wavUrl);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(h.Emulator.Calls.Single().RecordingDeleted, Is.True);
    }

    [Test]
    public async Task UpdateCall_StatusCompletedWhileAnswered_HangsUp()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.FromSeconds(2)),
            new TwilioEmulatorOptions { OwnedNumbers = [TwilioEmulatorHarness.Owned], TimeScale = 1 });
        h.App.Twiml("/twiml", "<Response><Pause length=\"600\"/></Response>");
        var created = await CallResource.CreateAsync(Call(h), h.Client);

        // Real time: wait until the call is answered and pausing, then hang up.
        while (h.Emulator.Calls.Single().Status != "in-progress")
        {
            await Task.Delay(50);
        }

        var updated = await CallResource.UpdateAsync(new UpdateCallOptions(created.Sid) { Status = CallResource.UpdateStatusEnum.Completed }, h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        Assert.That(updated.Status, Is.EqualTo(CallResource.StatusEnum.Completed));
        Assert.That(h.Emulator.Calls.Single().EndTime - h.Emulator.Calls.Single().AnsweredAt, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task UpdateCall_CanceledWhileRinging_EndsCanceled()
    {
        var answer = new TaskCompletionSource<EmulatedAnswer>();
        var ringing = new TaskCompletionSource();
        var callee = new BlockingCallee(answer, ringing);
        await using var h = await TwilioEmulatorHarness.StartAsync(callee);
        var created = await CallResource.CreateAsync(Call(h), h.Client);
        await ringing.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await CallResource.UpdateAsync(new UpdateCallOptions(created.Sid) { Status = CallResource.UpdateStatusEnum.Canceled }, h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var statuses = h.App.At("/status").Select(r => r.Form["CallStatus"]).ToList();
        Assert.That(h.Emulator.Calls.Single().Status, Is.EqualTo("canceled"));
        Assert.That(statuses, Is.EqualTo(new[] { "initiated", "ringing", "canceled" }));
    }

    [Test]
    public async Task CreateCall_ToNotE164_Returns400WithCode21211()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.Zero));
        var ex = Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(Call(h, to: "0113 496 0001"), h.Client));
        Assert.That((ex!.Status, ex.Code), Is.EqualTo((400, 21211)));
    }

    [Test]
    public async Task CreateCall_FromNotOwned_Returns400WithCode21212()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.Zero));
        var ex = Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(Call(h, from: "+15005550001"), h.Client));
        Assert.That((ex!.Status, ex.Code), Is.EqualTo((400, 21212)));
    }

    [Test]
    public async Task CreateCall_WithoutUrlOrTwiml_Returns400WithCode21205()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.Zero));
        var options = Call(h);
        options.Url = null;
        var ex = Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(options, h.Client));
        Assert.That((ex!.Status, ex.Code), Is.EqualTo((400, 21205)));
    }

    [Test]
    public async Task AnyRequest_WrongAuthToken_Returns401WithCode20003()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.Zero));
        var client = h.ClientFor(h.Emulator.AccountSid, new string('0', 32));
        var ex = Assert.ThrowsAsync<ApiException>(() => AccountResource.FetchAsync(h.Emulator.AccountSid, client));
        Assert.That((ex!.Status, ex.Code), Is.EqualTo((401, 20003)));
        Assert.That(h.Emulator.Calls, Is.Empty);
    }

    [Test]
    public async Task AnyRequest_ApiKeyCredentials_AreAccepted()
    {
        var options = new TwilioEmulatorOptions { OwnedNumbers = [TwilioEmulatorHarness.Owned], ApiKey = ("SK" + new string('a', 32), "secret-of-the-key") };
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.Zero), options);
        var client = h.ClientFor(options.ApiKey.Value.Sid, options.ApiKey.Value.Secret);

        var numbers = await IncomingPhoneNumberResource.ReadAsync(client: client);

        Assert.That(numbers.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task ListNumbers_MoreThanAPage_SdkFollowsNextPageUri()
    {
        string[] owned = [.. Enumerable.Range(0, 5).Select(i => $"+1500555000{i}")];
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.Zero), new TwilioEmulatorOptions { OwnedNumbers = owned });

        var numbers = await IncomingPhoneNumberResource.ReadAsync(new ReadIncomingPhoneNumberOptions { PageSize = 2 }, h.Client);

        Assert.That(numbers.Select(n => n.PhoneNumber.ToString()), Is.EqualTo(owned));
    }

    [Test]
    public async Task ReadCalls_FilteredByTo_SdkListsOnlyThoseCallsAcrossPages()
    {
        await using var h = await TwilioEmulatorHarness.StartAsync(Silent(TimeSpan.FromSeconds(1)));
        h.App.Twiml("/twiml", "<Response><Hangup/></Response>");
        var toLeeds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            toLeeds.Add((await CallResource.CreateAsync(Call(h), h.Client)).Sid);
            await CallResource.CreateAsync(Call(h, to: "+13125550101"), h.Client);
        }

        await h.Emulator.WhenIdleAsync(CancellationToken.None);
        var listed = await CallResource.ReadAsync(new ReadCallOptions { To = new PhoneNumber(TwilioEmulatorHarness.Callee), PageSize = 2 }, h.Client);

        // Newest first, as Twilio lists calls.
        Assert.That(listed.Select(c => c.Sid), Is.EqualTo(Enumerable.Reverse(toLeeds)));
        Assert.That(listed.Select(c => c.Status), Is.All.EqualTo(CallResource.StatusEnum.Completed));
    }

    private sealed class BlockingCallee(TaskCompletionSource<EmulatedAnswer> answer, TaskCompletionSource ringing) : IEmulatedCallee
    {
        public async Task<EmulatedAnswer> AnswerAsync(EmulatedCallInfo callInfo, CancellationToken cancellationToken)
        {
            ringing.TrySetResult();
            return await answer.Task.WaitAsync(cancellationToken);
        }
    }
}
