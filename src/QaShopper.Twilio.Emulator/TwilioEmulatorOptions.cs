namespace QaShopper.Twilio.Emulator;

/// <summary>How a <see cref="TwilioEmulator"/> behaves: its credentials, numbers, signing, recording layout and pace.</summary>
public sealed class TwilioEmulatorOptions
{
    /// <summary>The account sid (<c>AC</c> + 32 lowercase hex); null draws one.</summary>
    public string? AccountSid { get; init; }

    /// <summary>The auth token (32 hex); null draws one.</summary>
    public string? AuthToken { get; init; }

    /// <summary>The E.164 numbers the account owns: the only ones accepted as <c>From</c>, listed as IncomingPhoneNumbers.</summary>
    public IReadOnlyList<string> OwnedNumbers { get; init; } = [];

    /// <summary>An API key (<c>SK…</c> sid and secret) accepted as basic-auth credentials besides the account's; null for none.</summary>
    public (string Sid, string Secret)? ApiKey { get; init; }

    /// <summary>
    /// Sign webhooks with HMAC-SHA256 and a shared key, announced by <c>X-Twilio-Webhooks-Signature-Settings:
    /// key=&lt;id&gt;,algorithm=HMAC_SHA256</c> (SDK 8.2.0's <c>RequestValidator.GetSignatureAlgorithm</c>). Default false:
    /// HMAC-SHA1 with the auth token and no settings header.
    /// </summary>
    public bool SignWithSha256 { get; init; }

    /// <summary>The shared signing key (id and secret) for <see cref="SignWithSha256"/>; null draws one.</summary>
    public (string Id, string Secret)? SharedKey { get; init; }

    /// <summary>
    /// Which channel (1 or 2) of a dual-channel recording holds what the API caller plays; the other holds the callee.
    /// Default 1. Twilio documents no order for this case, so a carrier must detect it: make it 2 to prove it does.
    /// </summary>
    public int CallerChannel { get; init; } = 1;

    /// <summary>
    /// Real seconds per virtual second. 0 (default): as fast as possible, nothing sleeps and webhooks go back to back;
    /// 1: real time, for a rehearsal a person listens to.
    /// </summary>
    public double TimeScale { get; init; }

    /// <summary>Seeds the sids and credentials the emulator draws; null draws them at random.</summary>
    public int? Seed { get; init; }

    /// <summary>How long a webhook may take to answer before it counts as failed; Twilio's is 15 s.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long connecting to a webhook may take; Twilio's is 5 s.</summary>
    public TimeSpan WebhookConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(OwnedNumbers);
        if (CallerChannel is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(CallerChannel), CallerChannel, "CallerChannel must be 1 or 2.");
        }

        if (TimeScale < 0 || double.IsNaN(TimeScale) || double.IsInfinity(TimeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(TimeScale), TimeScale, "TimeScale must be 0 (as fast as possible) or a positive factor.");
        }

        if (WebhookTimeout <= TimeSpan.Zero || WebhookConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WebhookTimeout), "WebhookTimeout and WebhookConnectTimeout must be positive.");
        }

        foreach (var number in OwnedNumbers)
        {
            if (!E164.IsValid(number))
            {
                throw new ArgumentException($"OwnedNumbers: '{number}' is not an E.164 number.", nameof(OwnedNumbers));
            }
        }
    }
}
