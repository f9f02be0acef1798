using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Sqlite.Json;

/// <summary>The stored form of a <see cref="CallScore"/>: the whole score sheet, items and evidence included.</summary>
internal sealed record ScoreDocument(
    string ScenarioId,
    string ScenarioHash,
    string? Agent,
    double Score,
    Grade Grade,
    bool NeedsReview,
    IReadOnlyList<ItemDocument> Items)
{
    public static ScoreDocument From(CallScore score) =>
        new(score.ScenarioId, score.ScenarioHash, score.Agent, score.Score, score.Grade, score.NeedsReview, [.. score.Items.Select(ItemDocument.From)]);

    public CallScore ToScore() =>
        new(ScenarioId, ScenarioHash, Agent, Score, Grade, NeedsReview, [.. Items.Select(i => i.ToItem())]);
}

/// <summary>The stored form of an <see cref="ItemResult"/>.</summary>
internal sealed record ItemDocument(string Id, ItemOutcome Outcome, double Weight, bool Critical, EvidenceDocument Evidence)
{
    public static ItemDocument From(ItemResult item) =>
        new(item.Id, item.Outcome, item.Weight, item.Critical, EvidenceDocument.From(item.Evidence));

    public ItemResult ToItem() => new(Id, Outcome, Weight, Critical, Evidence.ToEvidence());
}

/// <summary>The stored form of <see cref="Core.Results.Evidence"/>; null fields are left out of the JSON.</summary>
internal sealed record EvidenceDocument
{
    public Speaker? Speaker { get; init; }

    public double? Start { get; init; }

    public double? End { get; init; }

    public string? Text { get; init; }

    public string? Phrase { get; init; }

    public double? Similarity { get; init; }

    public double? Confidence { get; init; }

    public double? AnsweredAfter { get; init; }

    public double? LongestSilence { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<EvidenceDocument>? Matches { get; init; }

    public static EvidenceDocument From(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new()
        {
            Speaker = evidence.Speaker,
            Start = evidence.Start,
            End = evidence.End,
            Text = evidence.Text,
            Phrase = evidence.Phrase,
            Similarity = evidence.Similarity,
            Confidence = evidence.Confidence,
            AnsweredAfter = evidence.AnsweredAfter,
            LongestSilence = evidence.LongestSilence,
            Reason = evidence.Reason,
            Matches = evidence.Matches is null ? null : [.. evidence.Matches.Select(From)],
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
    };
}
