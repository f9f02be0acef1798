using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech;

/// <summary>
/// The fast transcription wire format: the <c>definition</c> part the adapter sends and the <c>TranscribeResult</c> it
/// reads back (speechtotext 2024-11-15). Reading is strict about the schema's required fields, so a response in another
/// shape (the stale <c>offset</c>/<c>duration</c> example) fails as a whole instead of giving a partial transcript.
/// </summary>
internal static class FastTranscriptionJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Harmless for the service's answers, and lets the documentation's commented examples be read as they are.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The <c>definition</c> JSON: the one locale, both channels transcribed separately, and a phrase list of the
    /// checklist's expected phrases and the agents' names. Watch phrases are left out on purpose: a recogniser biased
    /// towards forbidden phrases would hear them where they were not said and fail the call.
    /// </summary>
    public static string Definition(TranscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = new HashSet<string>(request.WatchPhrases.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);
        var phrases = request.HintPhrases.Concat(request.AgentNames)
            .Select(p => p.Trim())
            .Where(p => p.Length > 0 && !watch.Contains(p))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("locales");
            writer.WriteStringValue(request.Locale);
            writer.WriteEndArray();

            // Channel indices are 0-based: 0 is the WAV's first channel. Separate channels keep agent and caller apart.
            writer.WriteStartArray("channels");
            writer.WriteNumberValue(0);
            writer.WriteNumberValue(1);
            writer.WriteEndArray();
            if (phrases.Count > 0)
            {
                writer.WriteStartObject("phraseList");
                writer.WriteStartArray("phrases");
                foreach (var phrase in phrases)
                {
                    writer.WriteStringValue(phrase);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads a <c>TranscribeResult</c> into a transcript: channel index 0 is WAV channel 1, so the channel
    /// <c>AgentChannel - 1</c> is the agent; times become seconds; segments are put in time order.
    /// </summary>
    /// <param name="json">The response body.</param>
    /// <param name="request">The request it answers: agent channel and answer time.</param>
    /// <param name="recordingSeconds">The recording's length, used when the response gives no duration.</param>
    /// <exception cref="SpeechEngineException">The body is not a transcription result in the schema's shape.</exception>
    public static Transcript Parse(string json, TranscriptionRequest request, double? recordingSeconds)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement, request, recordingSeconds);
        }
        catch (JsonException ex)
        {
            throw new SpeechEngineException($"Azure Speech fast transcription answered something that is not JSON: {ex.Message}", ex);
        }
    }

    private static Transcript Read(JsonElement root, TranscriptionRequest request, double? recordingSeconds)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("(root)", "expected an object");
        }

        var durationMs = Integer(root, "durationMilliseconds", "durationMilliseconds");
        if (!root.TryGetProperty("phrases", out var phrases) || phrases.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("phrases", "missing or not an array");
        }

        var segments = new List<TranscriptSegment>();
        var index = 0;
        foreach (var phrase in phrases.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"phrases[{index++}]");
            if (Segment(phrase, path, request.AgentChannel) is { } segment)
            {
                segments.Add(segment);
            }
        }

        // The service lists phrases channel by channel; the transcript wants one time line. OrderBy is stable, so
        // phrases that start together keep the service's order.
        var ordered = segments.OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var duration = durationMs > 0 ? durationMs / 1000.0 : recordingSeconds ?? 0;
        return new Transcript(request.AnsweredAfter, duration, ordered);
    }

    private static TranscriptSegment? Segment(JsonElement phrase, string path, int agentChannel)
    {
        if (phrase.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "expected an object");
        }

        // Without channel separation the service omits the channel and transcribes the mix; the adapter always asks for
        // separation, so this only happens in mono examples, where everything is read as the first channel.
        var channel = phrase.TryGetProperty("channel", out var c) && c.ValueKind != JsonValueKind.Null ? Integer(phrase, "channel", path + ".channel") : 0;
        if (channel is not (0 or 1))
        {
            throw Invalid(path + ".channel", string.Create(CultureInfo.InvariantCulture, $"{channel} is not one of the two channels asked for (0, 1)"));
        }

        var offset = Integer(phrase, "offsetMilliseconds", path + ".offsetMilliseconds");
        var length = Integer(phrase, "durationMilliseconds", path + ".durationMilliseconds");
        var text = Text(phrase, "text", path + ".text");
        var confidence = Number(phrase, "confidence", path + ".confidence");
        var words = Words(phrase, path, confidence);
        if (string.IsNullOrWhiteSpace(text))
        {
            // A phrase with no text (noise the service kept) says nothing the scorer could use.
            return null;
        }

        var speaker = channel + 1 == agentChannel ? Speaker.Agent : Speaker.Caller;
        return new TranscriptSegment(speaker, offset / 1000.0, (offset + length) / 1000.0, text, confidence, words);
    }

    private static List<TranscriptWord>? Words(JsonElement phrase, string path, double phraseConfidence)
    {
        if (!phrase.TryGetProperty("words", out var words) || words.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (words.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path + ".words", "expected an array");
        }

        var result = new List<TranscriptWord>();
        var index = 0;
        foreach (var word in words.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.words[{index++}]");
            var offset = Integer(word, "offsetMilliseconds", at + ".offsetMilliseconds");
            var length = Integer(word, "durationMilliseconds", at + ".durationMilliseconds");

            // The 2024-11-15 schema gives words no confidence: each word takes its phrase's, so the scorer's
            // low-confidence rules, which look at the words under a matched phrase, still see how sure the service was.
            var confidence = word.TryGetProperty("confidence", out var wc) && wc.ValueKind == JsonValueKind.Number ? wc.GetDouble() : phraseConfidence;
            result.Add(new TranscriptWord(Text(word, "text", at + ".text"), offset / 1000.0, (offset + length) / 1000.0, confidence));
        }

        return result;
    }

    private static int Integer(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw Invalid(path, "missing or not a non-negative integer");

    private static double Number(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw Invalid(path, "missing or not a number");

    private static string Text(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(path, "missing or not a string");

    private static SpeechEngineException Invalid(string path, string problem) =>
        new($"Azure Speech fast transcription answered a result this adapter cannot read: {path} {problem} (expected the speechtotext {AzureSpeechEndpoints.TranscriptionApiVersion} TranscribeResult shape)");
}
