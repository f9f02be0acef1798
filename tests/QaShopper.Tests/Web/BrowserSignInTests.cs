using Microsoft.Playwright;

namespace QaShopper.Tests.Web;

public sealed class BrowserSignInTests
{
    [Test]
    public async Task Browser_SignsInThroughTheForm_ReachesTheHomePageAndSignsOut()
    {
        await using var host = await WebAppHost.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "/calls").ToString());
        Assert.That(page.Url, Does.Contain("/signin?ReturnUrl=%2Fcalls"), "a page asked for without a session sends the browser to sign in");

        await page.GetByLabel("User name").FillAsync("viewer");
        await page.GetByLabel("Password").FillAsync("wrong password!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("User name or password is wrong");

        await Browser.SignInAsync(page, host.BaseAddress, "viewer", WebAppHost.Password);
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("Test Viewer (viewer)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        Assert.That(page.Url, Does.Contain("/signin"), "signed out: the session is gone");
    }
}
