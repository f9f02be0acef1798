using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech.Emulator;

/// <summary>
/// A loopback stand-in for Azure Speech (Kestrel on 127.0.0.1, a free port): issueToken, the voice list, synthesis, fast
/// and batch transcription, and a Blob Storage container for batch audio, with the services' checks and answers. The audio comes from an injected <see cref="ISpeechSynthesizer"/>
/// (flite in rehearsals, a fake in tests), transcripts from an injected <see cref="ITranscriber"/> or a recorded answer per
/// locale. Faults can be queued per route, and requests are counted per route.
/// </summary>
public sealed partial class AzureSpeechEmulator : IAsyncDisposable
{
    /// <summary>How long an issued token is accepted, as by the service.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    private static readonly string[] SupportedFormats = ["riff-8khz-8bit-mono-mulaw", "riff-8khz-16bit-mono-pcm"];

    private readonly WebApplication app;
    private readonly ISpeechSynthesizer synthesizer;
    private readonly ITranscriber? transcriber;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<EmulatorRoute, ConcurrentQueue<EmulatedFault>> faults = new();
    private readonly ConcurrentDictionary<EmulatorRoute, int> counts = new();

    private AzureSpeechEmulator(WebApplication app, ISpeechSynthesizer synthesizer, ITranscriber? transcriber, string key, TimeProvider time, IReadOnlyList<EmulatedVoice> voices)
    {
        this.app = app;
        this.synthesizer = synthesizer;
        this.transcriber = transcriber;
        this.time = time;
        Key = key;
        Voices = voices;
    }

    /// <summary>The emulator's root URL, for <c>AzureSpeech:Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The only key the emulator accepts.</summary>
    public string Key { get; }

    /// <summary>The voices the emulator offers.</summary>
    public IReadOnlyList<EmulatedVoice> Voices { get; }

    /// <summary>When set, RIFF audio is sent with zero RIFF and data chunk sizes, as the real service sometimes streams it.</summary>
    public bool ZeroSizeRiffHeader { get; set; }

    /// <summary>A real wait before every answer, to rehearse a slow service and the client's timeout. Default none.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="synthesizer">Makes the audio; its clip is resampled to 8 kHz and encoded in the requested format.</param>
    /// <param name="key">The key to accept.</param>
    /// <param name="timeProvider">The clock tokens expire by (the system clock if null).</param>
    /// <param name="voices">The voice list (<see cref="EmulatedVoices.Default"/> if null).</param>
    /// <param name="transcriber">
    /// Transcribes fast transcription requests in locales without a recorded answer (pocketsphinx in rehearsals, a fake in
    /// tests); null answers those with 400, as for an unsupported locale.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<AzureSpeechEmulator> StartAsync(
        ISpeechSynthesizer synthesizer, string key, TimeProvider? timeProvider = null, IReadOnlyList<EmulatedVoice>? voices = null, ITranscriber? transcriber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new AzureSpeechEmulator(app, synthesizer, transcriber, key, timeProvider ?? TimeProvider.System, voices ?? EmulatedVoices.Default);
        app.MapPost("/sts/v1.0/issueToken", emulator.IssueTokenAsync);
        app.MapGet("/cognitiveservices/voices/list", emulator.VoiceListAsync);
        app.MapPost("/cognitiveservices/v1", emulator.SynthesizeAsync);
        app.MapPost("/speechtotext/transcriptions:transcribe", emulator.TranscribeAsync);
        emulator.MapBatch(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Endpoint = new Uri(address.TrimEnd('/') + "/");
        emulator.BatchContainerUrl = new Uri(emulator.Endpoint, $"{BlobRoot}/{ContainerName}?{emulator.ContainerSas}");
        return emulator;
    }

    /// <summary>The next <paramref name="count"/> requests to <paramref name="route"/> get <paramref name="fault"/> instead of an answer.</summary>
    public void FailNext(EmulatorRoute route, int count, EmulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var queue = faults.GetOrAdd(route, _ => new ConcurrentQueue<EmulatedFault>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>How many requests reached <paramref name="route"/>, faulted ones included.</summary>
    public int RequestCount(EmulatorRoute route) => counts.GetValueOrDefault(route);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        if (await Begin(context, EmulatorRoute.IssueToken).ConfigureAwait(false))
        {
            return;
        }

        if (!string.Equals(context.Request.Headers["Ocp-Apim-Subscription-Key"], Key, StringComparison.Ordinal))
        {
            await DeniedAsync(context).ConfigureAwait(false);
            return;
        }

        var token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        tokens[token] = time.GetUtcNow() + TokenLifetime;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(token).ConfigureAwait(false);
    }

    private async Task VoiceListAsync(HttpContext context)
    {
        if (await Begin(context, EmulatorRoute.Voices).ConfigureAwait(false))
        {
            return;
        }

        if (!Authorised(context.Request))
        {
            await DeniedAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, Voices, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private async Task SynthesizeAsync(HttpContext context)
    {
        if (await RefusedAsync(context, EmulatorRoute.Synthesis).ConfigureAwait(false))
        {
            return;
        }

        var request = context.Request;

        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/ssml+xml", StringComparison.OrdinalIgnoreCase))
        {
            await AnswerAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/ssml+xml").ConfigureAwait(false);
            return;
        }

        var format = request.Headers["X-Microsoft-OutputFormat"].ToString();
        if (!SupportedFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, $"unsupported output format '{format}'").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Headers.UserAgent))
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, "User-Agent is required").ConfigureAwait(false);
            return;
        }

        string ssml;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            ssml = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (Parse(ssml) is not var (locale, voice, text))
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, "SSML is not well-formed or lacks speak/voice").ConfigureAwait(false);
            return;
        }

        if (!Voices.Any(v => string.Equals(v.ShortName, voice, StringComparison.OrdinalIgnoreCase)))
        {
            // The real service answers an unknown voice with a bare 400.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(text, locale, voice), context.RequestAborted).ConfigureAwait(false);
        var encoding = format.Contains("mulaw", StringComparison.OrdinalIgnoreCase) ? WavEncoding.MuLaw : WavEncoding.Pcm16;
        var wav = WavFile.Encode(TelephoneRate, [clip.ResampleTo(TelephoneRate).Samples], encoding);
        if (ZeroSizeRiffHeader)
        {
            // Streamed output: the sizes were written before the length was known (offsets of WavFile's 44-byte header).
            wav.AsSpan(4, 4).Clear();
            wav.AsSpan(40, 4).Clear();
        }

        context.Response.ContentType = "audio/x-wav";
        await context.Response.Body.WriteAsync(wav, context.RequestAborted).ConfigureAwait(false);
    }

    private const int TelephoneRate = 8000;

    /// <summary>As <see cref="Begin"/>, then refuses a request without the key or a valid token; true when the answer is written.</summary>
    private async Task<bool> RefusedAsync(HttpContext context, EmulatorRoute route)
    {
        if (await Begin(context, route).ConfigureAwait(false))
        {
            return true;
        }

        if (!Authorised(context.Request))
        {
            await DeniedAsync(context).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>Counts the request and answers a queued fault, if any; true when it did.</summary>
    private async Task<bool> Begin(HttpContext context, EmulatorRoute route)
    {
        counts.AddOrUpdate(route, 1, (_, n) => n + 1);
        if (ResponseDelay > TimeSpan.Zero)
        {
            // Real time on purpose: the client's HttpClient timeout is what is being rehearsed. Ends when the client gives up.
            try
            {
                await Task.Delay(ResponseDelay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }

        if (!faults.TryGetValue(route, out var queue) || !queue.TryDequeue(out var fault))
        {
            return false;
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (fault.StatusCode == StatusCodes.Status401Unauthorized)
        {
            await DeniedAsync(context).ConfigureAwait(false);
        }
        else
        {
            await AnswerAsync(context, fault.StatusCode, $"emulated fault {fault.StatusCode}").ConfigureAwait(false);
        }

        return true;
    }

    private bool Authorised(HttpRequest request)
    {
        if (string.Equals(request.Headers["Ocp-Apim-Subscription-Key"], Key, StringComparison.Ordinal))
        {
            return true;
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            && tokens.TryGetValue(authorization[bearer.Length..].Trim(), out var expires)
            && time.GetUtcNow() < expires;
    }

    private static Task DeniedAsync(HttpContext context)
    {
        // The service's shape for a refused key.
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsJsonAsync(new
        {
            error = new
            {
                code = "401",
                message = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
            },
        });
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        // The speechtotext API's Error shape.
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(message);
    }

    private static (string Locale, string Voice, string Text)? Parse(string ssml)
    {
        try
        {
            var document = XDocument.Parse(ssml);
            var speak = document.Root;
            XNamespace synthesis = "http://www.w3.org/2001/10/synthesis";
            if (speak is null || speak.Name.LocalName != "speak" || (string?)speak.Attribute("version") != "1.0")
            {
                return null;
            }

            var locale = (string?)speak.Attribute(XNamespace.Xml + "lang");
            var voice = speak.Element(synthesis + "voice") ?? speak.Element("voice");
            var name = (string?)voice?.Attribute("name");
            return locale is null || voice is null || name is null ? null : (locale, name, voice.Value);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
