namespace QaShopper.AzureSpeech;

/// <summary>How to reach Azure Speech (text to speech, fast and batch transcription); bound from the <c>AzureSpeech</c> section.</summary>
public sealed class AzureSpeechOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "AzureSpeech";

    /// <summary>The environment variable that carries the key, so it never has to be written in a file of the repository.</summary>
    public const string KeyEnvironmentVariable = "QASHOPPER_AzureSpeech__Key";

    /// <summary>μ-law RIFF at 8 kHz: what a telephone line carries.</summary>
    public const string MuLaw8Khz = "riff-8khz-8bit-mono-mulaw";

    /// <summary>16-bit PCM RIFF at 8 kHz.</summary>
    public const string Pcm8Khz = "riff-8khz-16bit-mono-pcm";

    /// <summary>The output formats this adapter can decode: the RIFF telephony formats.</summary>
    public static readonly IReadOnlyList<string> SupportedOutputFormats = [MuLaw8Khz, Pcm8Khz];

    /// <summary>The resource's region (<c>AzureSpeech:Region</c>), for example <c>westeurope</c>. Set this or <see cref="Endpoint"/>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// A custom endpoint (<c>AzureSpeech:Endpoint</c>): a custom subdomain, a sovereign cloud or the loopback emulator.
    /// Every route (<c>/sts/v1.0/issueToken</c>, <c>/cognitiveservices/v1</c>, <c>/cognitiveservices/voices/list</c>,
    /// <c>/speechtotext/transcriptions:transcribe</c>, <c>/speechtotext/transcriptions:submit</c>) is
    /// taken relative to it. Set this or <see cref="Region"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key (<c>AzureSpeech:Key</c>). Set it through <see cref="KeyEnvironmentVariable"/>; never logged.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Whether requests carry a bearer token from the issueToken endpoint (<c>AzureSpeech:UseToken</c>, default true)
    /// or the key itself in <c>Ocp-Apim-Subscription-Key</c>.
    /// </summary>
    public bool UseToken { get; set; } = true;

    /// <summary>The audio format asked for (<c>AzureSpeech:OutputFormat</c>). Default <see cref="MuLaw8Khz"/>, telephone audio.</summary>
    public string OutputFormat { get; set; } = MuLaw8Khz;

    /// <summary>The voice used for a locale when a request names none (<c>AzureSpeech:VoicesByLocale:en-US</c>).</summary>
    public Dictionary<string, string> VoicesByLocale { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-US"] = "en-US-JennyNeural",
        ["en-GB"] = "en-GB-SoniaNeural",
        ["zh-CN"] = "zh-CN-XiaoxiaoNeural",
    };

    /// <summary>
    /// The locales fast transcription is used for (<c>AzureSpeech:TranscriptionLocales</c>). Default en-US, en-GB and zh-CN,
    /// the locales of the shipped scenarios; the service supports many more.
    /// </summary>
    public List<string> TranscriptionLocales { get; set; } = ["en-US", "en-GB", "zh-CN"];

    /// <summary>
    /// The longest recording sent to fast transcription (<c>AzureSpeech:FastTranscriptionMaxDuration</c>). Default and upper
    /// bound <see cref="FastTranscriptionDurationLimit"/>, the service's limit; longer recordings need batch transcription.
    /// </summary>
    public TimeSpan FastTranscriptionMaxDuration { get; set; } = FastTranscriptionDurationLimit;

    /// <summary>
    /// An Azure Blob Storage container URL with a SAS token allowing create, write, read and delete
    /// (<c>AzureSpeech:BatchContainerUrl</c>), for example <c>https://account.blob.core.windows.net/recordings?sv=…&amp;sig=…</c>.
    /// Batch transcription reads audio by URL only, so recordings over the fast limits are uploaded there, given to the
    /// service by URL and deleted afterwards. Unset (the default), such recordings are refused. A secret like the key: the
    /// query string is never logged or shown in a message.
    /// </summary>
    public Uri? BatchContainerUrl { get; set; }

    /// <summary>
    /// The wait between two status requests of a batch transcription when the service gives no <c>Retry-After</c>
    /// (<c>AzureSpeech:BatchPollInterval</c>). Default 10 seconds; later waits grow by half up to six times this.
    /// </summary>
    public TimeSpan BatchPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a batch transcription may take from upload to result (<c>AzureSpeech:BatchTimeout</c>). Default 2 hours;
    /// the service's queue can be long at busy times, and a call not transcribed by then is reported as failed.
    /// </summary>
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The size of the blocks a recording is uploaded in (<c>AzureSpeech:BatchUploadBlockSize</c>, bytes). Default 8 MB:
    /// a block that fails is retried alone, and memory holds one block, not the recording. A recording no bigger than one
    /// block is sent in a single request.
    /// </summary>
    public int BatchUploadBlockSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>The largest block the Blob service accepts in one Put Block request (4000 MiB); the setting is kept far below.</summary>
    public const int BatchUploadBlockSizeLimit = 100 * 1024 * 1024;

    /// <summary>
    /// How long the service keeps a batch transcription it was not asked to delete (<c>timeToLiveHours</c>): the shortest it
    /// accepts, so a transcription left behind by a crash disappears soon. The adapter deletes it as soon as it is read.
    /// </summary>
    public const int BatchTimeToLiveHours = 6;

    /// <summary>The service's limit on the audio of one fast transcription request: 120 minutes.</summary>
    public static readonly TimeSpan FastTranscriptionDurationLimit = TimeSpan.FromMinutes(120);

    /// <summary>The service's limit on the size of one fast transcription request's audio: 200 MB.</summary>
    public const long FastTranscriptionMaxBytes = 200L * 1024 * 1024;

    /// <summary>How long one HTTP request may take (<c>AzureSpeech:Timeout</c>). Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where synthesised audio is cached (<c>AzureSpeech:CacheDirectory</c>). Default <c>data/cache/tts-azure</c>.</summary>
    public string CacheDirectory { get; set; } = "data/cache/tts-azure";

    /// <summary>How many times a request is retried after 429 or a 5xx answer (<c>AzureSpeech:MaxRetries</c>). Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The most time spent waiting between retries of one request, all waits together (<c>AzureSpeech:RetryBudget</c>). Default 30 seconds.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>User-Agent</c> header the service requires (<c>AzureSpeech:UserAgent</c>). Default <c>QaShopper</c>.</summary>
    public string UserAgent { get; set; } = "QaShopper";

    /// <summary>Where the service is, for messages: the region or the endpoint, never the key.</summary>
    internal string Target => Endpoint is { } endpoint ? $"endpoint {endpoint}" : $"region '{Region}'";

    /// <summary>The batch container for messages: its address without the SAS token.</summary>
    internal string BatchContainerForMessages => BatchContainerUrl is { } url ? BlobSas.Redact(url) : "(not set)";
}
