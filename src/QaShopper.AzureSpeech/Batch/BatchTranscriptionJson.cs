using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech;

/// <summary>A batch transcription's state as the status request reports it.</summary>
/// <param name="Status">NotStarted, Running, Succeeded or Failed.</param>
/// <param name="ErrorCode">The service's <c>properties.error.code</c> when it failed.</param>
/// <param name="ErrorMessage">The service's <c>properties.error.message</c> when it failed.</param>
internal sealed record BatchStatus(string Status, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Status == "Succeeded";

    public bool Failed => Status == "Failed";

    public bool Pending => Status is "NotStarted" or "Running";
}

/// <summary>
/// The batch transcription wire format (speechtotext 2024-11-15): the <c>Transcription</c> the adapter submits, the status
/// and file list it reads, and the result file, mapped to a <see cref="Transcript"/> as fast transcription's answer is.
/// Reading is strict where the result matters, so an answer in another shape fails as a whole, never as a partial transcript.
/// </summary>
internal static class BatchTranscriptionJson
{
    /// <summary>How punctuation is asked for: what fast transcription gives by default, so both read alike.</summary>
    public const string PunctuationMode = "DictatedAndAutomatic";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The <c>Transcription</c> to submit: the one locale, the audio's URL, both channels transcribed separately, word
    /// times, no profanity masking (a masked word could not match the checklist), and the shortest time to live.
    /// </summary>
    /// <remarks>
    /// No phrase list: the 2024-11-15 batch API has no field for one (fast transcription has <c>phraseList</c>), so the
    /// checklist's phrases and the agents' names cannot bias batch recognition; none is invented here.
    /// </remarks>
    public static string Definition(TranscriptionRequest request, Uri contentUrl, string displayName)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(contentUrl);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("contentUrls");
            writer.WriteStringValue(contentUrl.AbsoluteUri);
            writer.WriteEndArray();
            writer.WriteString("locale", request.Locale);
            writer.WriteString("displayName", displayName);
            writer.WriteStartObject("properties");

            // Channel indices are 0-based: 0 is the WAV's first channel. Separate channels keep agent and caller apart.
            writer.WriteStartArray("channels");
            writer.WriteNumberValue(0);
            writer.WriteNumberValue(1);
            writer.WriteEndArray();
            writer.WriteBoolean("wordLevelTimestampsEnabled", true);
            writer.WriteString("punctuationMode", PunctuationMode);
            writer.WriteString("profanityFilterMode", "None");
            writer.WriteNumber("timeToLiveHours", AzureSpeechOptions.BatchTimeToLiveHours);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The transcription's id from the submit answer's <c>self</c> link (the schema's <c>uuid</c>).</summary>
    public static Guid ReadId(string json)
    {
        using var document = Parse(json, "submit");
        var root = document.RootElement;
        var self = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("self", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (self is not null && Uri.TryCreate(self, UriKind.Absolute, out var url) && Guid.TryParse(url.Segments[^1].TrimEnd('/'), out var id))
        {
            return id;
        }

        throw Invalid("submit", "self", "missing or not a transcription's URL ending in its id");
    }

    /// <summary>The <c>status</c> and, when it failed, <c>properties.error</c> of a <c>Transcription</c>.</summary>
    public static BatchStatus ReadStatus(string json)
    {
        using var document = Parse(json, "status");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.String)
        {
            throw Invalid("status", "status", "missing or not a string");
        }

        var status = s.GetString()!;
        if (status is not ("NotStarted" or "Running" or "Succeeded" or "Failed"))
        {
            throw Invalid("status", "status", $"'{status}' is not NotStarted, Running, Succeeded or Failed");
        }

        string? code = null;
        string? message = null;
        if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            code = OptionalText(error, "code");
            message = OptionalText(error, "message");
        }

        return new BatchStatus(status, code, message);
    }

    /// <summary>The first file of kind <c>Transcription</c> in a page of the file list, and the next page's link.</summary>
    public static (Uri? ContentUrl, Uri? NextLink) ReadFiles(string json)
    {
        using var document = Parse(json, "file list");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("file list", "values", "missing or not an array");
        }

        Uri? content = null;
        foreach (var file in values.EnumerateArray())
        {
            // The list also holds the TranscriptionReport; only the transcription itself is read.
            if (file.ValueKind == JsonValueKind.Object && OptionalText(file, "kind") == "Transcription"
                && file.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
                && OptionalText(links, "contentUrl") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed))
            {
                content = parsed;
                break;
            }
        }

        var next = OptionalText(root, "@nextLink") is { } link && Uri.TryCreate(link, UriKind.Absolute, out var n) ? n : null;
        return (content, next);
    }

    /// <summary>
    /// Reads a result file into a transcript: channel index 0 is WAV channel 1, so the channel <c>AgentChannel - 1</c> is
    /// the agent; the best alternative (<c>nBest[0]</c>) is taken, its <c>display</c> text, confidence and words; times
    /// come from <c>offsetMilliseconds</c>, <c>offsetInTicks</c> or the ISO 8601 <c>offset</c>, whichever is given.
    /// </summary>
    /// <exception cref="SpeechEngineException">The body is not a result file in the service's shape.</exception>
    public static Transcript ParseResult(string json, TranscriptionRequest request, double? recordingSeconds)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = Parse(json, "result");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Result("(root)", "expected an object");
        }

        if (!root.TryGetProperty("recognizedPhrases", out var phrases) || phrases.ValueKind != JsonValueKind.Array)
        {
            throw Result("recognizedPhrases", "missing or not an array");
        }

        var segments = new List<TranscriptSegment>();
        var index = 0;
        foreach (var phrase in phrases.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"recognizedPhrases[{index++}]");
            if (Segment(phrase, path, request.AgentChannel) is { } segment)
            {
                segments.Add(segment);
            }
        }

        // Phrases come channel by channel; the transcript wants one time line. OrderBy is stable.
        var ordered = segments.OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var seconds = Time(root, "duration", "(root)", required: false);
        var duration = seconds is > 0 ? seconds.Value : recordingSeconds ?? 0;
        return new Transcript(request.AnsweredAfter, duration, ordered);
    }

    private static TranscriptSegment? Segment(JsonElement phrase, string path, int agentChannel)
    {
        if (phrase.ValueKind != JsonValueKind.Object)
        {
            throw Result(path, "expected an object");
        }

        // NoMatch and the timeouts mark stretches where nothing was recognised: silence or noise, nothing to score.
        var recognition = OptionalText(phrase, "recognitionStatus") ?? "Success";
        if (recognition is "NoMatch" or "InitialSilenceTimeout" or "BabbleTimeout")
        {
            return null;
        }

        if (recognition != "Success")
        {
            throw Result(path + ".recognitionStatus", $"'{recognition}': the service could not recognise this part of the audio");
        }

        var channel = 0;
        if (phrase.TryGetProperty("channel", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            channel = c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : throw Result(path + ".channel", "not an integer");
        }

        if (channel is not (0 or 1))
        {
            throw Result(path + ".channel", string.Create(CultureInfo.InvariantCulture, $"{channel} is not one of the two channels asked for (0, 1)"));
        }

        var start = Time(phrase, "offset", path, required: true)!.Value;
        var length = Time(phrase, "duration", path, required: true)!.Value;
        if (!phrase.TryGetProperty("nBest", out var nBest) || nBest.ValueKind != JsonValueKind.Array || nBest.GetArrayLength() == 0)
        {
            throw Result(path + ".nBest", "missing, not an array or empty");
        }

        var best = nBest[0];
        var at = path + ".nBest[0]";
        if (best.ValueKind != JsonValueKind.Object)
        {
            throw Result(at, "expected an object");
        }

        var text = best.TryGetProperty("display", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : throw Result(at + ".display", "missing or not a string");
        var confidence = best.TryGetProperty("confidence", out var cf) && cf.ValueKind == JsonValueKind.Number ? cf.GetDouble() : throw Result(at + ".confidence", "missing or not a number");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var speaker = channel + 1 == agentChannel ? Speaker.Agent : Speaker.Caller;
        return new TranscriptSegment(speaker, start, start + length, text, confidence, Words(best, at, confidence));
    }

    private static List<TranscriptWord>? Words(JsonElement best, string path, double phraseConfidence)
    {
        // 'words' (lexical form) comes with wordLevelTimestampsEnabled, which the adapter asks for; 'displayWords' with the
        // display-form option. Either gives the times and the confidences the scorer looks at under a matched phrase.
        var (name, textField) = best.TryGetProperty("words", out var w) && w.ValueKind != JsonValueKind.Null ? ("words", "word")
            : best.TryGetProperty("displayWords", out var dw) && dw.ValueKind != JsonValueKind.Null ? ("displayWords", "displayText")
            : (null, null);
        if (name is null)
        {
            return null;
        }

        var words = best.GetProperty(name);
        if (words.ValueKind != JsonValueKind.Array)
        {
            throw Result($"{path}.{name}", "expected an array");
        }

        var result = new List<TranscriptWord>();
        var index = 0;
        foreach (var word in words.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index++}]");
            if (word.ValueKind != JsonValueKind.Object)
            {
                throw Result(at, "expected an object");
            }

            var text = word.TryGetProperty(textField!, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw Result($"{at}.{textField}", "missing or not a string");
            var start = Time(word, "offset", at, required: true)!.Value;
            var length = Time(word, "duration", at, required: true)!.Value;

            // Batch gives word confidences; a word without one takes its phrase's, as in fast transcription.
            var confidence = word.TryGetProperty("confidence", out var wc) && wc.ValueKind == JsonValueKind.Number ? wc.GetDouble() : phraseConfidence;
            result.Add(new TranscriptWord(text, start, start + length, confidence));
        }

        return result;
    }

    /// <summary>
    /// A time in seconds from <c>{name}Milliseconds</c>, <c>{name}InTicks</c> (100 ns) or <c>{name}</c> (ISO 8601,
    /// <c>PT1.32S</c>), the first given: result files have carried each of these forms.
    /// </summary>
    private static double? Time(JsonElement owner, string name, string path, bool required)
    {
        if (owner.TryGetProperty(name + "Milliseconds", out var ms) && ms.ValueKind == JsonValueKind.Number && ms.TryGetDouble(out var milliseconds) && milliseconds >= 0)
        {
            return milliseconds / 1000.0;
        }

        if (owner.TryGetProperty(name + "InTicks", out var ticks) && ticks.ValueKind == JsonValueKind.Number && ticks.TryGetDouble(out var t) && t >= 0)
        {
            return t / TimeSpan.TicksPerSecond;
        }

        if (owner.TryGetProperty(name, out var iso) && iso.ValueKind == JsonValueKind.String)
        {
            try
            {
                var span = XmlConvert.ToTimeSpan(iso.GetString()!);
                return span >= TimeSpan.Zero ? span.TotalSeconds : throw Result($"{path}.{name}", "is negative");
            }
            catch (FormatException)
            {
                throw Result($"{path}.{name}", $"'{iso.GetString()}' is not an ISO 8601 duration");
            }
        }

        return required ? throw Result($"{path}.{name}Milliseconds", $"missing (nor {name}InTicks nor {name})") : null;
    }

    private static string? OptionalText(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument Parse(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new SpeechEngineException($"Azure Speech batch transcription answered a {what} that is not JSON: {ex.Message}", ex);
        }
    }

    private static SpeechEngineException Invalid(string what, string path, string problem) =>
        new($"Azure Speech batch transcription answered a {what} this adapter cannot read: {path} {problem} (expected the speechtotext {AzureSpeechEndpoints.TranscriptionApiVersion} shape)");

    private static SpeechEngineException Result(string path, string problem) =>
        new($"Azure Speech batch transcription answered a result file this adapter cannot read: {path} {problem}");
}
