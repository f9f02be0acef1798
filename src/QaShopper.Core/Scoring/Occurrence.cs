using QaShopper.Core.Results;

namespace QaShopper.Core.Scoring;

/// <summary>One place a phrase or pattern was found: the original-text span, its times and similarity.</summary>
internal sealed record Occurrence(
    SegmentView Segment,
    int SourceStart,
    int SourceEnd,
    double Start,
    double End,
    double Similarity,
    string? Phrase,
    string? AgentName,
    bool ByTail = false)
{
    /// <summary>The recogniser's confidence in the matched span, when known.</summary>
    public double? Confidence => Segment.ConfidenceOf(SourceStart, SourceEnd);

    /// <summary>True when the match rests on low-confidence speech.</summary>
    public bool IsLowConfidence => Segment.IsLowConfidenceAt(SourceStart, SourceEnd, IsWholePhraseWordForWord);

    /// <summary>Words a phrase needs for a word-for-word match of it to be trusted at lower confidence.</summary>
    public const int ExactPhraseMinimumWords = 3;

    /// <summary>A whole phrase of <see cref="ExactPhraseMinimumWords"/> or more words, matched exactly (not by its tail, not a pattern).</summary>
    private bool IsWholePhraseWordForWord =>
        Phrase is not null && !ByTail && Similarity >= 1.0
        && Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= ExactPhraseMinimumWords;

    /// <summary>The speaker's own words for the matched span.</summary>
    public string Text => Segment.Segment.Text[SourceStart..SourceEnd].Trim();

    /// <summary>Earlier by start time; within one segment by character position.</summary>
    public bool IsBefore(Occurrence other) =>
        ReferenceEquals(Segment, other.Segment) ? SourceStart < other.SourceStart : Start < other.Start;

    public static Occurrence? Earlier(Occurrence? a, Occurrence? b) =>
        a is null ? b : b is null ? a : b.IsBefore(a) ? b : a;

    public Evidence ToEvidence() => new()
    {
        Speaker = Segment.Segment.Speaker,
        Start = Start,
        End = End,
        Text = Text,
        Similarity = Math.Round(Similarity, 2, MidpointRounding.AwayFromZero),
        Phrase = Phrase,
        Confidence = Confidence is { } c ? Math.Round(c, 2, MidpointRounding.AwayFromZero) : null,
        Reason = ByTail ? $"heard by its last {TailPhrase.Words} words at the start of an utterance, where recognition loses words" : null,
    };
}

/// <summary>The earliest occurrences of one phrase group: in confident speech, in low-confidence speech, and ignoring the constraints.</summary>
internal readonly record struct SearchResult(Occurrence? Confident, Occurrence? LowConfidence, Occurrence? Unconstrained)
{
    public Occurrence? Best => Confident ?? LowConfidence;
}
