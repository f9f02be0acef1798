using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Results;

/// <summary>
/// Writes and reads the result JSON of <c>score --json</c>: <c>scenario</c>, <c>agent</c>, <c>score</c> (always
/// one decimal), <c>grade</c>, <c>needsReview</c> and <c>items</c> with their evidence, nothing else.
/// </summary>
public static class CallScoreJson
{
    /// <summary>Serialises a score exactly as the contract shows it; non-ASCII text is written unescaped.</summary>
    public static string Serialize(CallScore score, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(score);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("scenario", score.ScenarioId);
            if (score.Agent is null)
            {
                writer.WriteNull("agent");
            }
            else
            {
                writer.WriteString("agent", score.Agent);
            }

            // The contract shows "85.0": one decimal always, written raw because the writer would print 85.
            writer.WritePropertyName("score");
            writer.WriteRawValue(score.Score.ToString("0.0", CultureInfo.InvariantCulture), skipInputValidation: true);
            writer.WriteString("grade", GradeName(score.Grade));
            writer.WriteBoolean("needsReview", score.NeedsReview);
            writer.WriteStartArray("items");
            foreach (var item in score.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("id", item.Id);
                writer.WriteString("outcome", OutcomeName(item.Outcome));
                writer.WriteNumber("weight", item.Weight);
                writer.WritePropertyName("evidence");
                WriteEvidence(writer, item.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads JSON written by <see cref="Serialize"/>. The scenario hash and the items' critical flags are not part of
    /// the contract's JSON, so they come back empty and false.
    /// </summary>
    /// <exception cref="JsonException">The text is not a result document.</exception>
    public static CallScore Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var items = new List<ItemResult>();
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            items.Add(new ItemResult(
                item.GetProperty("id").GetString()!,
                ParseOutcome(item.GetProperty("outcome").GetString()),
                item.GetProperty("weight").GetDouble(),
                Critical: false,
                ReadEvidence(item.GetProperty("evidence"))));
        }

        var agent = root.TryGetProperty("agent", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        return new CallScore(
            root.GetProperty("scenario").GetString()!,
            string.Empty,
            agent,
            root.GetProperty("score").GetDouble(),
            ParseGrade(root.GetProperty("grade").GetString()),
            root.GetProperty("needsReview").GetBoolean(),
            items);
    }

    private static void WriteEvidence(Utf8JsonWriter writer, Evidence evidence)
    {
        writer.WriteStartObject();
        if (evidence.Speaker is { } speaker)
        {
            writer.WriteString("speaker", SpeakerName(speaker));
        }

        WriteNumber(writer, "start", evidence.Start);
        WriteNumber(writer, "end", evidence.End);
        if (evidence.Text is not null)
        {
            writer.WriteString("text", evidence.Text);
        }

        WriteNumber(writer, "similarity", evidence.Similarity);
        if (evidence.Phrase is not null)
        {
            writer.WriteString("phrase", evidence.Phrase);
        }

        WriteNumber(writer, "confidence", evidence.Confidence);
        WriteNumber(writer, "answeredAfter", evidence.AnsweredAfter);
        WriteNumber(writer, "longestSilence", evidence.LongestSilence);
        if (evidence.Reason is not null)
        {
            writer.WriteString("reason", evidence.Reason);
        }

        if (evidence.Heard is { } heard)
        {
            writer.WritePropertyName("heard");
            WriteEvidence(writer, heard);
        }

        if (evidence.Closest is { } closest)
        {
            writer.WritePropertyName("closest");
            WriteEvidence(writer, closest);
        }

        if (evidence.Matches is { } matches)
        {
            writer.WriteStartArray("matches");
            foreach (var match in matches)
            {
                WriteEvidence(writer, match);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static Evidence ReadEvidence(JsonElement e)
    {
        static double? Number(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        List<Evidence>? matches = null;
        if (e.TryGetProperty("matches", out var m) && m.ValueKind == JsonValueKind.Array)
        {
            matches = [.. m.EnumerateArray().Select(ReadEvidence)];
        }

        return new Evidence
        {
            Speaker = Text(e, "speaker") switch
            {
                "agent" => Speaker.Agent,
                "caller" => Speaker.Caller,
                "any" => Speaker.Any,
                _ => null,
            },
            Start = Number(e, "start"),
            End = Number(e, "end"),
            Text = Text(e, "text"),
            Similarity = Number(e, "similarity"),
            Phrase = Text(e, "phrase"),
            Confidence = Number(e, "confidence"),
            AnsweredAfter = Number(e, "answeredAfter"),
            LongestSilence = Number(e, "longestSilence"),
            Reason = Text(e, "reason"),
            Matches = matches,
            Heard = e.TryGetProperty("heard", out var heard) && heard.ValueKind == JsonValueKind.Object ? ReadEvidence(heard) : null,
            Closest = e.TryGetProperty("closest", out var closest) && closest.ValueKind == JsonValueKind.Object ? ReadEvidence(closest) : null,
        };
    }

    private static string SpeakerName(Speaker speaker) => speaker switch
    {
        Speaker.Agent => "agent",
        Speaker.Caller => "caller",
        _ => "any",
    };

    private static string GradeName(Grade grade) => grade switch
    {
        Grade.Excellent => "excellent",
        Grade.Good => "good",
        Grade.Pass => "pass",
        _ => "fail",
    };

    private static Grade ParseGrade(string? grade) => grade switch
    {
        "excellent" => Grade.Excellent,
        "good" => Grade.Good,
        "pass" => Grade.Pass,
        "fail" => Grade.Fail,
        _ => throw new JsonException($"grade: expected excellent, good, pass or fail, got '{grade}'"),
    };

    /// <summary>The contract's name of an outcome: passed, failed, not_applicable, uncertain.</summary>
    public static string OutcomeName(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Passed => "passed",
        ItemOutcome.Failed => "failed",
        ItemOutcome.NotApplicable => "not_applicable",
        _ => "uncertain",
    };

    private static ItemOutcome ParseOutcome(string? outcome) => outcome switch
    {
        "passed" => ItemOutcome.Passed,
        "failed" => ItemOutcome.Failed,
        "not_applicable" => ItemOutcome.NotApplicable,
        "uncertain" => ItemOutcome.Uncertain,
        _ => throw new JsonException($"outcome: expected passed, failed, not_applicable or uncertain, got '{outcome}'"),
    };
}
