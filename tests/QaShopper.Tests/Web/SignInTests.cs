using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Core.Accounts;
using QaShopper.Core.Ports;
using QaShopper.Tests.Support;
using QaShopper.Web.Security;

namespace QaShopper.Tests.Web;

public sealed partial class SignInTests
{
    [Test]
    public async Task EveryRoute_ButSignInHealthAndTwilioWebhooks_RefusesARequestWithoutSignIn()
    {
        await using var host = await WebAppHost.StartAsync(settings: new Dictionary<string, string?> { ["Carrier:Kind"] = "simulated" });
        using var anonymous = host.Anonymous();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();

        Assert.That(open, Is.EquivalentTo(new[] { "/signin", "/health" }), "only the sign-in page and health are open (Twilio's webhooks are mapped with the twilio carrier)");
        Assert.That(endpoints, Has.Count.GreaterThan(3));
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "x");
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
                var refused = path.StartsWith("/api", StringComparison.Ordinal)
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/signin", StringComparison.Ordinal)
                      || response.StatusCode == HttpStatusCode.BadRequest && method != "GET";
                Assert.That(refused, Is.True, $"{method} {path} answered {(int)response.StatusCode} without sign-in");
            }
        }
    }

    [Test]
    public async Task TwilioWebhooks_AreOpenToTwilioButCheckTheSignatureInstead()
    {
        await using var host = await WebAppHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Carrier:Kind"] = "twilio",
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            ["Twilio:AuthToken"] = new string('2', 32),
            ["Twilio:PublicBaseUrl"] = "https://qa.example.com",
            ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
        });
        using var anonymous = host.Anonymous();
        using var unsigned = await anonymous.PostAsync(new Uri("/twilio/calls/c1/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["CallStatus"] = "completed" }));

        Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "reached the webhook without sign-in, refused by the signature check");
    }

    [Test]
    public async Task SignIn_WrongPassword_IsRefusedWithoutSayingWhichPartWasWrong()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = host.Anonymous();
        using var wrongPassword = await WebAppHost.SignInAsync(client, "viewer", "not the password");
        using var noSuchUser = await WebAppHost.SignInAsync(client, "nobody", "not the password");

        Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(noSuchUser.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await wrongPassword.Content.ReadAsStringAsync(), Does.Contain("User name or password is wrong"));
        Assert.That(await noSuchUser.Content.ReadAsStringAsync(), Does.Contain("User name or password is wrong"));
    }

    [Test]
    public async Task SignIn_UserNameInAnyCase_SignsInTheSameAccount()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = host.Anonymous();
        using var response = await WebAppHost.SignInAsync(client, "  Reviewer ", WebAppHost.Password);
        var me = await client.GetStringAsync(new Uri("/api/me", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(me, Does.Contain("\"userName\":\"reviewer\"").And.Contain("\"role\":\"Reviewer\""));
    }

    [Test]
    public async Task SignIn_AfterFiveFailures_IsRefusedEvenWithTheRightPasswordUntilTheWindowPasses()
    {
        var clock = new TestClock(TimeProvider.System.GetUtcNow());
        await using var host = await WebAppHost.StartAsync(b => b.Services.AddSingleton<TimeProvider>(clock));
        using var client = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await WebAppHost.SignInAsync(client, "manager", "guess " + i);
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var held = await WebAppHost.SignInAsync(client, "manager", WebAppHost.Password);
        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(held.Headers.RetryAfter?.Delta?.TotalMinutes, Is.InRange(14, 15));

        clock.Advance(TimeSpan.FromMinutes(15));
        using var later = await WebAppHost.SignInAsync(client, "manager", WebAppHost.Password);
        Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Session_IdleLongerThanTheTimeout_EndsAndAsksForSignInAgain()
    {
        var clock = new TestClock(TimeProvider.System.GetUtcNow());
        await using var host = await WebAppHost.StartAsync(b => b.Services.AddSingleton<TimeProvider>(clock));
        using var client = await host.SignedInAsync(Role.Viewer);
        using var fresh = await client.GetAsync(new Uri("/", UriKind.Relative));
        clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(idle.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(idle.Headers.Location!.ToString(), Does.Contain("/signin"));
    }

    [Test]
    public async Task Session_KeptBusy_StillEndsAtItsMaximumAge()
    {
        var clock = new TestClock(TimeProvider.System.GetUtcNow());
        await using var host = await WebAppHost.StartAsync(b => b.Services.AddSingleton<TimeProvider>(clock));
        using var client = await host.SignedInAsync(Role.Viewer);
        var statuses = new List<HttpStatusCode>();
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12.5); elapsed += TimeSpan.FromMinutes(20))
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            statuses.Add(response.StatusCode);
            clock.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.That(statuses.Take(30), Is.All.EqualTo(HttpStatusCode.OK), "every 20 minutes keeps the session alive for 10 hours");
        Assert.That(statuses.Last(), Is.EqualTo(HttpStatusCode.Redirect), "but not past 12 hours");
    }

    [Test]
    public async Task Session_OfADisabledAccount_EndsAtItsNextRequest()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await host.SignedInAsync(Role.Manager);
        var store = host.Services.GetRequiredService<IAccountStore>();
        var account = await store.GetAsync("manager");
        await store.UpdateAsync(account! with { Disabled = true });
        using var response = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Session_AfterTheRoleChanges_CarriesTheNewRoleAtOnce()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await host.SignedInAsync(Role.Viewer);
        var store = host.Services.GetRequiredService<IAccountStore>();
        await store.UpdateAsync((await store.GetAsync("viewer"))! with { Role = Role.Reviewer });
        var me = await client.GetStringAsync(new Uri("/api/me", UriKind.Relative));

        Assert.That(me, Does.Contain("\"role\":\"Reviewer\""));
    }

    [Test]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefusedAndTheSessionStays()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await host.SignedInAsync(Role.Viewer);
        using var forged = await client.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var after = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ApiToken_Valid_SignsInTheScript_RevokedOrExpiredOrForged_IsRefused()
    {
        var clock = new TestClock(TimeProvider.System.GetUtcNow());
        await using var host = await WebAppHost.StartAsync(b => b.Services.AddSingleton<TimeProvider>(clock));
        var accounts = host.Services.GetRequiredService<AccountService>();
        var store = host.Services.GetRequiredService<IAccountStore>();
        var reviewer = (await store.GetAsync("reviewer"))!;
        var (kept, keptToken) = await accounts.CreateTokenAsync(reviewer, "kept", lifetime: null);
        var (revoked, revokedToken) = await accounts.CreateTokenAsync(reviewer, "revoked", lifetime: null);
        var (_, expiringToken) = await accounts.CreateTokenAsync(reviewer, "expiring", TimeSpan.FromDays(1));
        await store.RevokeTokenAsync(revoked.Id);
        clock.Advance(TimeSpan.FromDays(2));

        async Task<HttpStatusCode> Me(string token)
        {
            using var client = host.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
            return response.StatusCode;
        }

        Assert.That(await Me(keptToken), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Me(revokedToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Me(expiringToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Me(keptToken[..^2] + "xx"), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await store.ListTokensAsync("reviewer")).Select(t => t.TokenHash), Does.Not.Contain(keptToken), "only the hash is stored");
        Assert.That(kept.TokenHash, Is.EqualTo(ApiTokenFormat.Hash(keptToken)));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();
}
