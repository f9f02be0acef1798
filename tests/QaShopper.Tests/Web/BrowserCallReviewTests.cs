using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;

namespace QaShopper.Tests.Web;

public sealed class BrowserCallReviewTests
{
    [Test]
    public async Task Reviewer_FiltersOpensPlaysJumpsToEvidenceAndOverrides_OutcomeAuditAndAgentFiguresChange()
    {
        await using var host = await WebAppHost.StartAsync();
        await CallSeed.SeedAsync(host);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await Browser.SignInAsync(page, host.BaseAddress, "reviewer", WebAppHost.Password);

        await page.GotoAsync(new Uri(host.BaseAddress, "/calls").ToString());
        await Assertions.Expect(page.Locator("table.calls tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Agent").FillAsync("li");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.calls tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "call-1" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/calls/call-1", StringComparison.Ordinal));

        await page.WaitForFunctionAsync("() => document.getElementById('recording').readyState > 0");
        var duration = await page.EvaluateAsync<double>("() => document.getElementById('recording').duration");
        Assert.That(duration, Is.EqualTo(CallSeed.RecordingSeconds).Within(0.1), "the recording loaded through the authorized endpoint");

        // all-details' evidence starts 7.0 s after the answer; the 70-second recording is longer than the 63.5-second
        // call, so it holds the 4.25 seconds of ringing too.
        await page.Locator("tr[data-item='all-details'] button.jump").ClickAsync();
        await page.WaitForFunctionAsync("() => Math.abs(document.getElementById('recording').currentTime - 11.25) < 0.5");
        await Assertions.Expect(page.Locator("mark").First).ToBeVisibleAsync();

        var row = page.Locator("tr[data-item='all-details']");
        await Assertions.Expect(row.Locator("td.outcome")).ToContainTextAsync("failed");
        await row.Locator("select[name='Outcome']").SelectOptionAsync("passed");
        await row.Locator("input[name='Reason']").FillAsync("both details were asked, the recogniser missed one");
        await row.GetByRole(AriaRole.Button, new() { Name = "Override" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("#history", StringComparison.Ordinal));

        row = page.Locator("tr[data-item='all-details']");
        await Assertions.Expect(row.Locator("td.outcome")).ToContainTextAsync("passed");
        await Assertions.Expect(row.Locator("td.outcome .automatic")).ToHaveTextAsync("automatic: failed");
        await Assertions.Expect(page.Locator("ul.audit li")).ToContainTextAsync("reviewer changed all-details from failed to passed: both details were asked");
        await Assertions.Expect(page.Locator("#effective-score")).ToHaveTextAsync("100.0");
        await Assertions.Expect(page.Locator("#automatic-score")).ToContainTextAsync("automatic: 83.3");

        var store = host.Services.GetRequiredService<IResultStore>();
        var report = (await store.GetAgentReportsAsync(new CallQuery(AgentId: "li"))).Single();
        Assert.That(report.AverageScore, Is.EqualTo(100.0), "the agent's figures count the override");
        Assert.That(report.Items.Single(i => i.ItemId == "all-details").Failed, Is.Zero);
        Assert.That(blocked, Is.Empty, "nothing on the pages was blocked by the content security policy");
    }
}
