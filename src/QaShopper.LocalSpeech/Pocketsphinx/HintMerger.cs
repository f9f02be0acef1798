namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Puts spotted checklist phrases into an utterance's words. The n-gram decoder often garbles exactly the words a
/// checklist asks for (brand names, "thank you for calling"); the keyphrase spotter, searching for those phrases only,
/// finds them. Where the n-gram words already contain a spotted phrase nothing changes; otherwise the n-gram words the
/// phrase overlaps in time are replaced by the phrase, carrying the spotting confidence.
/// </summary>
internal static class HintMerger
{
    public static List<RecognizedWord> Merge(IReadOnlyList<RecognizedWord> words, IReadOnlyList<RecognizedWord> spotted)
    {
        var merged = words.ToList();
        foreach (var phrase in spotted.OrderBy(s => s.Start))
        {
            var phraseWords = phrase.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (phraseWords.Length == 0 || ContainsSequence(merged, phraseWords))
            {
                continue;
            }

            // A word belongs to the phrase's span when most of it lies inside.
            merged.RemoveAll(w => Overlap(w, phrase) > (w.End - w.Start) / 2);
            var step = (phrase.End - phrase.Start) / phraseWords.Length;
            for (var i = 0; i < phraseWords.Length; i++)
            {
                merged.Add(new RecognizedWord(phraseWords[i], phrase.Start + (i * step), phrase.Start + ((i + 1) * step), phrase.Confidence, Spotted: true));
            }

            merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return merged;
    }

    private static double Overlap(RecognizedWord a, RecognizedWord b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static bool ContainsSequence(List<RecognizedWord> words, string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= words.Count; i++)
        {
            var match = true;
            for (var k = 0; k < sequence.Length && match; k++)
            {
                match = string.Equals(words[i + k].Text, sequence[k], StringComparison.OrdinalIgnoreCase);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}
