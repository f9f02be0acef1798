using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

public sealed class TwilioAccountCheckTests
{
    private static TwilioOptions Options(string publicBase = "https://qa.example.com") => new()
    {
        AccountSid = TwilioTestHost.AccountSid,
        AuthToken = TwilioTestHost.AuthToken,
        PublicBaseUrl = new Uri(publicBase),
    };

    private static async Task<TwilioCheckReport> RunAsync(FakeTwilioApi api, TwilioOptions options, params string[] numbers)
    {
        using var http = TwilioAccountCheck.CreateHttpClient(options, api);
        return await TwilioAccountCheck.RunAsync(options, http, numbers);
    }

    [Test]
    public async Task Check_ActiveAccountOwningTheNumbers_IsOk()
    {
        using var api = new FakeTwilioApi();

        var report = await RunAsync(api, Options(), "+15559870000", "+15559870001");

        Assert.That(report.Ok, Is.True, string.Join("\n", report.Lines));
        Assert.That(report.Lines, Has.Some.Contains("account 'QA team' is active"));
        Assert.That(report.Lines, Has.Some.Contains("+15559870001: owned"));
    }

    [Test]
    public async Task Check_RejectedCredentials_SaysWhichSettingsAndNeverTheToken()
    {
        using var api = new FakeTwilioApi { RejectCredentials = true };

        var report = await RunAsync(api, Options());

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Lines, Has.Some.Contains("Twilio:AccountSid/AuthToken rejected"));
        Assert.That(string.Join("\n", report.Lines), Does.Not.Contain(TwilioTestHost.AuthToken));
    }

    [Test]
    public async Task Check_NumberNotOwnedOrAccountSuspended_IsNotOk()
    {
        using var api = new FakeTwilioApi { AccountStatus = "suspended" };

        var report = await RunAsync(api, Options(), "+15550000000");

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Lines, Has.Some.Contains("is suspended"));
        Assert.That(report.Lines, Has.Some.Contains("+15550000000: NOT owned"));
    }

    [Test]
    public async Task Check_PlainHttpPublicUrl_FailsNamingTheSetting()
    {
        using var api = new FakeTwilioApi();

        var report = await RunAsync(api, Options("http://qa.example.com"));

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Lines, Has.Some.Contains("Twilio:PublicBaseUrl"));
    }

    [Test]
    public async Task Check_ApiBaseUrl_SendsTheSdkToTheEmulator()
    {
        using var api = new FakeTwilioApi();
        var options = Options();
        options.ApiBaseUrl = new Uri("http://127.0.0.1:9/emu");

        await RunAsync(api, options);

        Assert.That(api.Requests, Has.Some.StartsWith($"GET http://127.0.0.1:9/emu/2010-04-01/Accounts/{TwilioTestHost.AccountSid}.json"));
    }
}
