using QaShopper.Core.Attribution;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.LiteDb.Documents;

/// <summary>The stored form of a <see cref="CallScore"/>.</summary>
internal sealed class ScoreDocument
{
    public string ScenarioId { get; set; } = "";

    public string ScenarioHash { get; set; } = "";

    public string? Agent { get; set; }

    public double Score { get; set; }

    public Grade Grade { get; set; }

    public bool NeedsReview { get; set; }

    public List<ItemDocument> Items { get; set; } = [];

    /// <summary>The agent's name as heard; null when none was heard (and in files written before attribution was kept).</summary>
    public string? AgentHeard { get; set; }

    public AgentMatchKind? AgentMatchKind { get; set; }

    public double? AgentMatchSimilarity { get; set; }

    public static ScoreDocument From(CallScore s) => new()
    {
        ScenarioId = s.ScenarioId,
        ScenarioHash = s.ScenarioHash,
        Agent = s.Agent,
        Score = s.Score,
        Grade = s.Grade,
        NeedsReview = s.NeedsReview,
        Items = [.. s.Items.Select(ItemDocument.From)],
        AgentHeard = s.AgentMatch?.Heard,
        AgentMatchKind = s.AgentMatch?.Kind,
        AgentMatchSimilarity = s.AgentMatch?.Similarity,
    };

    public CallScore ToScore() => new(ScenarioId, ScenarioHash, Agent, Score, Grade, NeedsReview, [.. Items.Select(i => i.ToItem())])
    {
        AgentMatch = AgentHeard is not null && AgentMatchKind is { } kind ? new AgentMatch(AgentHeard, kind, AgentMatchSimilarity ?? 0) : null,
    };
}

/// <summary>The stored form of an <see cref="ItemResult"/>.</summary>
internal sealed class ItemDocument
{
    public string Id { get; set; } = "";

    public ItemOutcome Outcome { get; set; }

    public double Weight { get; set; }

    public bool Critical { get; set; }

    public EvidenceDocument Evidence { get; set; } = new();

    public static ItemDocument From(ItemResult i) =>
        new() { Id = i.Id, Outcome = i.Outcome, Weight = i.Weight, Critical = i.Critical, Evidence = EvidenceDocument.From(i.Evidence) };

    public ItemResult ToItem() => new(Id, Outcome, Weight, Critical, Evidence.ToEvidence());
}

/// <summary>The stored form of <see cref="Core.Results.Evidence"/>.</summary>
internal sealed class EvidenceDocument
{
    public Speaker? Speaker { get; set; }

    public double? Start { get; set; }

    public double? End { get; set; }

    public string? Text { get; set; }

    public string? Phrase { get; set; }

    public double? Similarity { get; set; }

    public double? Confidence { get; set; }

    public double? AnsweredAfter { get; set; }

    public double? LongestSilence { get; set; }

    public string? Reason { get; set; }

    public List<EvidenceDocument>? Matches { get; set; }

    public EvidenceDocument? Heard { get; set; }

    public EvidenceDocument? Closest { get; set; }

    public static EvidenceDocument From(Evidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new()
        {
            Speaker = e.Speaker,
            Start = e.Start,
            End = e.End,
            Text = e.Text,
            Phrase = e.Phrase,
            Similarity = e.Similarity,
            Confidence = e.Confidence,
            AnsweredAfter = e.AnsweredAfter,
            LongestSilence = e.LongestSilence,
            Reason = e.Reason,
            Matches = e.Matches is null ? null : [.. e.Matches.Select(From)],
            Heard = e.Heard is null ? null : From(e.Heard),
            Closest = e.Closest is null ? null : From(e.Closest),
        };
    }

    public Evidence ToEvidence() => new()
    {
        Speaker = Speaker,
        Start = Start,
        End = End,
        Text = Text,
        Phrase = Phrase,
        Similarity = Similarity,
        Confidence = Confidence,
        AnsweredAfter = AnsweredAfter,
        LongestSilence = LongestSilence,
        Reason = Reason,
        Matches = Matches is null ? null : [.. Matches.Select(m => m.ToEvidence())],
        Heard = Heard?.ToEvidence(),
        Closest = Closest?.ToEvidence(),
    };
}
