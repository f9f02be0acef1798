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

    /// <summary>When its campaign planned the call for (UTC ticks); null outside campaigns.</summary>
    public long? PlannedTicks { get; set; }

    public int? PlannedOffset { get; set; }

    /// <summary>
    /// The time reports file the call under (<see cref="Core.Results.CallRecord.ReportedAt"/>): the planned time, else the
    /// placing time. Indexed; the report aggregates and date filters key on it. Files written before schema version 2
    /// lack it until their migration fills it in (see <see cref="ReportedTicks"/>).
    /// </summary>
    public long ReportTicks { get; set; }

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
    /// <see cref="ReportAgent"/>, then fixed-width UTC ticks of the report time, then the call id: one index answers "the last N calls of
    /// an agent in a period" in the order reports list them (newest first, then call id descending).
    /// </summary>
    public string AgentTimeKey { get; set; } = "";

    /// <summary>The call's own agent when a report files the call under another one; else null (rare, so a small index).</summary>
    public string? ReassignedFrom { get; set; }

    /// <summary>The report time, falling back to the placing time for a document written before the field existed.</summary>
    public long ReportedTicks() => ReportTicks != 0 ? ReportTicks : PlannedTicks ?? PlacedTicks;

    public static string Key(string agent, long utcTicks, string callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{agent}\u0001{utcTicks:D19}\u0001{callId}");

    public static string KeyPrefix(string agent, long utcTicks) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{agent}\u0001{utcTicks:D19}");
}
