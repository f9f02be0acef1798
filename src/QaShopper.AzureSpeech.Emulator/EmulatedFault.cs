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

    /// <summary><c>PUT {container}/{blob}</c>: Put Blob, Put Block and Put Block List.</summary>
    BlobUpload,

    /// <summary><c>GET {container}/{blob}</c>, by a client (the service reads blobs without a request).</summary>
    BlobRead,

    /// <summary><c>DELETE {container}/{blob}</c>.</summary>
    BlobDelete,

    /// <summary><c>POST /speechtotext/transcriptions:submit</c>.</summary>
    BatchSubmit,

    /// <summary><c>GET /speechtotext/transcriptions/{id}</c>: a status poll.</summary>
    BatchStatus,

    /// <summary><c>GET /speechtotext/transcriptions/{id}/files</c>.</summary>
    BatchFiles,

    /// <summary><c>GET</c> of a result file's <c>links.contentUrl</c>.</summary>
    BatchResult,

    /// <summary><c>DELETE /speechtotext/transcriptions/{id}</c>.</summary>
    BatchDelete,
}
