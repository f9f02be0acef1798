using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaShopper.Audio;

namespace QaShopper.Tests.EmulatedTwilio;

/// <summary>A request the test app received, with the URL rebuilt exactly as requested (what Twilio signs).</summary>
internal sealed record ReceivedWebhook(string Method, string Path, string Url, Dictionary<string, string> Form, string? Signature, string? SignatureSettings);

/// <summary>
/// The carrier's side in miniature: Kestrel on loopback serving TwiML per path (from a function of the request), WAV
/// audio, and recording every request it gets.
/// </summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<ReceivedWebhook, string>> twiml = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> audio = new(StringComparer.Ordinal);

    private WebhookApp(WebApplication app) => this.app = app;

    public Uri Base { get; private set; } = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Paths answered with this status instead of TwiML.</summary>
    public ConcurrentDictionary<string, int> Failing { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths answered only after this real delay.</summary>
    public ConcurrentDictionary<string, TimeSpan> Slow { get; } = new(StringComparer.Ordinal);

    public static async Task<WebhookApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        var result = new WebhookApp(web);
        web.Run(result.HandleAsync);
        await web.StartAsync();
        result.Base = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return result;
    }

    public Uri Url(string path) => new(Base, path.TrimStart('/'));

    public void Twiml(string path, string document) => twiml[path] = _ => document;

    public void Twiml(string path, Func<ReceivedWebhook, string> document) => twiml[path] = document;

    public void Audio(string path, AudioClip clip) => audio[path] = WavFile.Encode(clip.SampleRate, [clip.Samples], WavEncoding.Pcm16);

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. Received.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var url = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}";
        var received = new ReceivedWebhook(request.Method, request.Path, url, form, request.Headers["X-Twilio-Signature"].FirstOrDefault(),
            request.Headers["X-Twilio-Webhooks-Signature-Settings"].FirstOrDefault());
        Received.Enqueue(received);
        if (Slow.TryGetValue(request.Path, out var delay))
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (Failing.TryGetValue(request.Path, out var status))
        {
            context.Response.StatusCode = status;
            return;
        }

        if (audio.TryGetValue(request.Path, out var wav))
        {
            context.Response.ContentType = "audio/wav";
            await context.Response.Body.WriteAsync(wav);
            return;
        }

        if (twiml.TryGetValue(request.Path, out var document))
        {
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(document(received));
            return;
        }

        // Status callbacks and anything else: 204, as a carrier answers them.
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
