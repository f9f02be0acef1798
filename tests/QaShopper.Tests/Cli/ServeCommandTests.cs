using System.Net;
using System.Text.Json;
using QaShopper.Cli;
using QaShopper.Commands;
using QaShopper.Core.Ports;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace QaShopper.Tests.Cli;

public sealed class ServeCommandTests
{
    [Test]
    public async Task Serve_HealthEndpoint_AnswersGetAndHeadAndRefusesOtherMethodsWith405()
    {
        using var temp = new TempDirectory();
        await using var app = BuildServe(temp, configure: null);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var health = new Uri("/health", UriKind.Relative);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, health));
            using var post = await http.PostAsync(health, new StringContent("{}"));
            using var delete = await http.DeleteAsync(health);
            using var put = await http.PutAsync(health, new StringContent("{}"));

            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Test]
    public async Task Serve_StoreFailing_HealthIsUnhealthyWithAFixedReasonAndNoErrorText()
    {
        using var temp = new TempDirectory();
        await using var app = BuildServe(temp, configure: null);
        await app.StartAsync();
        try
        {
            // The data file closed under the running host, as after a failed disk: every read now throws.
            app.Services.GetRequiredService<LiteDbFile>().Dispose();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            using var body = JsonDocument.Parse(text);
            var store = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "store");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(store.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(store.GetProperty("reason").GetString(), Is.EqualTo("store unavailable"));
            Assert.That(text, Does.Not.Contain("disposed").And.Not.Contain("LiteDb").And.Not.Contain(temp.Path), "the store's error text stays in the log");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Test]
    public async Task Serve_Started_HealthEndpointReportsStoreAndSchedulerHealthy()
    {
        using var temp = new TempDirectory();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false);
        var parse = QaShopperCli.BuildRoot(console).Parse(["serve", "--db", temp.File("serve.db")]);
        await using var app = ServeCommand.Build(parse, "http://127.0.0.1:0", b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:CallCentreFile"] = RepoPaths.Combine("scenarios", "call-centre.yaml"),
            ["Scenarios:Directory"] = RepoPaths.Combine("scenarios"),
            ["Recordings:Directory"] = temp.File("recordings"),
        }));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            // Quartz starts its scheduler once the host has started, a moment after StartAsync returns; until then
            // /health rightly answers 503. A loaded machine (CI) has been seen to ask within that moment.
            var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            for (var i = 0; i < 100 && response.StatusCode == HttpStatusCode.ServiceUnavailable; i++)
            {
                response.Dispose();
                await Task.Delay(100);
                response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            }

            using var answered = response;
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "store", "scheduler" }));
            var roster = await app.Services.GetRequiredService<IResultStore>().GetAgentsAsync();
            Assert.That(roster.Select(a => a.Id), Does.Contain("sarah").And.Contain("robert"), "the simulated call centre's roster is seeded when the host starts");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static Microsoft.AspNetCore.Builder.WebApplication BuildServe(TempDirectory temp, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure)
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false);
        var parse = QaShopperCli.BuildRoot(console).Parse(["serve", "--db", temp.File("serve.db")]);
        return ServeCommand.Build(parse, "http://127.0.0.1:0", b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Simulation:CallCentreFile"] = RepoPaths.Combine("scenarios", "call-centre.yaml"),
                ["Scenarios:Directory"] = RepoPaths.Combine("scenarios"),
                ["Recordings:Directory"] = temp.File("recordings"),
            });
            configure?.Invoke(b);
        });
    }
}
