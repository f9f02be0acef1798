using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QaShopper.Twilio.Emulator;

/// <summary>What every call of one emulator shares.</summary>
internal sealed class EmulatorContext(
    TwilioEmulatorOptions options,
    TimeProvider time,
    WebhookClient webhooks,
    string accountSid,
    IEmulatedCallee callee,
    SidSource sids,
    ILogger logger,
    CancellationToken stopping)
{
    public TwilioEmulatorOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public WebhookClient Webhooks { get; } = webhooks;

    public string AccountSid { get; } = accountSid;

    public IEmulatedCallee Callee { get; } = callee;

    public SidSource Sids { get; } = sids;

    public ILogger Logger { get; } = logger;

    public CancellationToken Stopping { get; } = stopping;

    public ConcurrentDictionary<string, EmulatedRecording> Recordings { get; } = new(StringComparer.Ordinal);

    /// <summary>The emulator's root URL; set once Kestrel has its port.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");
}
