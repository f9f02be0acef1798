namespace QaShopper.AzureSpeech;

/// <summary>The three routes the adapter calls, derived from the region or the custom endpoint.</summary>
internal sealed record AzureSpeechEndpoints(Uri IssueToken, Uri Synthesis, Uri Voices)
{
    public static AzureSpeechEndpoints From(AzureSpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is { } endpoint)
        {
            // Relative to the endpoint's path, so 'https://host/speech' and 'https://host/speech/' mean the same.
            var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
            return new(new Uri(root, "sts/v1.0/issueToken"), new Uri(root, "cognitiveservices/v1"), new Uri(root, "cognitiveservices/voices/list"));
        }

        var region = options.Region ?? throw new InvalidOperationException($"{AzureSpeechOptions.SectionName}:Region is not set");
        var tts = $"https://{region}.tts.speech.microsoft.com/cognitiveservices/";
        return new(
            new Uri($"https://{region}.api.cognitive.microsoft.com/sts/v1.0/issueToken"),
            new Uri(tts + "v1"),
            new Uri(tts + "voices/list"));
    }
}
