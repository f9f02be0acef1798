using Microsoft.Playwright;

namespace QaShopper.Tests.Web;

/// <summary>
/// Headless Chromium from Debian's <c>chromium</c> package, driven by Playwright through its executable path:
/// browsers cannot be downloaded here. <c>eng/setup.sh</c> installs the package. The flags keep it off the network
/// it cannot reach (background services, component updates) and let it run as root in CI.
/// </summary>
internal static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.That(File.Exists(ExecutablePath), Is.True, $"{ExecutablePath} is missing: run eng/setup.sh, which installs Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Signs in through the form in <paramref name="page"/>.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string userName, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/signin").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }
}
