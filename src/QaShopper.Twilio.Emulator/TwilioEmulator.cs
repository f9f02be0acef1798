using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QaShopper.Twilio.Emulator;

/// <summary>
/// A loopback stand-in for Twilio's Voice REST API (2010-04-01) and its webhooks, which the real Twilio SDK talks to
/// unchanged but for its base address (Kestrel on 127.0.0.1, a free port). Calls are answered by an
/// <see cref="IEmulatedCallee"/>, their TwiML is fetched and interpreted, status and recording callbacks are signed and
/// sent as Twilio does, and answered calls are recorded on two 8 kHz channels. Faults can be queued per number or for
/// the next call (<see cref="Faults"/>).
/// </summary>
/// <remarks>
/// Time is virtual: a call's times are its creation time (from the <see cref="TimeProvider"/>) plus offsets that its
/// ringing, playing and listening add up; <see cref="TwilioEmulatorOptions.TimeScale"/> says how much real time that takes.
/// </remarks>
public sealed partial class TwilioEmulator : IAsyncDisposable
{
    private const string ApiVersion = "2010-04-01";

    private readonly WebApplication app;
    private readonly EmulatorContext context;
    private readonly HttpClient webhookHttp;
    private readonly CancellationTokenSource stopping;
    private readonly ConcurrentDictionary<string, CallRun> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CallRun> order = new();
    private readonly ConcurrentQueue<WebhookDelivery> deliveries;
    private readonly IReadOnlyList<(string Sid, string Number)> numbers;
    private readonly DateTimeOffset createdAt;

    private TwilioEmulator(
        WebApplication app, EmulatorContext context, HttpClient webhookHttp, CancellationTokenSource stopping, ConcurrentQueue<WebhookDelivery> deliveries,
        TwilioEmulatorOptions options, string authToken, (string Id, string Secret)? sharedKey, IReadOnlyList<(string, string)> numbers)
    {
        this.app = app;
        this.context = context;
        this.webhookHttp = webhookHttp;
        this.stopping = stopping;
        this.deliveries = deliveries;
        this.numbers = numbers;
        Options = options;
        AuthToken = authToken;
        SharedKey = sharedKey;
        createdAt = context.Time.GetUtcNow();
    }

    /// <summary>The emulator's root URL (<c>http://127.0.0.1:PORT/</c>): what the carrier uses instead of <c>https://api.twilio.com/</c>.</summary>
    public Uri BaseAddress => context.BaseAddress;

    /// <summary>The account sid (<c>AC</c> + 32 lowercase hex).</summary>
    public string AccountSid => context.AccountSid;

    /// <summary>The account's auth token (32 hex): the basic-auth password, and the webhook signing secret for HMAC-SHA1.</summary>
    public string AuthToken { get; }

    /// <summary>The shared key that signs webhooks with HMAC-SHA256 (<see cref="TwilioEmulatorOptions.SignWithSha256"/>), else null.</summary>
    public (string Id, string Secret)? SharedKey { get; }

    /// <summary>The options the emulator runs with.</summary>
    public TwilioEmulatorOptions Options { get; }

    /// <summary>Faults for coming calls.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Every call created, oldest first, as it is now.</summary>
    public IReadOnlyList<EmulatedCall> Calls => [.. order.Select(c => c.Snapshot())];

    /// <summary>Every webhook attempt made (TwiML fetches, media, status and recording callbacks), in the order made.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries => [.. deliveries];

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Credentials, numbers, signing, channels, pace.</param>
    /// <param name="callee">Answers every call.</param>
    /// <param name="timeProvider">The clock calls start by and real-time waits use (the system clock if null).</param>
    /// <param name="loggerFactory">Where the emulator logs (nowhere if null).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<TwilioEmulator> StartAsync(
        TwilioEmulatorOptions options, IEmulatedCallee callee, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(callee);
        options.Validate();
        var sids = new SidSource(options.Seed);
        var accountSid = options.AccountSid ?? sids.Next("AC");
        var authToken = options.AuthToken ?? sids.Next(string.Empty);
        (string Id, string Secret)? sharedKey = options.SignWithSha256
            ? options.SharedKey ?? ("webhooks_sharedkey_" + sids.Next(string.Empty), sids.Next(string.Empty))
            : null;
        var numbers = options.OwnedNumbers.Select(n => (sids.Next("PN"), n)).ToList();
        var logger = (ILogger?)loggerFactory?.CreateLogger<TwilioEmulator>() ?? NullLogger.Instance;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

#pragma warning disable CA2000 // Owned by the emulator and disposed with it.
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.WebhookConnectTimeout, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var stopping = new CancellationTokenSource();
#pragma warning restore CA2000
        var deliveries = new ConcurrentQueue<WebhookDelivery>();
        (string, string?) Signing() => sharedKey is { } key ? (key.Secret, $"key={key.Id},algorithm=HMAC_SHA256") : (authToken, null);
        var webhooks = new WebhookClient(http, options, Signing, deliveries, logger);
        var context = new EmulatorContext(options, timeProvider ?? TimeProvider.System, webhooks, accountSid, callee, sids, logger, stopping.Token);
        var emulator = new TwilioEmulator(app, context, http, stopping, deliveries, options, authToken, sharedKey, numbers);

        const string account = "/2010-04-01/Accounts/{accountSid}";
        app.MapPost(account + "/Calls.json", emulator.CreateCallAsync);
        app.MapGet(account + "/Calls.json", emulator.ListCallsAsync);
        app.MapGet(account + "/Calls/{callSid}.json", emulator.FetchCallAsync);
        app.MapPost(account + "/Calls/{callSid}.json", emulator.UpdateCallAsync);
        app.MapGet(account + "/Recordings.json", emulator.ListRecordingsAsync);
        app.MapGet(account + "/Recordings/{file}", emulator.FetchRecordingAsync);
        app.MapDelete(account + "/Recordings/{file}", emulator.DeleteRecordingAsync);
        app.MapGet(account + "/IncomingPhoneNumbers.json", emulator.ListNumbersAsync);
        app.MapGet("/2010-04-01/Accounts/{accountSid}.json", emulator.FetchAccountAsync);
        app.MapFallback(context => ErrorAsync(context, 404, 20404, $"The requested resource {context.Request.Path} was not found"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        context.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        LogStarted(logger, context.BaseAddress, accountSid);
        return emulator;
    }

    /// <summary>Completes when every call created so far has ended and all its callbacks were delivered.</summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (true)
        {
            var running = order.Select(c => c.Completion).Where(t => !t.IsCompleted).ToList();
            if (running.Count == 0)
            {
                return;
            }

            await Task.WhenAll(running).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The recording's samples per channel (as stored, before any download mixing), or null if unknown or deleted.</summary>
    public IReadOnlyList<float[]>? RecordingSamples(string recordingSid) =>
        context.Recordings.TryGetValue(recordingSid, out var recording) && !recording.Deleted ? recording.Samples : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (var call in order)
        {
            call.RequestEnd("completed");
        }

        try
        {
            await Task.WhenAll(order.Select(c => c.Completion)).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Stopping: a callback cut short is expected.
        }

        foreach (var call in order.Where(c => c.Completion.IsCompleted))
        {
            call.Dispose();
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        webhookHttp.Dispose();
        stopping.Dispose();
    }

    /// <summary>Checks basic auth and the account in the path; answers the error and returns false when they fail.</summary>
    private async Task<bool> AuthorisedAsync(HttpContext http, string? accountSid)
    {
        var header = http.Request.Headers.Authorization.ToString();
        string? user = null;
        string? password = null;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    (user, password) = (pair[..colon], pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
            }
        }

        var valid = (Same(user, AccountSid) && Same(password, AuthToken))
            || (Options.ApiKey is { } key && Same(user, key.Sid) && Same(password, key.Secret));
        if (!valid)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            await ErrorAsync(http, 401, 20003, "Authenticate").ConfigureAwait(false);
            return false;
        }

        if (accountSid is not null && !string.Equals(accountSid, AccountSid, StringComparison.Ordinal))
        {
            await ErrorAsync(http, 404, 20404, $"The requested resource {http.Request.Path} was not found").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static bool Same(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>Twilio's error body: code, message, more_info, status.</summary>
    private static Task ErrorAsync(HttpContext http, int status, int code, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio emulator listening on {BaseAddress} for account {AccountSid}")]
    private static partial void LogStarted(ILogger logger, Uri baseAddress, string accountSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallSid} created: {From} to {To}")]
    private static partial void LogCallCreated(ILogger logger, string callSid, string from, string to);
}
