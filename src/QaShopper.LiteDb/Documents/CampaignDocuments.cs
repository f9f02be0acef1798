namespace QaShopper.LiteDb.Documents;

/// <summary>A scheduled campaign. The campaign itself is kept as JSON, frozen as it was scheduled.</summary>
internal sealed class CampaignRecordDocument
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public string SourceText { get; set; } = "";

    public string CampaignJson { get; set; } = "";

    public int Seed { get; set; }

    public string Mode { get; set; } = "";

    public long StartedTicks { get; set; }

    public int StartedOffset { get; set; }

    public long? CancelledTicks { get; set; }

    public List<Pair> ScenarioVersions { get; set; } = [];
}

/// <summary>A planned call of a campaign and where it is.</summary>
internal sealed class CampaignCallDocument
{
    public string Id { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public int Ordinal { get; set; }

    public string SiteId { get; set; } = "";

    public string Line { get; set; } = "";

    public string Period { get; set; } = "";

    public int LocalDate { get; set; }

    public long AtTicks { get; set; }

    public int AtOffset { get; set; }

    public long WindowEndTicks { get; set; }

    public int WindowEndOffset { get; set; }

    public string ScenarioId { get; set; } = "";

    public string CallerNumber { get; set; } = "";

    public string? CallerVoice { get; set; }

    public int Seed { get; set; }

    public string State { get; set; } = "";

    public int Attempts { get; set; }

    public string? AttemptCallId { get; set; }

    public long DueTicks { get; set; }

    public int DueOffset { get; set; }

    public string? Reason { get; set; }

    public long UpdatedTicks { get; set; }
}

/// <summary>One entry of a planned call's history; the id is assigned in insertion order.</summary>
internal sealed class CampaignEventDocument
{
    public int Id { get; set; }

    public string CallId { get; set; } = "";

    public long AtTicks { get; set; }

    public int AtOffset { get; set; }

    public string Kind { get; set; } = "";

    public string? Detail { get; set; }
}
