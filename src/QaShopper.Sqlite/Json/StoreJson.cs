using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using QaShopper.Core.Results;
using QaShopper.Core.Transcripts;

namespace QaShopper.Sqlite.Json;

/// <summary>JSON for the columns that hold documents: camelCase members, snake_case enum names, nulls left out.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // The documents live in the database, never in HTML: keep Chinese and other scripts readable
        // for anyone inspecting the file with the sqlite3 shell instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),

        // Numbers as enums would tie the stored data to the declaration order of the core enums.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Serialize(Transcript transcript) => JsonSerializer.Serialize(TranscriptDocument.From(transcript), Options);

    public static Transcript DeserializeTranscript(string json) => Read<TranscriptDocument>(json).ToTranscript();

    public static string Serialize(CallScore score) => JsonSerializer.Serialize(ScoreDocument.From(score), Options);

    public static CallScore DeserializeScore(string json) => Read<ScoreDocument>(json).ToScore();

    public static string Serialize(Evidence evidence) => JsonSerializer.Serialize(EvidenceDocument.From(evidence), Options);

    public static Evidence DeserializeEvidence(string json) => Read<EvidenceDocument>(json).ToEvidence();

    public static string Serialize(IReadOnlyDictionary<string, string> templateChoices) =>
        JsonSerializer.Serialize(templateChoices, Options);

    public static IReadOnlyDictionary<string, string> DeserializeTemplateChoices(string json) =>
        new Dictionary<string, string>(Read<Dictionary<string, string>>(json), StringComparer.Ordinal);

    public static string SerializeOutcomes(IReadOnlyDictionary<string, ItemOutcome> outcomes) =>
        JsonSerializer.Serialize(outcomes, Options);

    public static IReadOnlyDictionary<string, ItemOutcome> DeserializeOutcomes(string json) =>
        new Dictionary<string, ItemOutcome>(Read<Dictionary<string, ItemOutcome>>(json), StringComparer.Ordinal);

    public static string Serialize(Core.Campaigns.Campaign campaign) => JsonSerializer.Serialize(CampaignDocument.Of(campaign), Options);

    public static Core.Campaigns.Campaign DeserializeCampaign(string json) => Read<CampaignDocument>(json).ToCampaign();

    private static T Read<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidDataException($"The store holds a null {typeof(T).Name} document.");
}
