using Microsoft.Playwright;

namespace QaShopper.Tests.Web;

public sealed class BrowserManageTests
{
    [Test]
    public async Task Manager_AuthorsAScenarioWithAMistake_FixesAndSavesIt_ThenPlansAndStartsACampaign()
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // Statuses the pages answer on purpose (400 for a save with problems) are logged too; only script errors and
            // the Content-Security-Policy's refusals count here.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                scriptErrors.Add(message.Text);
            }
        };
        await Browser.SignInAsync(page, host.BaseAddress, "manager", WebAppHost.Password);

        // A new scenario with a mistake on line 13 (a weight that is not a number).
        await page.GotoAsync(new Uri(host.BaseAddress, "/scenarios/new").ToString());
        var editor = page.Locator("textarea#editor");
        var mistaken = (await editor.InputValueAsync())
            .Replace("id: my-new-scenario", "id: web-authored", StringComparison.Ordinal)
            .Replace("weight: 10", "weight: ten", StringComparison.Ordinal);
        var badLine = mistaken.Split('\n').ToList().FindIndex(l => l.Contains("weight: ten", StringComparison.Ordinal)) + 1;
        await editor.FillAsync(mistaken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var link = page.Locator("a.goto-line").First;
        await Assertions.Expect(link).ToContainTextAsync($":{badLine}:");
        await link.ClickAsync();
        var cursor = await editor.EvaluateAsync<int>("e => e.value.substring(0, e.selectionStart).split('\\n').length");
        Assert.That(cursor, Is.EqualTo(badLine), "the problem's link puts the cursor on its line");
        await Assertions.Expect(page.Locator(".gutter .bad")).ToHaveTextAsync(badLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(File.Exists(Path.Combine(fixtures.ScenarioFolder, "web-authored.yaml")), Is.False, "nothing written while it has problems");
        Assert.That(await editor.InputValueAsync(), Does.Contain("weight: ten"), "the user's text is kept");

        await editor.FillAsync(mistaken.Replace("weight: ten", "weight: 10", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/scenarios/web-authored?saved=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("table.versions tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("section.preview")).ToContainTextAsync("Hi, my name is");
        Assert.That(File.Exists(Path.Combine(fixtures.ScenarioFolder, "web-authored.yaml")), Is.True);

        // A campaign: paste it, see the plan, start it, follow it.
        await page.GotoAsync(new Uri(host.BaseAddress, "/campaigns/new").ToString());
        await page.Locator("textarea#editor").FillAsync(ManageFixtures.FutureWeek("browser-week"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.plan[data-site=leeds]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.plan[data-site=leeds] tr.total td").Last).Not.ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/campaigns/browser-week", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".state-cards [data-state=planned]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("table.calls tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#as-of")).Not.ToHaveTextAsync(await page.Locator("#as-of").TextContentAsync() ?? "", new() { Timeout = 15_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel campaign" }).ClickAsync();
        await Assertions.Expect(page.Locator(".state-cards [data-state=cancelled]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".state-cards [data-state=planned]")).ToHaveTextAsync("0");
        Assert.That(scriptErrors, Is.Empty, "no script error and nothing blocked by the Content-Security-Policy");
    }
}
