namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>A word of an utterance after clean-up: times in seconds from the utterance start, confidence 0..1.</summary>
/// <param name="Text">The word as the dictionary spells it.</param>
/// <param name="Start">Start, seconds from the utterance start.</param>
/// <param name="End">End, seconds from the utterance start.</param>
/// <param name="Confidence">Confidence 0..1 (<see cref="ConfidenceMap"/>).</param>
/// <param name="Spotted">The keyphrase spotter found it (a checklist phrase's word).</param>
/// <param name="Unconfirmed">A forbidden phrase's word the spotter did not confirm (<see cref="HintMerger.DoubtUnconfirmed"/>).</param>
internal readonly record struct RecognizedWord(string Text, double Start, double End, double Confidence, bool Spotted = false, bool Unconfirmed = false);

/// <summary>Cleans pocketsphinx's raw words: drops fillers and silences, strips alternate-pronunciation markers.</summary>
internal static class WordCleaner
{
    /// <summary>The spoken word, or null for <c>&lt;s&gt;</c>, <c>&lt;sil&gt;</c>, <c>[NOISE]</c>, <c>++BREATH++</c> and the like.</summary>
    public static string? Clean(string raw)
    {
        // The keyphrase spotter ends its phrases with a space.
        raw = raw.Trim();
        if (raw.Length == 0 || raw[0] is '<' or '[' || raw.StartsWith("++", StringComparison.Ordinal))
        {
            return null;
        }

        // "for(3)" is the third pronunciation of "for".
        var marker = raw.IndexOf('(', StringComparison.Ordinal);
        var word = marker > 0 && raw.EndsWith(')') ? raw[..marker] : raw;
        return word.Length == 0 ? null : word;
    }

    public static List<RecognizedWord> Clean(IEnumerable<DecodedWord> words, Func<double, double> confidence) =>
        [.. words
            .Select(w => (Text: Clean(w.Text), Word: w))
            .Where(w => w.Text is not null)
            .Select(w => new RecognizedWord(
                w.Text!,
                w.Word.StartFrame / PocketsphinxDecoder.FramesPerSecond,
                (w.Word.EndFrame + 1) / PocketsphinxDecoder.FramesPerSecond,
                confidence(w.Word.Probability)))];
}
