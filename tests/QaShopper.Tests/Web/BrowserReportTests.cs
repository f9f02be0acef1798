using Microsoft.Playwright;

namespace QaShopper.Tests.Web;

public sealed class BrowserReportTests
{
    [Test]
    public async Task Viewer_OpensAgentAndTeamReports_ChartsAreDrawnAndTheCsvLinkDownloadsTheTable()
    {
        await using var host = await WebAppHost.StartAsync();
        await ReportSeed.SeedAsync(host.Services);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, host.BaseAddress, "viewer", WebAppHost.Password);

        await page.GotoAsync(new Uri(host.BaseAddress, $"/reports/agents?{ReportSeed.Range}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "sarah", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/reports/agents/sarah", StringComparison.Ordinal));

        // Drawn: the browser laid the chart out (a box with a size) with one point per week the agent was scored in.
        var chart = page.Locator("#trend-chart svg.line-chart");
        var box = await chart.BoundingBoxAsync();
        Assert.That(box, Is.Not.Null);
        Assert.That(box!.Width, Is.GreaterThan(300));
        await Assertions.Expect(chart.Locator("circle.point.agent")).ToHaveCountAsync(3);
        var points = await chart.Locator("g.series.agent polyline").GetAttributeAsync("points");
        Assert.That(points!.Split(' '), Has.Length.EqualTo(3));

        // The CSV link downloads the item table.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#table-items a.csv").ClickAsync());
        var file = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(file)).TrimEnd().Split("\r\n");
        Assert.That(download.SuggestedFilename, Is.EqualTo("agent-sarah-items.csv"));
        Assert.That(lines[0], Is.EqualTo("item,wording,critical,passed,failed,uncertain,points_lost,pass_rate,team_pass_rate"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]).Order(), Is.EqualTo(new[] { "closing", "details", "greeting" }));

        await page.GotoAsync(new Uri(host.BaseAddress, $"/reports/team?{ReportSeed.Range}").ToString());
        await Assertions.Expect(page.Locator("#pareto-chart svg rect.bar")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.heatmap tbody tr")).ToHaveCountAsync(1);
    }
}
