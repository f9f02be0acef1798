namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Maps pocketsphinx's word posteriors to the 0..1 confidence the scorer reads (below 0.6 = uncertain).
/// </summary>
internal static class ConfidenceMap
{
    /// <summary>Word confidence from the lattice posterior of the word.</summary>
    public static double FromPosterior(double posterior) => Math.Clamp(posterior, 0, 1);

    /// <summary>Spotted phrase confidence from the spotter's detection score.</summary>
    public static double FromDetection(double score) => Math.Clamp(score, 0, 1);

    /// <summary>Utterance confidence: the duration-weighted mean of its words' confidences.</summary>
    public static double? ForSegment(IReadOnlyList<RecognizedWord> words)
    {
        var total = words.Sum(w => w.End - w.Start);
        return total <= 0 ? null : words.Sum(w => w.Confidence * (w.End - w.Start)) / total;
    }
}
