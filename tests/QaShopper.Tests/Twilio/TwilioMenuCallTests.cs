using System.Globalization;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Tests.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Twilio;

/// <summary>A script that navigates a menu: the answer counts from the last press to the agent's first words on the recording.</summary>
public sealed class TwilioMenuCallTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task PlaceCall_MenuScript_AnswersAtTheAgentsFirstWordsAfterTheLastPress()
    {
        using var data = new TempDirectory();
        var clock = new TestClock(T0);
        await using var host = await TwilioTestHost.StartAsync(data.Path, clock: clock);
        var scenario = ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml").Scenario!;
        var rendered = ScenarioRenderer.Render(scenario, new Random(7));
        var none = Array.Empty<string>();
        rendered = rendered with
        {
            Script =
            [
                new ListenStep(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), none, default),
                new PressStep("1", default),
                new ListenStep(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), none, default),
                new SayStep("When do you open on Saturday?", default),
                new ListenStep(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), none, default),
                new HangupStep(default),
            ],
        };

        // Recording time 0 is the IVR's answer (dialling + 2 s): the menu speaks at 0.5-4 s, the press ends at 5.2 s,
        // a person first speaks at 10 s, the caller's line plays at 13-15 s.
        var length = 21 * TelephoneLine.SampleRate;
        var agent = new float[length];
        var caller = new float[length];
        ToneSynthesizer.Bursts(1, TimeSpan.FromSeconds(3.5)).Samples.CopyTo(agent, TelephoneLine.SampleRate / 2);
        ToneSynthesizer.Bursts(2, TimeSpan.FromSeconds(2.5)).Samples.CopyTo(agent, 10 * TelephoneLine.SampleRate);
        ToneSynthesizer.Clip("When do you open on Saturday?").Samples.CopyTo(caller, 13 * TelephoneLine.SampleRate);
        host.Api.Recording = WavFile.Encode(TelephoneLine.SampleRate, [caller, agent], WavEncoding.Pcm16);

        var run = Task.Run(async () =>
        {
            var list = new List<CallEvent>();
            await foreach (var e in host.Carrier.PlaceCallAsync(new CallRequest("call-1", "+15551230000", "+15559870000", rendered, null)))
            {
                list.Add(e);
            }

            return list;
        });
        await host.Api.Created.WaitAsync(TimeSpan.FromSeconds(20));
        await Status(host, 1, "ringing", 1);
        await Status(host, 2, "in-progress", 2);
        clock.Advance(TimeSpan.FromSeconds(2));
        await host.TwimlAsync("/twilio/calls/call-1/voice", new Dictionary<string, string>());
        clock.Advance(TimeSpan.FromSeconds(5));
        await host.TwimlAsync("/twilio/calls/call-1/gather/0/0", new Dictionary<string, string> { ["SpeechResult"] = "press one for sales" });
        clock.Advance(TimeSpan.FromSeconds(8));
        await host.TwimlAsync("/twilio/calls/call-1/gather/2/0", new Dictionary<string, string> { ["SpeechResult"] = "Acme, Sarah speaking" });
        clock.Advance(TimeSpan.FromSeconds(7));
        await host.TwimlAsync("/twilio/calls/call-1/gather/4/0", new Dictionary<string, string> { ["SpeechResult"] = "nine to one" });
        await Status(host, 3, "completed", 23, "21");
        using (var recording = await host.PostAsync("/twilio/calls/call-1/recording", new Dictionary<string, string>
        {
            ["RecordingSid"] = "RE1",
            ["RecordingUrl"] = "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1",
            ["RecordingStatus"] = "completed",
        }))
        {
            Assert.That((int)recording.StatusCode, Is.EqualTo(204));
        }

        var events = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(events.Select(e => e.GetType().Name).Take(4), Is.EqualTo(new[] { "CallRinging", "StepPlayed", "StepPlayed", "CallAnswered" }));
        var press = events.OfType<StepPlayed>().Single(s => s.StepIndex == 1);
        var answered = events.OfType<CallAnswered>().Single();
        Assert.That(press.At, Is.EqualTo(TimeSpan.FromSeconds(7) + Dtmf.Tones("1").Duration));
        Assert.That(answered.At.TotalSeconds, Is.EqualTo(12).Within(0.4), "2 s to the IVR's answer + 10 s into the recording");
        Assert.That(events.OfType<RecordingReady>().Single().AgentChannel, Is.EqualTo(2));
    }

    private static async Task Status(TwilioTestHost host, int sequence, string status, int second, string? duration = null)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = FakeTwilioApi.CallSid,
            ["CallStatus"] = status,
            ["SequenceNumber"] = sequence.ToString(CultureInfo.InvariantCulture),
            ["Timestamp"] = T0.AddSeconds(second).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000",
        };
        if (duration is not null)
        {
            form["CallDuration"] = duration;
        }

        using var response = await host.PostAsync("/twilio/calls/call-1/status", form);
        Assert.That((int)response.StatusCode, Is.EqualTo(204));
    }
}
