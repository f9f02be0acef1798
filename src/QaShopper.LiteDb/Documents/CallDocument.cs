using QaShopper.Core.Results;

namespace QaShopper.LiteDb.Documents;

/// <summary>A call and its score in one document, so replacing a call replaces its score atomically.</summary>
internal sealed class CallDocument
{
    public string Id { get; set; } = "";

    public string ScenarioId { get; set; } = "";

    public string ScenarioHash { get; set; } = "";

    public string? AgentId { get; set; }

    public string Carrier { get; set; } = "";

    public long PlacedTicks { get; set; }

    public int PlacedOffset { get; set; }

    public CallStatus Status { get; set; }

    public double? AnsweredAfter { get; set; }

    public double? Duration { get; set; }

    public string? RecordingPath { get; set; }

    public TranscriptDocument? Transcript { get; set; }

    public List<Pair> TemplateChoices { get; set; } = [];

    /// <summary>The effective score: the automatic one with reviewers' latest overrides applied (what reports count).</summary>
    public ScoreDocument? Score { get; set; }

    /// <summary>The score as the scorer made it, when overrides changed <see cref="Score"/>; else null.</summary>
    public ScoreDocument? AutomaticScore { get; set; }

    public long? ScoredTicks { get; set; }

    public int? ScoredOffset { get; set; }

    /// <summary>The agent the score names, else the call's: what an agent filter matches besides <see cref="AgentId"/>.</summary>
    public string? ResultAgent { get; set; }

    /// <summary>The agent a report files the call under (<see cref="Core.Reports.AgentReportBuilder"/>'s rule).</summary>
    public string ReportAgent { get; set; } = "";

    /// <summary>
    /// <see cref="ReportAgent"/>, then fixed-width UTC ticks, then the call id: one index answers "the last N calls of
    /// an agent in a period" in the order reports list them (newest first, then call id descending).
    /// </summary>
    public string AgentTimeKey { get; set; } = "";

    /// <summary>The call's own agent when a report files the call under another one; else null (rare, so a small index).</summary>
    public string? ReassignedFrom { get; set; }

    public static string Key(string agent, long utcTicks, string callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{agent}\u0001{utcTicks:D19}\u0001{callId}");

    public static string KeyPrefix(string agent, long utcTicks) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{agent}\u0001{utcTicks:D19}");
}
