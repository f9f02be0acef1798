using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Templates;
using QaShopper.LiteDb;
using QaShopper.Tests.Scenarios;
using QaShopper.Tests.Support;
using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

public sealed class TwilioTimeoutAndListenerTests
{
    [Test]
    public async Task PlaceCall_NoEndReportedWithinCallTimeout_FailsNamingTheSettingAndHangsUp()
    {
        using var data = new TempDirectory();
        var clock = new TestClock();
        await using var host = await TwilioTestHost.StartAsync(data.Path, clock: clock);
        var scenario = Core.Scenarios.ScenarioParser.Parse(ExampleScenario.Yaml, "a.yaml").Scenario!;
        var request = new CallRequest("call-1", "+15551230000", "+15559870000", ScenarioRenderer.Render(scenario, new Random(7)), null);

        var run = Task.Run(async () =>
        {
            var list = new List<CallEvent>();
            await foreach (var e in host.Carrier.PlaceCallAsync(request))
            {
                list.Add(e);
            }

            return list;
        });
        await host.Api.Created.WaitAsync(TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromMinutes(31));

        // Any journal write wakes the follower, which then sees its deadline passed.
        using (await host.PostAsync("/twilio/calls/call-1/status", new Dictionary<string, string> { ["CallSid"] = FakeTwilioApi.CallSid, ["CallStatus"] = "initiated", ["SequenceNumber"] = "0" }))
        {
        }

        var events = await run.WaitAsync(TimeSpan.FromSeconds(20));

        var completed = events.OfType<CallCompleted>().Single();
        Assert.That(completed.Status, Is.EqualTo(CallStatus.Failed));
        Assert.That(completed.Detail, Does.Contain("Twilio:CallTimeout").And.Contain("Twilio:PublicBaseUrl"));
        Assert.That(host.Api.Hangups, Is.EqualTo(1));
        Assert.That(await host.Carrier.IsInFlightAsync("call-1"), Is.False);
    }

    [Test]
    public async Task Listener_OwnKestrel_SharesTheMainContainersJournal()
    {
        using var data = new TempDirectory();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = TwilioTestHost.AccountSid,
            ["Twilio:AuthToken"] = TwilioTestHost.AuthToken,
            ["Twilio:PublicBaseUrl"] = TwilioTestHost.PublicBase,
            ["Twilio:WebhookListenUrl"] = "http://127.0.0.1:0",
            ["Recordings:Directory"] = Path.Combine(data.Path, "recordings"),
            ["Store:Path"] = Path.Combine(data.Path, "store", "qashopper.db"),
        });
        builder.Services.AddLogging();
        builder.AddLiteDbStore();
        builder.AddTwilioCarrier();
        builder.AddTwilioWebhookListener();
        builder.Services.AddSingleton<ISpeechSynthesizer, ToneSynthesizer>();
        using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var journal = app.Services.GetRequiredService<ICarrierCallJournal>();
            await journal.OpenAsync("call-1", "twilio", TwilioWebhookTests.Plan().Serialize(), TimeProvider.System.GetUtcNow());
            var listener = app.Services.GetServices<IHostedService>().OfType<TwilioWebhookListener>().Single();
            var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["CallStatus"] = "ringing", ["SequenceNumber"] = "1" };
            using var http = new HttpClient { BaseAddress = listener.Address };
            using var request = new HttpRequestMessage(HttpMethod.Post, "twilio/calls/call-1/status") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioSigner.SignForm(TwilioTestHost.AuthToken, TwilioTestHost.PublicBase + "/twilio/calls/call-1/status", form));

            using var response = await http.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((await journal.GetAsync("call-1"))!.Events, Has.Count.EqualTo(1));
            Assert.That(app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.WebhookListenUrl.Port, Is.Zero);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
