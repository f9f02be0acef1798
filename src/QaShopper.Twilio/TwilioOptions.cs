namespace QaShopper.Twilio;

/// <summary>How to reach Twilio and how calls are run; bound from the <c>Twilio</c> section.</summary>
public sealed class TwilioOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Twilio";

    /// <summary>The environment variable that carries the Auth Token, so it never has to be written in a file of the repository.</summary>
    public const string AuthTokenEnvironmentVariable = "QASHOPPER_Twilio__AuthToken";

    /// <summary>Twilio's REST API, the default of <see cref="ApiBaseUrl"/>.</summary>
    public static readonly Uri TwilioApiBaseUrl = new("https://api.twilio.com");

    /// <summary>The account (<c>Twilio:AccountSid</c>), <c>AC</c> followed by 32 hex digits.</summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// The account's Auth Token (<c>Twilio:AuthToken</c>); always required because Twilio signs webhooks with it.
    /// Set it through <see cref="AuthTokenEnvironmentVariable"/>; never logged.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>An API key (<c>Twilio:ApiKeySid</c>, <c>SK…</c>) used for REST calls instead of the Auth Token; optional.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The API key's secret (<c>Twilio:ApiKeySecret</c>); required with <see cref="ApiKeySid"/>; never logged.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>
    /// The secret of a webhook signing key (<c>Twilio:WebhookSigningSecret</c>), used for webhooks that announce an
    /// HMAC-SHA256 signature in <c>X-Twilio-Webhooks-Signature-Settings</c>; when unset those are checked with the Auth
    /// Token. Never logged.
    /// </summary>
    public string? WebhookSigningSecret { get; set; }

    /// <summary>
    /// The address Twilio reaches this host at (<c>Twilio:PublicBaseUrl</c>): webhook and audio URLs are built from it,
    /// and webhook signatures are checked against it. https, except on a loopback host (an emulator).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Twilio's REST API address (<c>Twilio:ApiBaseUrl</c>), default <see cref="TwilioApiBaseUrl"/>; set it to an
    /// emulator's address and every request to https://api.twilio.com (SDK and recording downloads) goes there.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = TwilioApiBaseUrl;

    /// <summary>Where a host without the web app listens for webhooks (<c>Twilio:WebhookListenUrl</c>). Default http://127.0.0.1:5081.</summary>
    public Uri WebhookListenUrl { get; set; } = new("http://127.0.0.1:5081");

    /// <summary>How long the line rings before Twilio gives up with no-answer (<c>Twilio:RingTimeout</c>). Default 60 s (Twilio's own):
    /// a slow answer is what the answer-speed item is there to catch, so it must be heard, not cut off at 30 s and
    /// retried as unanswered. Twilio allows 5 s to 600 s.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a call may last (<c>Twilio:TimeLimit</c>). Default 20 minutes.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a listen keeps waiting through a hold (<c>Twilio:MaxHold</c>). Default 5 minutes.</summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Audio played to ourselves while waiting through a hold (<c>Twilio:HoldMusicUrl</c>); optional.</summary>
    public Uri? HoldMusicUrl { get; set; }

    /// <summary>Whether a recording is deleted at Twilio once stored and verified here (<c>Twilio:DeleteRecordings</c>). Default true.</summary>
    public bool DeleteRecordings { get; set; } = true;

    /// <summary>
    /// How long a call is followed at most, from dialling to its recording (<c>Twilio:CallTimeout</c>): ring, time limit
    /// and a grace for the recording. Default 30 minutes; must exceed <see cref="RingTimeout"/> + <see cref="TimeLimit"/>.
    /// A call whose callbacks never come ends as failed after it.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one REST request or download may take (<c>Twilio:HttpTimeout</c>). Default 30 seconds.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The REST user name: the API key when set, else the account.</summary>
    internal string RestUser => string.IsNullOrWhiteSpace(ApiKeySid) ? AccountSid! : ApiKeySid;

    /// <summary>The REST password: the API key's secret when a key is set, else the Auth Token.</summary>
    internal string RestSecret => string.IsNullOrWhiteSpace(ApiKeySid) ? AuthToken! : ApiKeySecret!;

    /// <summary>The public base without a trailing slash, for building URLs.</summary>
    internal string PublicBase => PublicBaseUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
