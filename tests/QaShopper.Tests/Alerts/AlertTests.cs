using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Alerts;
using QaShopper.Core.Accounts;
using QaShopper.Core.Alerts;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Hosting;
using QaShopper.Tests.Stores;
using QaShopper.Tests.Support;
using QaShopper.Tests.Web;

namespace QaShopper.Tests.Alerts;

public sealed class AlertTests
{
    private const string Secret = "a webhook secret of some length";

    [Test]
    public async Task FailedCriticalItem_IsSentByWebhookSignedAndByEmail_WithCallIdAndReason_AndRecorded()
    {
        using var webhook = new LoopbackWebhook();
        await using var smtp = new LoopbackSmtpServer();
        using var harness = LiteDbHarness.Create(new TestClock(SampleCalls.Monday));
        using var host = await StartAsync(harness, new()
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["Alerts:WebhookSecret"] = Secret,
            ["Alerts:SmtpHost"] = "127.0.0.1",
            ["Alerts:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:EmailFrom"] = "qashopper@example.com",
            ["Alerts:EmailTo"] = "qa-lead@example.com, centre-manager@example.com",
        });

        host.Services.GetRequiredService<ICallScoredNotifier>().CallScored(SampleCalls.Call(), CriticalFailed());
        var alerts = await WaitForAlertsAsync(harness, "call-1", 2);

        var (body, signature) = webhook.Requests.Single();
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("callId").GetString(), Is.EqualTo("call-1"));
        Assert.That(json.RootElement.GetProperty("reasons")[0].GetString(), Does.StartWith("critical item 'greeting' failed"));
        Assert.That(signature, Is.EqualTo("sha256=" + WebhookAlertChannel.Signature(Secret, Encoding.UTF8.GetBytes(body))));
        var (mail, recipients) = smtp.Messages.Single();
        Assert.That(mail, Does.Contain("call-1").And.Contain("critical item 'greeting' failed"));
        Assert.That(recipients, Is.EquivalentTo(new[] { "qa-lead@example.com", "centre-manager@example.com" }));
        Assert.That(alerts.Select(a => (a.Channel, a.Delivered)), Is.EquivalentTo(new[] { ("webhook", true), ("email", true) }));
        Assert.That(alerts[0].Reason, Does.Contain("grade fail"));
    }

    [Test]
    public async Task ChannelsDown_TheCallIsNotHeldUp_AndEachFailureIsRecordedWithItsError()
    {
        using var harness = LiteDbHarness.Create(new TestClock(SampleCalls.Monday));
        var closed = LoopbackPort.Free();
        using var host = await StartAsync(harness, new()
        {
            ["Alerts:WebhookUrl"] = $"http://127.0.0.1:{closed}/hook",
            ["Alerts:SmtpHost"] = "127.0.0.1",
            ["Alerts:SmtpPort"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:EmailFrom"] = "qashopper@example.com",
            ["Alerts:EmailTo"] = "qa-lead@example.com",
        });

        var timer = System.Diagnostics.Stopwatch.StartNew();
        host.Services.GetRequiredService<ICallScoredNotifier>().CallScored(SampleCalls.Call(), CriticalFailed());
        Assert.That(timer.ElapsedMilliseconds, Is.LessThan(100), "the call only queues its alert");
        var alerts = await WaitForAlertsAsync(harness, "call-1", 2);

        Assert.That(alerts.Select(a => a.Delivered), Is.All.False);
        Assert.That(alerts.Select(a => a.Error), Is.All.Not.Empty);
    }

    [Test]
    public async Task GoodCall_SendsNoAlert()
    {
        using var webhook = new LoopbackWebhook();
        using var harness = LiteDbHarness.Create(new TestClock(SampleCalls.Monday));
        using var host = await StartAsync(harness, new() { ["Alerts:WebhookUrl"] = webhook.Url });

        host.Services.GetRequiredService<ICallScoredNotifier>().CallScored(SampleCalls.Call("good"), SampleCalls.Score());
        host.Services.GetRequiredService<ICallScoredNotifier>().CallScored(SampleCalls.Call("bad"), CriticalFailed());
        await WaitForAlertsAsync(harness, "bad", 1);

        Assert.That(await harness.File.AlertLog().GetAlertsAsync("good"), Is.Empty);
        Assert.That(webhook.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Options_BadValues_AreEachNamed()
    {
        var result = new AlertOptionsValidator().Validate(null, new AlertOptions
        {
            WebhookUrl = "ftp://example.com/x",
            WebhookSecret = "short",
            SmtpHost = "smtp.example.com",
            SmtpPort = 70000,
            EmailFrom = "not an address",
            EmailTo = "ok@example.com; nope",
            SmtpUserName = "user",
        });

        Assert.That(result.Failed, Is.True);
        foreach (var setting in new[] { "Alerts:WebhookUrl", "Alerts:WebhookSecret", "Alerts:SmtpPort", "Alerts:EmailFrom", "Alerts:EmailTo 'nope'", "Alerts:SmtpPassword" })
        {
            Assert.That(result.FailureMessage, Does.Contain(setting));
        }
    }

    [Test]
    public async Task Serve_WithABadAlertSetting_StopsAtStartNamingIt()
    {
        var error = Assert.CatchAsync(async () => await WebAppHost.StartAsync(settings: new Dictionary<string, string?> { ["Alerts:WebhookUrl"] = "not a url" }));
        Assert.That(error!.Message, Does.Contain("Alerts:WebhookUrl 'not a url'"));
    }

    [Test]
    public async Task CallPage_ShowsTheAlertsSentAboutTheCall()
    {
        using var webhook = new LoopbackWebhook();
        await using var host = await WebAppHost.StartAsync(settings: new Dictionary<string, string?> { ["Alerts:WebhookUrl"] = webhook.Url });
        await CallSeed.SeedAsync(host);
        host.Services.GetRequiredService<ICallScoredNotifier>().CallScored(SampleCalls.Call(), CriticalFailed());
        var log = host.Services.GetRequiredService<IAlertLog>();
        for (var i = 0; i < 200 && (await log.GetAlertsAsync("call-1")).Count == 0; i++)
        {
            await Task.Delay(50);
        }

        using var viewer = await host.SignedInAsync(Role.Viewer);
        var page = await viewer.GetStringAsync(new Uri("/calls/call-1", UriKind.Relative));

        Assert.That(page, Does.Contain("<td>webhook</td>").And.Contain("critical item &#x27;greeting&#x27; failed").And.Contain("delivered"));
    }

    private static CallScore CriticalFailed()
    {
        var score = SampleCalls.Score();
        return score with
        {
            Score = 30,
            Grade = Grade.Fail,
            Items = [.. score.Items.Select(i => i.Id == "greeting" ? i with { Outcome = ItemOutcome.Failed, Evidence = Evidence.Because("company name not said") } : i)],
        };
    }

    private static async Task<IHost> StartAsync(LiteDbHarness harness, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);
        builder.Services.AddSingleton(harness.File.AlertLog());
        builder.AddAlerts();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IReadOnlyList<AlertRecord>> WaitForAlertsAsync(LiteDbHarness harness, string callId, int count)
    {
        var log = harness.File.AlertLog();
        for (var i = 0; i < 400; i++)
        {
            var alerts = await log.GetAlertsAsync(callId);
            if (alerts.Count >= count)
            {
                return alerts;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{count} alert(s) about {callId} were not recorded within 20 s");
        return [];
    }

    /// <summary>A loopback HTTP listener that answers 204 and keeps each request's body and signature header.</summary>
    private sealed class LoopbackWebhook : IDisposable
    {
        private readonly HttpListener listener = new();

        public LoopbackWebhook()
        {
            var port = LoopbackPort.Free();
            Url = $"http://127.0.0.1:{port}/hook/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentQueue<(string Body, string? Signature)> Requests { get; } = new();

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                Requests.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers[WebhookAlertChannel.SignatureHeader]));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}

/// <summary>The alert log on a test store's file.</summary>
internal static class AlertLogOfFile
{
    public static IAlertLog AlertLog(this QaShopper.LiteDb.LiteDbFile file) => new QaShopper.LiteDb.LiteDbAlertLog(file);
}
