using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using QaShopper.Core.Accounts;

namespace QaShopper.Tests.Web;

public sealed partial class ReportPageTests
{
    private static WebAppHost host = null!;
    private static HttpClient viewer = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        host = await WebAppHost.StartAsync();
        await ReportSeed.SeedAsync(host.Services);
        viewer = await host.SignedInAsync(Role.Viewer);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        viewer.Dispose();
        await host.DisposeAsync();
    }

    [Test]
    public async Task AgentPage_AgentIdInAnyCase_DrawsOnePointPerWeekWithCallsBesideTheTeam()
    {
        var html = await viewer.GetStringAsync(new Uri($"/reports/agents/Sarah?{ReportSeed.Range}", UriKind.Relative));

        // Sarah: weeks of 2, 9 and 16 March (c3 counts in its planned week, not the week it was placed); the team adds 23 March.
        Assert.That(AgentPoints().Matches(html), Has.Count.EqualTo(3), "agent points");
        Assert.That(TeamPoints().Matches(html), Has.Count.EqualTo(4), "team points");
        Assert.That(html, Does.Contain("Sarah Lee"));
        Assert.That(html, Does.Contain("href=\"/calls/c3\""), "last calls link to the call page");
    }

    [Test]
    public async Task AgentApi_WeeklyTrend_UsesThePlannedTime()
    {
        using var json = JsonDocument.Parse(await viewer.GetStringAsync(new Uri($"/api/reports/agents/sarah?{ReportSeed.Range}", UriKind.Relative)));
        var weeks = json.RootElement.GetProperty("trend").EnumerateArray().Select(w => (w.GetProperty("weekStart").GetString(), w.GetProperty("agentCalls").GetInt32())).ToList();
        Assert.That(weeks, Is.EqualTo(new[] { ("2026-03-02", 1), ("2026-03-09", 1), ("2026-03-16", 1), ("2026-03-23", 0) }));
        Assert.That(json.RootElement.GetProperty("calls").GetInt32(), Is.EqualTo(3));

        // Weakest by cost: the critical greeting first although "details" lost more points (2 × 50 vs 1 × 20).
        var weakest = json.RootElement.GetProperty("weakestItems").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()).ToList();
        Assert.That(weakest, Is.EqualTo(new[] { "greeting", "details", "closing" }));
    }

    [Test]
    public async Task AgentCsv_ItemsTable_HasTheHeaderAndOneRowPerItem()
    {
        using var response = await viewer.GetAsync(new Uri($"/reports/agents/sarah?{ReportSeed.Range}&format=csv&table=items", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("item,wording,critical,passed,failed,uncertain,points_lost,pass_rate,team_pass_rate"));
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines.Single(l => l.StartsWith("details,", StringComparison.Ordinal)), Does.EndWith(",no,1,2,0,100,33%,40%"), "passed 1, failed 2, 100 points lost; the team passed it 2 of 5");
    }

    [TestCase("/reports/agents?from=2026-13-01", "from: '2026-13-01' is not a date (YYYY-MM-DD)")]
    [TestCase("/reports/team?from=2026-03-10&to=2026-03-01", "to 2026-03-01 is before from 2026-03-10")]
    [TestCase("/reports/monthly?month=March", "month: 'March' is not a month (YYYY-MM)")]
    [TestCase("/reports/agents?format=pdf", "format: 'pdf' is not html or csv")]
    public async Task Pages_BadInput_Answer400WithTheReason(string url, string reason)
    {
        using var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(reason));
    }

    [Test]
    public async Task Api_BadDate_Answers400ProblemWithTheReason()
    {
        using var response = await viewer.GetAsync(new Uri("/api/reports/team?to=yesterday", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("to: 'yesterday' is not a date (YYYY-MM-DD)"));
    }

    [TestCase("/reports/agents/nobody")]
    [TestCase("/reports/agents/%02team")]
    [TestCase("/api/reports/agents/%02team")]
    public async Task UnknownAgent_Is404(string url)
    {
        using var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TeamApi_ParetoHeatMapAndSites()
    {
        using var json = JsonDocument.Parse(await viewer.GetStringAsync(new Uri($"/api/reports/team?{ReportSeed.Range}", UriKind.Relative)));
        var root = json.RootElement;

        // Points lost: details fails in c1, c3, c5 (50 each) = 150; greeting in c2 = 20; closing in c3 = 30.
        var pareto = root.GetProperty("deductions").EnumerateArray().Select(d => (d.GetProperty("itemId").GetString(), d.GetProperty("pointsLost").GetDouble(), d.GetProperty("cumulativePercent").GetDouble())).ToList();
        Assert.That(pareto, Is.EqualTo(new[] { ("details", 150.0, 75.0), ("closing", 30.0, 90.0), ("greeting", 20.0, 100.0) }));
        Assert.That(root.GetProperty("periods").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "unplanned" }));
        var sites = root.GetProperty("sites").EnumerateArray().Select(s => (s.GetProperty("site").GetString(), s.GetProperty("calls").GetInt32())).ToList();
        Assert.That(sites, Is.EqualTo(new[] { ("leeds", 3), ("york", 2) }));

        using var york = JsonDocument.Parse(await viewer.GetStringAsync(new Uri($"/api/reports/team?{ReportSeed.Range}&site=York", UriKind.Relative)));
        Assert.That(york.RootElement.GetProperty("scoredCalls").GetInt32(), Is.EqualTo(2), "the site filter ignores case");
    }

    [Test]
    public async Task TeamPage_DrawsOneBarPerItemThatLostPoints()
    {
        var html = await viewer.GetStringAsync(new Uri($"/reports/team?{ReportSeed.Range}", UriKind.Relative));
        Assert.That(Bars().Matches(html), Has.Count.EqualTo(3));
        Assert.That(html, Does.Contain("class=\"heat-"), "the heat map's cells are coloured by class");
    }

    [Test]
    public async Task Monthly_CountsCallsAndNamesAgentsNotReached()
    {
        using var json = JsonDocument.Parse(await viewer.GetStringAsync(new Uri("/api/reports/monthly?month=2026-03", UriKind.Relative)));
        var root = json.RootElement;
        Assert.That(root.GetProperty("calls").GetInt32(), Is.EqualTo(5));
        Assert.That(root.GetProperty("agentsReached").GetInt32(), Is.EqualTo(2));
        // The serve host also seeds the simulated call centre's roster, whose agents were not called either.
        var notReached = root.GetProperty("agentsNotReached").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.That(notReached, Does.Contain("alex").And.Not.Contain("sarah").And.Not.Contain("tom"));
        Assert.That(root.GetProperty("topDeductions")[0].GetProperty("itemId").GetString(), Is.EqualTo("details"));

        var csv = (await viewer.GetStringAsync(new Uri("/reports/monthly?month=2026-03&format=csv&table=not-reached", UriKind.Relative))).TrimEnd().Split("\r\n");
        Assert.That(csv[0], Is.EqualTo("agent"));
        Assert.That(csv.Skip(1), Is.EqualTo(notReached));
    }

    [Test]
    public async Task OpenApi_ListsTheReportRoutes()
    {
        var document = await viewer.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));
        Assert.That(document, Does.Contain("/api/reports/agents/{id}").And.Contain("/api/reports/team").And.Contain("/api/reports/monthly"));
    }

    [GeneratedRegex("<circle class=\"point agent\"")]
    private static partial Regex AgentPoints();

    [GeneratedRegex("<circle class=\"point team\"")]
    private static partial Regex TeamPoints();

    [GeneratedRegex("<rect class=\"bar\"")]
    private static partial Regex Bars();
}

public sealed class TeamReportPeriodTests
{
    [Test]
    public async Task HeatMap_CampaignCallsFallInTheirPlannedPeriod_OthersInUnplanned()
    {
        await using var host = await WebAppHost.StartAsync();
        await ReportSeed.SeedAsync(host.Services);
        var at = ReportSeed.Week1.AddDays(1);
        var campaigns = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<QaShopper.Core.Ports.ICampaignStore>(host.Services);
        var campaign = new QaShopper.Core.Campaigns.ScheduledCampaign(Campaigns.CampaignTestKit.Campaign(), "text", 7, at.AddDays(-1), "now", Campaigns.CampaignTestKit.NoScenarioVersions);
        await campaigns.SaveCampaignAsync(campaign, [new(Campaigns.CampaignTestKit.Call("acme-1", at, at.AddHours(1), period: "lunch"), at)]);

        // The retry of a planned call (-r1) belongs to the planned call's period too.
        var results = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<QaShopper.Core.Ports.IResultStore>(host.Services);
        var score = new QaShopper.Core.Results.CallScore("card-block", "h1", "tom", 50, QaShopper.Core.Scenarios.Grade.Pass, false,
            [new("details", QaShopper.Core.Results.ItemOutcome.Failed, 5, false, QaShopper.Core.Results.Evidence.Because("seed")), new("closing", QaShopper.Core.Results.ItemOutcome.Passed, 5, false, QaShopper.Core.Results.Evidence.Because("seed"))]);
        await results.SaveCallAsync(new QaShopper.Core.Results.CallRecord("acme-1-r1", "card-block", "h1", "tom", "simulated", at.AddDays(3), QaShopper.Core.Results.CallStatus.Completed, 3, 60, null, null, new Dictionary<string, string>(), at), score);

        using var viewer = await host.SignedInAsync(QaShopper.Core.Accounts.Role.Viewer);
        using var json = System.Text.Json.JsonDocument.Parse(await viewer.GetStringAsync(new Uri($"/api/reports/team?{ReportSeed.Range}", UriKind.Relative)));
        Assert.That(json.RootElement.GetProperty("periods").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "lunch", "unplanned" }));
        var lunch = json.RootElement.GetProperty("heatMap").EnumerateArray().Where(c => c.GetProperty("period").GetString() == "lunch")
            .Select(c => (c.GetProperty("itemId").GetString(), c.GetProperty("failed").GetInt32(), c.GetProperty("judged").GetInt32())).OrderBy(c => c.Item1).ToList();
        Assert.That(lunch, Is.EqualTo(new[] { ("closing", 0, 1), ("details", 1, 1) }));
    }
}
