using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Transcripts;

/// <summary>Reads and writes the transcript JSON format (<c>answeredAfter</c>, <c>duration</c>, <c>segments</c>).</summary>
public static partial class TranscriptJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Parses a transcript. Errors name <paramref name="fileName"/> and the line and column (malformed JSON) or the
    /// field path (<c>segments[3].speaker</c>) of the problem.
    /// </summary>
    /// <exception cref="TranscriptFormatException">The text is not a valid transcript.</exception>
    public static Transcript Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        // A string handed over in-process may hold an unpaired surrogate, which System.Text.Json refuses with an
        // ArgumentException that has no position; name the line and column here instead.
        if (FirstUnpairedSurrogate(json) is { } bad)
        {
            throw new TranscriptFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{fileName}:{LineAndColumn(json, bad)}: malformed text: U+{(int)json[bad]:X4} is half of a surrogate pair, not a character"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new TranscriptFormatException(
                string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}:{column}: malformed JSON: {FirstSentence(e.Message)}"), e);
        }

        using (document)
        {
            try
            {
                return new Reader(fileName).Read(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // A property name (or any string not read as a text field) may escape half a surrogate pair; reading it
                // throws without a position, so the escape is found in the text.
                var at = LoneSurrogateEscape().Match(json);
                var where = at.Success ? LineAndColumn(json, at.Index) : "1:1";
                throw new TranscriptFormatException($"{fileName}:{where}: malformed text: an unpaired surrogate escape (such as \\ud800) is not a character", e);
            }
        }
    }

    private static string LineAndColumn(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }

    // A high-surrogate escape not followed by a low one, or a low one not preceded by a high one.
    [GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex LoneSurrogateEscape();

    /// <summary>Writes a transcript in the same format (indented, non-ASCII text unescaped).</summary>
    public static string Serialize(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (transcript.AnsweredAfter is { } answeredAfter)
            {
                writer.WriteNumber("answeredAfter", answeredAfter);
            }
            else
            {
                writer.WriteNull("answeredAfter");
            }

            writer.WriteNumber("duration", transcript.Duration);
            writer.WriteStartArray("segments");
            foreach (var s in transcript.Segments)
            {
                writer.WriteStartObject();
                writer.WriteString("speaker", s.Speaker == Speaker.Caller ? "caller" : "agent");
                writer.WriteNumber("start", s.Start);
                writer.WriteNumber("end", s.End);
                writer.WriteString("text", s.Text);
                if (s.Confidence is { } confidence)
                {
                    writer.WriteNumber("confidence", confidence);
                }

                if (s.Words is { } words)
                {
                    writer.WriteStartArray("words");
                    foreach (var w in words)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("text", w.Text);
                        writer.WriteNumber("start", w.Start);
                        writer.WriteNumber("end", w.End);
                        if (w.Confidence is { } wc)
                        {
                            writer.WriteNumber("confidence", wc);
                        }

                        if (w.Unconfirmed)
                        {
                            writer.WriteBoolean("unconfirmed", true);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int? FirstUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Walks the document, naming the field path in every error.</summary>
    private sealed class Reader(string fileName)
    {
        // Times are written rounded (to milliseconds or tens of them); a word may end a rounding step after its segment.
        private const double TimeTolerance = 0.05;

        public Transcript Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("(root)", $"expected an object, got {Describe(root)}");
            }

            double? answeredAfter = null;
            if (root.TryGetProperty("answeredAfter", out var answered) && answered.ValueKind != JsonValueKind.Null)
            {
                answeredAfter = Time(answered, "answeredAfter");
            }

            if (!root.TryGetProperty("segments", out var segmentsElement) || segmentsElement.ValueKind == JsonValueKind.Null)
            {
                throw Error("segments", "missing; expected an array of segments");
            }

            if (segmentsElement.ValueKind != JsonValueKind.Array)
            {
                throw Error("segments", $"expected an array, got {Describe(segmentsElement)}");
            }

            var segments = new List<TranscriptSegment>(segmentsElement.GetArrayLength());
            var index = 0;
            foreach (var element in segmentsElement.EnumerateArray())
            {
                segments.Add(Segment(element, $"segments[{index.ToString(CultureInfo.InvariantCulture)}]"));
                index++;
            }

            double duration;
            var durationGiven = root.TryGetProperty("duration", out var durationElement) && durationElement.ValueKind != JsonValueKind.Null;
            if (durationGiven)
            {
                duration = Time(durationElement, "duration");
            }
            else
            {
                // A transcript without a duration ends with its last words.
                duration = segments.Count == 0 ? 0 : segments.Max(s => s.End);
            }

            // Facts that contradict each other would be scored as if one of them were true: refuse them with the reason.
            var end = segments.Count == 0 ? duration : Math.Max(duration, segments.Max(s => s.End));
            if (answeredAfter > end + TimeTolerance)
            {
                throw Error("answeredAfter", $"the call is answered at {Format(answeredAfter.Value)} s, after it ends at {Format(end)} s");
            }

            if (durationGiven)
            {
                for (var i = 0; i < segments.Count; i++)
                {
                    if (segments[i].End > duration + TimeTolerance)
                    {
                        throw Error($"segments[{i.ToString(CultureInfo.InvariantCulture)}].end", $"the segment ends at {Format(segments[i].End)} s, after the call's duration of {Format(duration)} s");
                    }
                }
            }

            return new Transcript(answeredAfter, duration, segments);
        }

        private TranscriptSegment Segment(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, $"expected an object, got {Describe(element)}");
            }

            var speakerText = RequiredString(element, path, "speaker");
            var speaker = speakerText switch
            {
                "agent" => Speaker.Agent,
                "caller" => Speaker.Caller,
                _ => throw Error(path + ".speaker", $"expected 'agent' or 'caller', got '{speakerText}'"),
            };
            var (start, end) = Span(element, path);
            var text = RequiredString(element, path, "text");
            var confidence = OptionalConfidence(element, path);

            List<TranscriptWord>? words = null;
            if (element.TryGetProperty("words", out var wordsElement) && wordsElement.ValueKind != JsonValueKind.Null)
            {
                if (wordsElement.ValueKind != JsonValueKind.Array)
                {
                    throw Error(path + ".words", $"expected an array, got {Describe(wordsElement)}");
                }

                words = new List<TranscriptWord>(wordsElement.GetArrayLength());
                var i = 0;
                foreach (var w in wordsElement.EnumerateArray())
                {
                    var wordPath = $"{path}.words[{i.ToString(CultureInfo.InvariantCulture)}]";
                    if (w.ValueKind != JsonValueKind.Object)
                    {
                        throw Error(wordPath, $"expected an object, got {Describe(w)}");
                    }

                    var (ws, we) = Span(w, wordPath);
                    if (ws < start - TimeTolerance || we > end + TimeTolerance)
                    {
                        throw Error(wordPath, $"the word at {Format(ws)}–{Format(we)} s lies outside its segment ({Format(start)}–{Format(end)} s)");
                    }

                    words.Add(new TranscriptWord(RequiredString(w, wordPath, "text"), ws, we, OptionalConfidence(w, wordPath), OptionalFlag(w, wordPath, "unconfirmed")));
                    i++;
                }
            }

            return new TranscriptSegment(speaker, start, end, text, confidence, words);
        }

        private (double Start, double End) Span(JsonElement element, string path)
        {
            var start = Time(Required(element, path, "start"), path + ".start");
            var end = Time(Required(element, path, "end"), path + ".end");
            if (end < start)
            {
                throw Error(path + ".end", $"end {Format(end)} is before start {Format(start)}");
            }

            return (start, end);
        }

        private bool OptionalFlag(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var flag) || flag.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            return flag.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error($"{path}.{name}", $"expected true or false, got {Describe(flag)}"),
            };
        }

        private double? OptionalConfidence(JsonElement element, string path)
        {
            if (!element.TryGetProperty("confidence", out var c) || c.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var value = Number(c, path + ".confidence");
            if (value is < 0 or > 1)
            {
                throw Error(path + ".confidence", $"expected a number from 0 to 1, got {Format(value)}");
            }

            return value;
        }

        private JsonElement Required(JsonElement element, string path, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : throw Error($"{path}.{name}", "missing");

        private string RequiredString(JsonElement element, string path, string name)
        {
            var value = Required(element, path, name);
            return value.ValueKind == JsonValueKind.String
                ? Text(value, $"{path}.{name}")
                : throw Error($"{path}.{name}", $"expected a string, got {Describe(value)}");
        }

        // JSON may escape half of a surrogate pair (\ud800), which no .NET string read from UTF-8 can hold.
        private string Text(JsonElement value, string path)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw Error(path, "the text holds an unpaired surrogate escape (such as \\ud800), which is not a character");
            }
        }

        private double Time(JsonElement element, string path)
        {
            var value = Number(element, path);
            return value < 0 ? throw Error(path, $"expected seconds ≥ 0, got {Format(value)}") : value;
        }

        private double Number(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
                ? value
                : throw Error(path, $"expected a number, got {Describe(element)}");

        private TranscriptFormatException Error(string path, string message) => new($"{fileName}: {path}: {message}");

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"'{element.GetRawText().Trim('"')}'",
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            _ => "null",
        };

        private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
