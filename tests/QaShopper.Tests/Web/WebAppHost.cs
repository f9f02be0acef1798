using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Commands;
using QaShopper.Core.Accounts;
using QaShopper.Tests.Support;
using QaShopper.Web.Security;

namespace QaShopper.Tests.Web;

/// <summary>
/// The <c>serve</c> host on a loopback port with a data file of its own and one account per role (user name = role,
/// password <see cref="Password"/>), for the page, API and browser tests.
/// </summary>
internal sealed partial class WebAppHost : IAsyncDisposable
{
    public const string Password = "a long test password";

    private readonly TempDirectory temp;

    private WebAppHost(TempDirectory temp, WebApplication app)
    {
        this.temp = temp;
        App = app;
    }

    public WebApplication App { get; }

    public Uri BaseAddress => new(App.Urls.First());

    public IServiceProvider Services => App.Services;

    public string DataFolder => temp.Path;

    /// <summary>Starts the host; <paramref name="configure"/> may swap the clock or add settings.</summary>
    public static async Task<WebAppHost> StartAsync(Action<WebApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        var values = new Dictionary<string, string?>
        {
            ["Simulation:CallCentreFile"] = RepoPaths.Combine("scenarios", "call-centre.yaml"),
            ["Scenarios:Directory"] = RepoPaths.Combine("scenarios"),
            ["Recordings:Directory"] = temp.File("recordings"),
            ["Web:KeysDirectory"] = temp.File("keys"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // A settings file, as a user gives one: the composition root reads the carrier and the adapters while the host is
        // being built, before a configure callback could add settings.
        var config = temp.Write("settings.json", JsonSerializer.Serialize(Nest(values)));
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false);
        var parse = QaShopperCli.BuildRoot(console).Parse(["serve", "--db", temp.File("web.db"), "--config", config]);
        var app = ServeCommand.Build(parse, "http://127.0.0.1:0", configure);
        await app.StartAsync();
        var host = new WebAppHost(temp, app);
        var accounts = app.Services.GetRequiredService<AccountService>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var (_, error) = await accounts.CreateAsync(role.ToString().ToLowerInvariant(), $"Test {role}", role, Password);
            Assert.That(error, Is.Null);
        }

        return host;
    }

    /// <summary>A client with no session; it does not follow redirects, so a refusal is seen as it is.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>A client signed in through the sign-in form as <paramref name="role"/>'s account.</summary>
    public async Task<HttpClient> SignedInAsync(Role role)
    {
        var client = Anonymous();
        using var response = await SignInAsync(client, role.ToString().ToLowerInvariant(), Password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"sign-in as {role}");
        return client;
    }

    /// <summary>Posts the sign-in form, with its anti-forgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/signin");
        return await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The anti-forgery token of the form on <paramref name="page"/> (its cookie lands in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var match = TokenField().Match(html);
        Assert.That(match.Success, Is.True, $"{page} has a form with an anti-forgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static Dictionary<string, object?> Nest(Dictionary<string, string?> flat)
    {
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object?> next)
                {
                    next = [];
                    node[part] = next;
                }

                node = next;
            }

            node[parts[^1]] = value;
        }

        return root;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        temp.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
