using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.Benchmarks;

/// <summary>Deterministic inputs for the benchmarks: a 12-item scenario and a generated 5-minute call.</summary>
public static class BenchmarkData
{
    public const string ScenarioYaml = """
        id: bench-card-block
        title: Blocking a lost card
        locale: en-US
        variables:
          fee: fifteen dollars
        script:
          - listen: { max: 20s }
          - say: "I lost my card, can you block it?"
          - listen: { max: 60s }
          - hangup
        checklist:
          - id: greeting
            text: Greets with the company name
            weight: 10
            match: { any: ["thank you for calling acme bank", "welcome to acme bank"] }
            within: 10s
          - id: agent-name
            text: Gives a name
            weight: 5
            match: { regex: "my name is (?<agent>[a-z]+)" }
          - id: verify-identity
            text: Verifies identity
            weight: 10
            match: { any: ["date of birth", "security question"] }
          - id: card-blocked
            text: Confirms the card is blocked
            weight: 20
            critical: true
            match: { any: ["your card is now blocked", "i have blocked the card"] }
          - id: replacement-fee
            text: States the replacement fee
            weight: 10
            match: { any: ["{{fee}}", "$15"] }
          - id: delivery-time
            text: Gives delivery time
            weight: 10
            match: { all: ["five working days", "by post"] }
          - id: no-forbidden
            text: No forbidden phrases
            weight: 10
            match: { none: ["i don't know", "not my problem", "calm down", "that's not our business"] }
          - id: empathy
            text: Shows empathy
            weight: 5
            match: { any: ["i'm sorry to hear", "i understand how worrying"] }
          - id: more-help
            text: Offers more help
            weight: 5
            match: { any: ["anything else i can help"] }
            after: card-blocked
          - id: closing
            text: Closes politely
            weight: 5
            match: { any: ["thank you for calling", "have a nice day"] }
            in_last: 20s
          - id: answer-speed
            text: Answers within three rings
            weight: 5
            answered_within: 18s
          - id: no-long-hold
            text: No long silence
            weight: 5
            max_silence: 30s
        """;

    private static readonly string[] Filler =
    [
        "okay", "so", "let me", "check", "that", "for", "you", "right", "now", "the", "account", "details", "are",
        "showing", "here", "on", "my", "screen", "just", "a", "moment", "please", "yes", "of", "course", "card",
        "number", "ending", "in", "four", "two", "seven", "and", "address", "is", "still", "current", "thanks",
    ];

    /// <summary>About 700 words over 300 seconds, alternating agent and caller, with the checklist's phrases placed in it.</summary>
    public static Transcript FiveMinuteTranscript(int seed, bool scripted = true)
    {
        var random = new Random(seed);
        var scriptedLines = new Dictionary<int, string>
        {
            [0] = "Thank you for calling Acme Bank, my name is Sarah, how can I help?",
            [2] = "I'm sorry to hear that. Can you confirm your date of birth please?",
            [10] = "Thank you. Your card is now blocked and nobody can use it.",
            [14] = "A replacement costs fifteen dollars and arrives in five working days by post.",
            [30] = "Is there anything else I can help you with today?",
            [33] = "Thank you for calling, have a nice day.",
        };
        var segments = new List<TranscriptSegment>();
        var time = 0.5;
        for (var i = 0; i < 34; i++)
        {
            var speaker = i % 2 == 0 ? Speaker.Agent : Speaker.Caller;
            var text = scripted && scriptedLines.TryGetValue(i, out var line) ? line : string.Join(' ', Enumerable.Range(0, random.Next(16, 29)).Select(_ => Filler[random.Next(Filler.Length)]));
            var words = text.Split(' ').Length;
            var duration = words * 0.38;
            segments.Add(new TranscriptSegment(speaker, Math.Round(time, 2), Math.Round(time + duration, 2), text, 0.9));
            time += duration + 0.6 + random.NextDouble();
        }

        return new Transcript(AnsweredAfter: 7.5, Duration: Math.Max(300, time), segments);
    }
}
