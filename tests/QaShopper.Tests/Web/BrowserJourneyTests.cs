using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;

namespace QaShopper.Tests.Web;

/// <summary>
/// A QA team's round in the browser, end to end through the real host: a manager starts a campaign, the simulated call
/// centre answers, the call is recorded, transcribed and scored; a reviewer opens it, plays it, overrides an item; the
/// agent's report counts the override and draws its chart. With <c>QASHOPPER_SCREENSHOTS=DIR</c> it also saves the
/// pages the README shows (and waits for more calls, so the reports have something to show).
/// </summary>
public sealed class BrowserJourneyTests
{
    [Test]
    public async Task ManagerStartsACampaign_ReviewerPlaysACallAndOverridesAnItem_TheAgentsReportCountsIt()
    {
        var screenshots = Environment.GetEnvironmentVariable("QASHOPPER_SCREENSHOTS");
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var blocked = new List<string>();

        // The manager: check the campaign, see its plan, start it at once, follow it until calls are scored.
        var managerContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var manager = await managerContext.NewPageAsync();
        manager.Console += (_, message) => Blocked(blocked, message);
        await Browser.SignInAsync(manager, host.BaseAddress, "manager", WebAppHost.Password);
        await manager.GotoAsync(new Uri(host.BaseAddress, "/campaigns/new").ToString());
        await manager.Locator("textarea#editor").FillAsync(ManageFixtures.DemoWeek("journey-week"));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Check and plan" }).ClickAsync();
        await Assertions.Expect(manager.Locator("table.plan[data-site=leeds]")).ToBeVisibleAsync();
        await ShotAsync(manager, screenshots, "campaign-plan");
        await manager.Locator("select[name=Mode]").SelectOptionAsync("now");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await manager.WaitForURLAsync(url => url.Contains("/campaigns/journey-week", StringComparison.Ordinal));

        var wanted = screenshots is null ? 1 : 8;
        var store = host.Services.GetRequiredService<IResultStore>();
        var scored = await WaitForScoredCallsAsync(store, wanted, TimeSpan.FromMinutes(screenshots is null ? 4 : 12));
        Assert.That(scored, Is.Not.Empty, "serve placed, recorded, transcribed and scored a call of the campaign started in the browser");
        await Assertions.Expect(manager.Locator(".state-cards [data-state=completed]")).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await ShotAsync(manager, screenshots, "campaign-live");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Cancel campaign" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".state-cards [data-state=planned]")).ToHaveTextAsync("0");

        // The reviewer, in a session of their own: open a scored call, play it, jump to an item's evidence, override it.
        var call = scored[0];
        var agent = call.Score!.Agent!;
        var before = (await store.GetAgentReportsAsync(new CallQuery(AgentId: agent))).Single(r => r.Agent == agent);
        var reviewerContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var reviewer = await reviewerContext.NewPageAsync();
        reviewer.Console += (_, message) => Blocked(blocked, message);
        await Browser.SignInAsync(reviewer, host.BaseAddress, "reviewer", WebAppHost.Password);
        await reviewer.GotoAsync(new Uri(host.BaseAddress, "/calls").ToString());
        await ShotAsync(reviewer, screenshots, "calls");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = call.Call.CallId, Exact = true }).ClickAsync();
        await reviewer.WaitForFunctionAsync("() => document.getElementById('recording').readyState > 0");
        var duration = await reviewer.EvaluateAsync<double>("() => document.getElementById('recording').duration");
        Assert.That(duration, Is.GreaterThan(5), "the call's two-channel recording plays in the page");
        var jump = reviewer.Locator("tr[data-item] button.jump").Last;
        var at = double.Parse(await jump.GetAttributeAsync("data-at") ?? "0", CultureInfo.InvariantCulture);
        await jump.ClickAsync();
        await reviewer.WaitForFunctionAsync($"() => Math.abs(document.getElementById('recording').currentTime - {at.ToString(CultureInfo.InvariantCulture)}) < 0.5");

        var passed = call.Score.Items.First(i => i.Outcome == ItemOutcome.Passed && i.Weight > 0);
        var row = reviewer.Locator($"tr[data-item='{passed.Id}']");
        await row.Locator("select[name='Outcome']").SelectOptionAsync("failed");
        await row.Locator("input[name='Reason']").FillAsync("heard on the recording: the agent did not say it");
        await row.GetByRole(AriaRole.Button, new() { Name = "Override" }).ClickAsync();
        await reviewer.WaitForURLAsync(url => url.Contains("#history", StringComparison.Ordinal));
        row = reviewer.Locator($"tr[data-item='{passed.Id}']");
        await Assertions.Expect(row.Locator("td.outcome .automatic")).ToHaveTextAsync("automatic: passed");
        await ShotAsync(reviewer, screenshots, "call");

        // The agent's report counts the override: a lower mean, drawn in its weekly chart.
        var after = (await store.GetAgentReportsAsync(new CallQuery(AgentId: agent))).Single(r => r.Agent == agent);
        Assert.That(after.AverageScore, Is.LessThan(before.AverageScore!.Value), "an item overridden from passed to failed lowers the agent's mean");
        await reviewer.GotoAsync(new Uri(host.BaseAddress, $"/reports/agents/{agent}").ToString());
        await Assertions.Expect(reviewer.Locator(".agent-mean")).ToHaveTextAsync(after.AverageScore!.Value.ToString("0.0", CultureInfo.InvariantCulture));
        await Assertions.Expect(reviewer.Locator("#trend-chart svg.line-chart circle.point.agent").First).ToBeVisibleAsync();
        await ShotAsync(reviewer, screenshots, "agent-report");
        await reviewer.GotoAsync(new Uri(host.BaseAddress, "/reports/team").ToString());
        await Assertions.Expect(reviewer.Locator("#pareto-chart svg")).ToBeVisibleAsync();
        await ShotAsync(reviewer, screenshots, "team-report");

        Assert.That(blocked, Is.Empty, "nothing on the pages was blocked by the content security policy");
    }

    private static async Task<List<StoredCall>> WaitForScoredCallsAsync(IResultStore store, int wanted, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        List<StoredCall> scored = [];
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            scored = [.. (await store.GetCallsAsync(new CallQuery())).Where(c => c.Score?.Agent is not null && c.Score.Items.Any(i => i.Outcome == ItemOutcome.Passed && i.Weight > 0))];
            if (scored.Count >= wanted)
            {
                break;
            }

            await Task.Delay(1000);
        }

        return scored;
    }

    private static void Blocked(List<string> blocked, IConsoleMessage message)
    {
        if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            blocked.Add(message.Text);
        }
    }

    private static async Task ShotAsync(IPage page, string? folder, string name)
    {
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
