namespace QaShopper.AzureSpeech.Emulator;

/// <summary>An answer the emulator gives instead of the real one, to rehearse the service's failures.</summary>
/// <param name="StatusCode">The HTTP status: 401, 429, 503…</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header's value (seconds or an HTTP date), or null for none.</param>
public sealed record EmulatedFault(int StatusCode, string? RetryAfter = null)
{
    /// <summary>401, as for a wrong key.</summary>
    public static EmulatedFault Unauthorized { get; } = new(401);

    /// <summary>503, as when the service is briefly unavailable.</summary>
    public static EmulatedFault ServiceUnavailable { get; } = new(503);

    /// <summary>429, as when the resource is over its request rate or still scaling.</summary>
    public static EmulatedFault TooManyRequests(string? retryAfter = null) => new(429, retryAfter);
}

/// <summary>The routes the emulator serves; faults and request counts are per route.</summary>
public enum EmulatorRoute
{
    /// <summary><c>POST /sts/v1.0/issueToken</c>.</summary>
    IssueToken,

    /// <summary><c>GET /cognitiveservices/voices/list</c>.</summary>
    Voices,

    /// <summary><c>POST /cognitiveservices/v1</c>.</summary>
    Synthesis,

    /// <summary><c>POST /speechtotext/transcriptions:transcribe</c>.</summary>
    FastTranscription,
}
