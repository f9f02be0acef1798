namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Maps pocketsphinx's word posteriors to the 0..1 confidence the scorer reads (below 0.6 = uncertain).
/// </summary>
/// <remarks>
/// Measured (PocketsphinxMeasurements: 6 call-centre lines, 63 words, flite rms/awb/kal16/slt through 8 kHz mu-law):
/// single word posteriors are noisy: correctly recognised words have median 0.38 (kal16) to 0.83 (awb) but a tenth
/// of them are below 0.1; wrong words have median 0.04-0.18 and 90% are below 0.4. Per utterance the duration-weighted
/// mean separates well: word-perfect utterances scored 0.67-0.78 (rms, awb, one slt line 0.72), utterances with half
/// or more of the words wrong 0.11-0.46. Exceptions: kal16 and slt gave word-perfect lines 0.27 and 0.34 (flagged for
/// review: a safe error), and one rms line with 42% errors scored 0.68. Any power transform that lifts the low
/// word-perfect lines over 0.6 also lifts the garbage lines (0.44, 0.45) over it, so the posterior is used as it is.
/// Re-measured with the domain-biased decode (PocketsphinxCalibration: 27 call-centre lines, right and wrong variants,
/// flite rms/awb/kal16/slt through 8 kHz mu-law, 112 segments), share of segments with WER at most 25% per band of
/// segment confidence: below 0.4: 1/14; 0.4-0.5: 3/17; 0.5-0.6: 5/16; 0.6-0.7: 9/17; 0.7-0.8: 7/15; 0.8-0.9: 15/16;
/// 0.9-1.0: 17/17 (garbage, WER at least 50%, is 0/33 above 0.8). The posterior is therefore already roughly calibrated
/// at the top and, if anything, optimistic in 0.6-0.8, so no monotone map can lift the word-perfect lines at 0.4-0.6
/// over 0.6 without lifting the garbage lines that share the band: the map stays the identity. Words of a checklist
/// phrase that the keyphrase spotter confirms carry the spotting score instead (HintMerger), which is what lifts
/// correctly decoded checklist phrases.
/// Spotted phrases carry the spotter's detection score (logmath_exp of the kws segment score, 0.8-0.9 on true hits).
/// </remarks>
internal static class ConfidenceMap
{
    /// <summary>
    /// The confidence of a forbidden phrase's words that only the n-gram decode heard (<see cref="HintMerger.DoubtUnconfirmed"/>):
    /// below the scorer's floors for single words (0.6) and for whole phrases heard word for word (0.3), so the phrase
    /// counts as heard in low-confidence speech.
    /// </summary>
    public const double Unconfirmed = 0.2;

    /// <summary>Word confidence from the lattice posterior of the word.</summary>
    public static double FromPosterior(double posterior) => Math.Clamp(posterior, 0, 1);

    /// <summary>Spotted phrase confidence from the spotter's detection score.</summary>
    public static double FromDetection(double score) => Math.Clamp(score, 0, 1);

    /// <summary>
    /// Utterance confidence: the duration-weighted mean of its words' confidences, leaving out the unconfirmed words of
    /// a forbidden phrase (their cap doubts the phrase, not the utterance) unless there is nothing else.
    /// </summary>
    public static double? ForSegment(IReadOnlyList<RecognizedWord> words)
    {
        var heard = words.Any(w => !w.Unconfirmed) ? words.Where(w => !w.Unconfirmed).ToList() : words;
        var total = heard.Sum(w => w.End - w.Start);
        return total <= 0 ? null : heard.Sum(w => w.Confidence * (w.End - w.Start)) / total;
    }
}
