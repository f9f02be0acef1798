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

    /// <summary>
    /// A phrase missing from the speech where it belonged (after the checklist's passed items before it, before those
    /// after it, within its window) does not fail its item when something there resembles it
    /// (<see cref="MisheardSimilarity"/>) in speech recognised below this confidence (0..1): it may have been said and
    /// misheard, so the item is <c>uncertain</c> and the call goes to review. 0 turns the check off (absence always
    /// fails). Default 0.5.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ReliableSpeechConfidence { get; set; } = 0.5;

    /// <summary>
    /// A critical item whose phrase was not found, but something at least this similar was (0.5..1), is
    /// <c>uncertain</c> instead of failed: a critical fail fails the whole call, so it never rests on a near miss.
    /// Default 0.6.
    /// </summary>
    [Range(0.5, 1.0)]
    public double CriticalNearMissFloor { get; set; } = 0.6;

    /// <summary>
    /// How much (0..1) an utterance where a missing phrase belonged must resemble it to be taken as the phrase possibly
    /// misheard (see <see cref="ReliableSpeechConfidence"/>). Default 0.5: half the phrase's letters line up, the same
    /// floor below which a closest candidate is not shown.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MisheardSimilarity { get; set; } = 0.5;

    /// <summary>
    /// A phrase missing from a call fails its item only when the speaker's speech in the whole call was recognised with
    /// a mean word confidence of at least this (0..1); below it, every fail that rests on a missing phrase is
    /// <c>uncertain</c>. The other decision thresholds were calibrated on calls recognised at least this well, so a
    /// call below it is outside what they know: a voice the recogniser hears badly. 0 turns the check off. Default 0.6,
    /// for the offline recogniser with its default phone-line adaptation: every call of the tuning set (seeds 7 and 8,
    /// 74 calls) lies above it (the lowest at 0.611), rounded down to the next 0.05. Without the adaptation the
    /// recogniser is less confident and the same rule gives 0.45 (lowest 0.475).
    /// </summary>
    [Range(0.0, 1.0)]
    public double ReliableCallConfidence { get; set; } = 0.6;

    /// <summary>A copy to vary one setting of (the evaluation's trade-off); every setting, however many are added.</summary>
    public ScoringOptions Clone() => (ScoringOptions)MemberwiseClone();
}
