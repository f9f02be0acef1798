using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Core.Accounts;
using QaShopper.Core.Ports;
using Quartz;

namespace QaShopper.Tests.Web;

public sealed class CampaignApiTests
{
    [Test]
    public async Task Validate_ABrokenFile_ListsEachProblemAtItsLineAndColumn()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await ScenarioApiTests.ApiClientAsync(host, Role.Viewer);
        var text = ManageFixtures.FutureWeek("broken-week").Replace("dates: { from: 2030-01-07", "dates: { from: 2030-13-07", StringComparison.Ordinal);

        var body = await (await client.PostAsJsonAsync("/api/campaigns/validate", new { text, fileName = "broken.yaml" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(body.GetProperty("valid").GetBoolean(), Is.False);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("dates:", StringComparison.Ordinal)) + 1;
        var problem = body.GetProperty("problems")[0];
        Assert.That(problem.GetProperty("line").GetInt32(), Is.EqualTo(line));
        Assert.That(problem.GetProperty("text").GetString(), Does.StartWith($"broken.yaml:{line}:"));
    }

    [Test]
    public async Task Plan_GivesADayByPeriodTablePerSite_AsCampaignPlanDoes()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await ScenarioApiTests.ApiClientAsync(host, Role.Viewer);

        using var response = await client.PostAsJsonAsync("/api/campaigns/plan", new { text = ManageFixtures.DemoWeek("demo-week") });
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(plan.GetProperty("feasible").GetBoolean(), Is.True);
        var tables = plan.GetProperty("tables").EnumerateArray().ToList();
        Assert.That(tables.Select(t => t.GetProperty("siteId").GetString()).ToList(), Has.Count.EqualTo(3).And.Contains("leeds"));
        Assert.That(tables.Sum(t => t.GetProperty("total").GetInt32()), Is.EqualTo(plan.GetProperty("calls").GetArrayLength()));
        var leeds = tables[0];
        Assert.That(leeds.GetProperty("rows").GetArrayLength(), Is.EqualTo(7), "one row per day of the week");
        var sunday = leeds.GetProperty("rows")[6].GetProperty("cells");
        Assert.That(sunday.EnumerateArray().All(c => c.ValueKind == JsonValueKind.Null), Is.True, "no Leeds period opens on Sunday");
    }

    [Test]
    public async Task StartOnTime_StoresTheCampaign_PutsEveryCallInTheRunningScheduler_AndCancelRemovesThem()
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var client = await ScenarioApiTests.ApiClientAsync(host, Role.Manager);

        using var started = await client.PostAsJsonAsync("/api/campaigns", new { text = ManageFixtures.FutureWeek("web-week"), fileName = "web-week.yaml" });
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        var planned = body.GetProperty("planned").GetInt32();
        Assert.That(planned, Is.GreaterThan(10));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("web-week"));
        Assert.That(triggers, Has.Count.EqualTo(planned), "every call has its trigger in serve's own Quartz");
        var status = await client.GetFromJsonAsync<JsonElement>("/api/campaigns/web-week/status");
        Assert.That(status.GetProperty("campaign").GetProperty("byState").GetProperty("planned").GetInt32(), Is.EqualTo(planned));
        Assert.That(status.GetProperty("agentsNotReached").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(status.GetProperty("agentsNotTested").GetArrayLength(), Is.EqualTo(status.GetProperty("agentsNotReached").GetArrayLength()), "no call answered yet, so no one may have been reached");
        Assert.That(status.GetProperty("agentsPossiblyReached").GetArrayLength(), Is.Zero);
        Assert.That(status.GetProperty("unidentifiedCallsThisWeek").GetArrayLength(), Is.Zero);
        var page = await client.GetStringAsync(new Uri("/campaigns/web-week", UriKind.Relative));
        Assert.That(page, Does.Contain("<span id=\"unidentified\">none</span>").And.Contain("<span id=\"not-tested\">"));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/campaigns");
        Assert.That(list.EnumerateArray().Select(c => c.GetProperty("id").GetString()), Does.Contain("web-week"));

        using var again = await client.PostAsJsonAsync("/api/campaigns", new { text = ManageFixtures.FutureWeek("web-week").Replace("Demo week", "Changed week", StringComparison.Ordinal) });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "another version under the same id is refused");

        using var cancelled = await client.PostAsync(new Uri("/api/campaigns/web-week/cancel", UriKind.Relative), null);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelled").GetInt32(), Is.EqualTo(planned));
        Assert.That(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("web-week")), Is.Empty);
        var calls = await host.Services.GetRequiredService<ICampaignStore>().GetCallsAsync("web-week");
        Assert.That(calls.All(c => c.State == QaShopper.Core.Campaigns.CampaignCallState.Cancelled), Is.True);
    }

    [Test]
    public async Task StartNow_PlacesCallsThroughTheSimulatedCarrierInTheRunningHost()
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var client = await ScenarioApiTests.ApiClientAsync(host, Role.Manager);

        using var started = await client.PostAsJsonAsync("/api/campaigns", new { text = ManageFixtures.DemoWeek("web-now"), mode = "now" });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());

        var completed = 0;
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
        while (completed == 0 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(500);
            var status = await client.GetFromJsonAsync<JsonElement>("/api/campaigns/web-now/status");
            completed = status.GetProperty("campaign").GetProperty("byState").GetProperty("completed").GetInt32();
        }

        Assert.That(completed, Is.GreaterThan(0), "serve's scheduler placed and completed a call of the campaign started from the web");
        using var cancelled = await client.PostAsync(new Uri("/api/campaigns/web-now/cancel", UriKind.Relative), null);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(Role.Reviewer)]
    [TestCase(Role.Viewer)]
    public async Task StartAndCancel_ByARoleWithoutManage_Are403_OnTheApiAndThePages_AndNothingChanges(Role role)
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var manager = await ScenarioApiTests.ApiClientAsync(host, Role.Manager);
        using var seeded = await manager.PostAsJsonAsync("/api/campaigns", new { text = ManageFixtures.FutureWeek("kept-week") });
        Assert.That(seeded.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var client = await ScenarioApiTests.ApiClientAsync(host, role);
        var text = ManageFixtures.FutureWeek("refused-week");

        using var apiStart = await client.PostAsJsonAsync("/api/campaigns", new { text });
        using var apiCancel = await client.PostAsync(new Uri("/api/campaigns/kept-week/cancel", UriKind.Relative), null);
        var startToken = await WebAppHost.AntiforgeryTokenAsync(client, "/campaigns/new");
        using var pageStart = await client.PostAsync(new Uri("/campaigns/new?handler=Start", UriKind.Relative), new MultipartFormDataContent
        {
            { new StringContent(text), "Text" },
            { new StringContent(startToken), "__RequestVerificationToken" },
        });
        var cancelToken = await WebAppHost.AntiforgeryTokenAsync(client, "/campaigns/kept-week");
        using var pageCancel = await client.PostAsync(new Uri("/campaigns/kept-week?handler=Cancel", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = cancelToken,
        }));

        Assert.That(apiStart.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(apiCancel.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(pageStart.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(pageCancel.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var store = host.Services.GetRequiredService<ICampaignStore>();
        Assert.That(await store.GetCampaignAsync("refused-week"), Is.Null);
        var kept = await store.GetCallsAsync("kept-week");
        Assert.That(kept.All(c => c.State == QaShopper.Core.Campaigns.CampaignCallState.Planned), Is.True, "nothing was cancelled");
    }

    [Test]
    public async Task OpenApi_ListsTheScenarioAndCampaignRoutes()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await host.SignedInAsync(Role.Viewer);

        var document = await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));

        foreach (var route in new[] { "/api/scenarios", "/api/scenarios/{id}", "/api/scenarios/validate", "/api/campaigns", "/api/campaigns/validate", "/api/campaigns/plan", "/api/campaigns/{id}/cancel", "/api/campaigns/{id}/status" })
        {
            Assert.That(document, Does.Contain($"\"{route}\""), route);
        }
    }
}
