using System.ComponentModel.DataAnnotations;

namespace QaShopper.Core.Scoring;

/// <summary>How tolerant the scorer is. Bound from the <c>Scoring</c> configuration section.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>
    /// Minimum similarity (0..1) between a checklist phrase and the transcript for a match; tolerates
    /// recognition errors. Default 0.85: one wrong letter in a 7-letter phrase, four in a 30-letter one.
    /// </summary>
    [Range(0.5, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.85;

    /// <summary>
    /// Speech recognised with confidence below this (0..1) is low-confidence: a decision resting on it
    /// makes the item <c>uncertain</c> and the call <c>needsReview</c>. Default 0.6.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>
    /// A phrase of at least three words heard word for word is low-confidence only below this (0..1). Default 0.3:
    /// in the offline evaluation (seeds 7 and 8, pocketsphinx on flite phone audio) every such match at confidence
    /// 0.34-0.48 was truly said, while a wrong phrase at that confidence was almost never exact.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ExactPhraseMinConfidence { get; set; } = 0.3;
}
