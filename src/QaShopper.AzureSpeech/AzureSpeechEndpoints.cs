namespace QaShopper.AzureSpeech;

/// <summary>The routes the adapter calls, derived from the region or the custom endpoint.</summary>
internal sealed record AzureSpeechEndpoints(Uri IssueToken, Uri Synthesis, Uri Voices, Uri FastTranscription, Uri SpeechToText)
{
    /// <summary>The fast transcription API version: the stable one whose schema the adapter was written against.</summary>
    public const string TranscriptionApiVersion = "2024-11-15";

    private const string FastTranscriptionRoute = "speechtotext/transcriptions:transcribe?api-version=" + TranscriptionApiVersion;

    private const string ApiVersionQuery = "?api-version=" + TranscriptionApiVersion;

    /// <summary><c>POST speechtotext/transcriptions:submit</c>: creates a batch transcription. (<c>./</c>: a first segment with a colon would read as a URI scheme.)</summary>
    public Uri BatchSubmit => new(SpeechToText, "./transcriptions:submit" + ApiVersionQuery);

    /// <summary><c>GET</c> (status) or <c>DELETE</c> one batch transcription.</summary>
    public Uri BatchTranscription(Guid id) => new(SpeechToText, $"transcriptions/{id:D}{ApiVersionQuery}");

    /// <summary><c>GET speechtotext/transcriptions/{id}/files</c>: the result files of a batch transcription.</summary>
    public Uri BatchFiles(Guid id) => new(SpeechToText, $"transcriptions/{id:D}/files{ApiVersionQuery}");

    public static AzureSpeechEndpoints From(AzureSpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is { } endpoint)
        {
            // Relative to the endpoint's path, so 'https://host/speech' and 'https://host/speech/' mean the same.
            var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
            return new(
                new Uri(root, "sts/v1.0/issueToken"),
                new Uri(root, "cognitiveservices/v1"),
                new Uri(root, "cognitiveservices/voices/list"),
                new Uri(root, FastTranscriptionRoute),
                new Uri(root, "speechtotext/"));
        }

        var region = options.Region ?? throw new InvalidOperationException($"{AzureSpeechOptions.SectionName}:Region is not set");
        var tts = $"https://{region}.tts.speech.microsoft.com/cognitiveservices/";
        var api = $"https://{region}.api.cognitive.microsoft.com/";
        return new(
            new Uri(api + "sts/v1.0/issueToken"),
            new Uri(tts + "v1"),
            new Uri(tts + "voices/list"),
            new Uri(api + FastTranscriptionRoute),
            new Uri(api + "speechtotext/"));
    }
}
