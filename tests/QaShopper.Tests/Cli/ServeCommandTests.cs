using System.Net;
using System.Text.Json;
using QaShopper.Cli;
using QaShopper.Commands;
using QaShopper.Core.Ports;
using QaShopper.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace QaShopper.Tests.Cli;

public sealed class ServeCommandTests
{
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
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
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
}
