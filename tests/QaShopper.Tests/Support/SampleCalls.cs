using System.Text.Json;
using System.Text.Json.Serialization;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.Tests.Support;

/// <summary>Calls and scores that use every field the store keeps.</summary>
internal static class SampleCalls
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions CompareOptions = new() { Converters = { new JsonStringEnumConverter() } };

    public static Transcript Transcript() => new(
        AnsweredAfter: 4.25,
        Duration: 63.5,
        Segments:
        [
            new(Speaker.Agent, 0.4, 3.1, "您好，这里是星辰航空，我是小李", 0.91,
            [
                new("您好", 0.4, 0.9, 0.97),
                new("星辰航空", 1.2, 2.0, 0.88),
                new("小李", 2.6, 3.1, Unconfirmed: true),
            ]),
            new(Speaker.Caller, 3.6, 6.2, "I'd like to change my booking, please.", 0.7321),
            new(Speaker.Agent, 7.0, 9.75, "Certainly — may I have the reference?"),
        ]);

    public static CallScore Score(string? agent = "li", double score = 83.3) => new(
        "booking-change",
        "abc123",
        agent,
        score,
        Grade.Good,
        NeedsReview: true,
        Items:
        [
            new("greeting", ItemOutcome.Passed, 2, Critical: true, new Evidence
            {
                Speaker = Speaker.Agent,
                Start = 0.4,
                End = 3.1,
                Text = "您好，这里是星辰航空",
                Phrase = "您好 星辰航空",
                Similarity = 0.93,
                Confidence = 0.91,
            }),
            new("all-details", ItemOutcome.Failed, 3, Critical: false, new Evidence
            {
                Reason = "1 of 2 phrases not said",
                Matches =
                [
                    new Evidence { Speaker = Speaker.Agent, Start = 7.0, End = 9.75, Text = "may I have the reference", Phrase = "reference", Similarity = 1 },
                    Evidence.Because("“请问您的姓名” not said"),
                ],
            }),
            new("answer-time", ItemOutcome.Passed, 1, Critical: false, new Evidence { AnsweredAfter = 4.25 }),
            new("silence", ItemOutcome.Uncertain, 1, Critical: false, new Evidence { LongestSilence = 12.5, Confidence = 0.41, Reason = "low confidence" }),
            new("upsell", ItemOutcome.NotApplicable, 1, Critical: false, Evidence.Because("no booking changed")),
        ]);

    public static CallRecord Call(
        string callId = "call-1",
        string? agentId = "li",
        DateTimeOffset? placedAt = null,
        CallStatus status = CallStatus.Completed,
        string scenarioId = "booking-change") => new(
        callId,
        scenarioId,
        "abc123",
        agentId,
        "simulated",
        placedAt ?? Monday,
        status,
        AnsweredAfter: 4.25,
        Duration: 63.5,
        RecordingPath: "recordings/call-1.wav",
        Transcript(),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["script[0].say"] = "我想改签",
            ["caller.name"] = "Ana O'Neil",
        });

    /// <summary>
    /// A deep, order-sensitive rendering used to compare records whose lists compare by reference.
    /// Deliberately a different serializer setup from the store's, so it checks the mapping rather than repeating it.
    /// </summary>
    public static string Deep(object? value) => JsonSerializer.Serialize(value, CompareOptions);
}
