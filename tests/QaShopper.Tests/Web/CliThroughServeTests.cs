using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Tests.Cli;
using QaShopper.Tests.Support;
using QaShopper.Web.Security;

namespace QaShopper.Tests.Web;

/// <summary>While serve holds the data file, campaign start and cancel are sent to its API instead of failing.</summary>
public sealed class CliThroughServeTests
{
    [Test]
    public async Task CampaignStartAndCancel_WhileServeHoldsTheFile_GoThroughItsApi()
    {
        await using var host = await WebAppHost.StartAsync();
        using var temp = new TempDirectory();
        var token = await TokenAsync(host, "manager");
        var config = Settings(temp, host.BaseAddress.ToString(), token);
        var campaign = temp.Write("cli-week.yaml", ManageFixtures.FutureWeek("cli-week"));
        var db = Path.Combine(host.DataFolder, "web.db");

        var start = await CliRunner.RunAsync("campaign", "start", campaign, "--db", db, "--scenarios", RepoPaths.Combine("scenarios"), "--config", config);
        var calls = await host.Services.GetRequiredService<ICampaignStore>().GetCallsAsync("cli-week");
        var cancel = await CliRunner.RunAsync("campaign", "cancel", "cli-week", "--db", db, "--config", config);
        var after = await host.Services.GetRequiredService<ICampaignStore>().GetCallsAsync("cli-week");

        Assert.That(start.ExitCode, Is.Zero, start.ToString());
        Assert.That(start.Out, Does.Contain("scheduled by the running serve"));
        Assert.That(calls, Is.Not.Empty, "serve stored the campaign's calls");
        Assert.That(cancel.ExitCode, Is.Zero, cancel.ToString());
        Assert.That(after.All(c => c.State == CampaignCallState.Cancelled), Is.True);
        Assert.That(start.Error + cancel.Error, Does.Not.Contain(token), "the token is never printed");
    }

    [Test]
    public async Task CampaignStart_WhileServeHoldsTheFile_WithoutServerSettingsOrWithAViewersToken_IsRefusedWithTheReason()
    {
        await using var host = await WebAppHost.StartAsync();
        using var temp = new TempDirectory();
        var campaign = temp.Write("cli-week.yaml", ManageFixtures.FutureWeek("cli-week"));
        var db = Path.Combine(host.DataFolder, "web.db");
        var viewer = Settings(temp, host.BaseAddress.ToString(), await TokenAsync(host, "viewer"));

        var unset = await CliRunner.RunAsync("campaign", "start", campaign, "--db", db, "--scenarios", RepoPaths.Combine("scenarios"));
        var refused = await CliRunner.RunAsync("campaign", "start", campaign, "--db", db, "--scenarios", RepoPaths.Combine("scenarios"), "--config", viewer);
        var now = await CliRunner.RunAsync("campaign", "start", campaign, "--now", "--db", db, "--scenarios", RepoPaths.Combine("scenarios"), "--config", viewer);

        Assert.That(unset.ExitCode, Is.EqualTo(2));
        Assert.That(unset.Error, Does.Contain("in use").And.Contain("Server:Url"));
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Error, Does.Contain("a manager's or an admin's token is needed"));
        Assert.That(now.ExitCode, Is.EqualTo(2));
        Assert.That(now.Error, Does.Contain("only an on-time start"));
        Assert.That(await host.Services.GetRequiredService<ICampaignStore>().GetCampaignsAsync(), Is.Empty, "nothing was started");
    }

    private static async Task<string> TokenAsync(WebAppHost host, string user)
    {
        var account = await host.Services.GetRequiredService<IAccountStore>().GetAsync(user);
        var (_, token) = await host.Services.GetRequiredService<AccountService>().CreateTokenAsync(account!, "cli", lifetime: null);
        return token;
    }

    private static string Settings(TempDirectory temp, string url, string token) =>
        temp.Write($"server-{Guid.NewGuid():N}.json", JsonSerializer.Serialize(new
        {
            Server = new { Url = url, ApiToken = token },
            Simulation = new { CallCentreFile = RepoPaths.Combine("scenarios", "call-centre.yaml") },
        }));
}
