using QaShopper.Core.Results;

namespace QaShopper.LiteDb.Documents;

/// <summary>An agent of the call centre.</summary>
internal sealed class AgentDocument
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? StaffNumber { get; set; }

    public string? Site { get; set; }
}

/// <summary>One scenario version; the id joins the scenario id and its content hash.</summary>
internal sealed class ScenarioDocument
{
    public string Id { get; set; } = "";

    public string ScenarioId { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public string Title { get; set; } = "";

    public string Locale { get; set; } = "";

    public string SourceText { get; set; } = "";

    public long FirstSeenTicks { get; set; }

    public int FirstSeenOffset { get; set; }

    // A control character cannot occur in a scenario id, so the pair is unambiguous.
    public static string Key(string scenarioId, string contentHash) => scenarioId + "\u0001" + contentHash;
}

/// <summary>A reviewer's override; the id is assigned in insertion order.</summary>
internal sealed class OverrideDocument
{
    public int Id { get; set; }

    public string CallId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public ItemOutcome Outcome { get; set; }

    public string Reviewer { get; set; } = "";

    public string? Note { get; set; }

    public long AtTicks { get; set; }

    public int AtOffset { get; set; }
}

/// <summary>The truth of a simulated call.</summary>
internal sealed class GroundTruthDocument
{
    public string Id { get; set; } = "";

    public string? AgentId { get; set; }

    public List<OutcomePair> Items { get; set; } = [];

    public List<Pair> Behaviour { get; set; } = [];
}

/// <summary>One item's true outcome.</summary>
internal sealed class OutcomePair
{
    public string Key { get; set; } = "";

    public ItemOutcome Value { get; set; }
}

/// <summary>The store's own facts: the schema version this file is at.</summary>
internal sealed class MetaDocument
{
    public string Id { get; set; } = "";

    public int SchemaVersion { get; set; }

    public long UpdatedTicks { get; set; }
}
