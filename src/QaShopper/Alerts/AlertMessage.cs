using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QaShopper.Core.Results;

namespace QaShopper.Alerts;

/// <summary>What an alert says about a call, as the webhook's JSON body and the mail's text.</summary>
internal sealed record AlertMessage(
    [property: JsonPropertyName("callId")] string CallId,
    [property: JsonPropertyName("agent")] string? Agent,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("placedAt")] DateTimeOffset PlacedAt,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("grade")] string Grade,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static AlertMessage From(CallRecord call, CallScore score, IReadOnlyList<string> reasons) =>
        new(call.CallId, score.Agent ?? call.AgentId, call.ScenarioId, call.PlacedAt, score.Score, score.Grade.ToString().ToLowerInvariant(), reasons);

    public string Reason => string.Join("\n", Reasons);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string Subject => $"QaShopper alert: call {CallId} ({Agent ?? "unidentified agent"}): {Reasons[0]}";

    public string Body => string.Create(CultureInfo.InvariantCulture, $"""
        Call {CallId}
        Agent: {Agent ?? "(unidentified)"}
        Scenario: {Scenario}
        Placed: {PlacedAt:u}
        Score: {Score:0.0} ({Grade})

        Why this alert:
        {string.Join("\n", Reasons.Select(r => "- " + r))}
        """);
}
