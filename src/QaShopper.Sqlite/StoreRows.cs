namespace QaShopper.Sqlite;

// Dapper targets: one property per selected column alias. Kept separate from the core records so that
// column types (TEXT times, snake_case enums, JSON documents) are converted in one visible place.

/// <summary>A <c>calls</c> row joined with its <c>results</c> row, when there is one.</summary>
internal sealed class CallRow
{
    public string CallId { get; set; } = "";

    public string ScenarioId { get; set; } = "";

    public string ScenarioHash { get; set; } = "";

    public string? AgentId { get; set; }

    public string Carrier { get; set; } = "";

    public string PlacedAt { get; set; } = "";

    public string Status { get; set; } = "";

    public double? AnsweredAfter { get; set; }

    public double? Duration { get; set; }

    public string? RecordingPath { get; set; }

    public string? TranscriptJson { get; set; }

    public string TemplateChoicesJson { get; set; } = "";

    public string? ResultJson { get; set; }

    public string? ScoredAt { get; set; }
}

/// <summary>An <c>item_overrides</c> row.</summary>
internal sealed class OverrideRow
{
    public string CallId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string Outcome { get; set; } = "";

    public string Reviewer { get; set; } = "";

    public string? Note { get; set; }

    public string At { get; set; } = "";
}

/// <summary>An <c>agents</c> row.</summary>
internal sealed class AgentRow
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? StaffNumber { get; set; }

    public string? Site { get; set; }
}
