using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;
using QaShopper.LiteDb;
using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

/// <summary>
/// A web host with the real Twilio carrier, its webhooks on Kestrel (loopback, any port) and the LiteDB journal, with
/// Twilio's REST API faked at the HTTP boundary. The public base URL differs from the listening address, as behind a
/// proxy: webhooks are signed for the public URL and posted to the loopback one.
/// </summary>
internal sealed class TwilioTestHost : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "tok-5ecr3t-0123456789abcdef012345";
    public const string PublicBase = "https://qa.example.com/hooks";

    private readonly WebApplication app;
    private readonly HttpClient http;

    private TwilioTestHost(WebApplication app, FakeTwilioApi api, CapturingLoggerProvider logs)
    {
        this.app = app;
        Api = api;
        Logs = logs;
        http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public FakeTwilioApi Api { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => app.Services;

    public TwilioCarrier Carrier => Services.GetRequiredService<TwilioCarrier>();

    public ICarrierCallJournal Journal => Services.GetRequiredService<ICarrierCallJournal>();

    public static async Task<TwilioTestHost> StartAsync(string dataDirectory, FakeTwilioApi? api = null, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        api ??= new FakeTwilioApi();
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var values = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBase,
            ["Recordings:Directory"] = Path.Combine(dataDirectory, "recordings"),
            ["Store:Path"] = Path.Combine(dataDirectory, "store", "qashopper.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddLiteDbStore();
        builder.AddTwilioCarrier();
        builder.Services.AddSingleton<ISpeechSynthesizer, ToneSynthesizer>();
        builder.Services.AddHttpClient(TwilioCarrierExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
        var app = builder.Build();
        app.MapTwilioWebhooks();
        await app.StartAsync();
        return new TwilioTestHost(app, api, logs);
    }

    /// <summary>Posts a form signed for the public URL (or unsigned, or signed otherwise) to a webhook path.</summary>
    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature = null, string? signedUrl = null, bool sign = true, string? secret = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent(form),
        };
        if (sign)
        {
            request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSigner.SignForm(secret ?? AuthToken, signedUrl ?? PublicBase + pathAndQuery, form));
        }

        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string path, string body, string? signatureSettings = null, string? secret = null, bool sha256 = false)
    {
        var pathAndQuery = $"{path}?bodySHA256={TwilioSigner.BodyHash(body)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.SignForm(secret ?? AuthToken, PublicBase + pathAndQuery, new Dictionary<string, string>(), sha256));
        if (signatureSettings is not null)
        {
            request.Headers.Add("X-Twilio-Webhooks-Signature-Settings", signatureSettings);
        }

        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path.TrimStart('/'));

    /// <summary>Posts a signed webhook and returns its TwiML parsed.</summary>
    public async Task<XElement> TwimlAsync(string path, IReadOnlyDictionary<string, string> form)
    {
        using var response = await PostAsync(path, form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return XDocument.Parse(text).Root!;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
