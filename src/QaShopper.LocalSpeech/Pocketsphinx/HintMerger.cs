namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Puts spotted checklist phrases into an utterance's words. The n-gram decoder often garbles exactly the words a
/// checklist asks for (brand names, "thank you for calling"); the keyphrase spotter, searching for those phrases only,
/// finds them. Where the n-gram words already contain a spotted phrase nothing changes; otherwise the n-gram words the
/// phrase overlaps in time are replaced by the phrase, carrying the spotting confidence, unless it is a single word.
/// </summary>
internal static class HintMerger
{
    /// <summary>
    /// A spotted phrase needs this many words to replace decoded ones; a single word only confirms. One word has too
    /// few phones to tell from chance: on eval seed 8 the spotter put "goodbye" in place of the "in" of "the card will
    /// arrive in five to seven working days", which passed a closing the agent never said.
    /// </summary>
    public const int MinimumInsertedWords = 2;

    public static List<RecognizedWord> Merge(IReadOnlyList<RecognizedWord> words, IReadOnlyList<RecognizedWord> spotted)
    {
        var merged = words.ToList();
        foreach (var phrase in spotted.OrderBy(s => s.Start))
        {
            var phraseWords = phrase.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (phraseWords.Length == 0)
            {
                continue;
            }

            if (IndexOfSequence(merged, phraseWords, 0) is var at and >= 0)
            {
                // Two searches agree on the phrase: its words get the spotter's confidence when that is higher.
                for (var k = at; k < at + phraseWords.Length; k++)
                {
                    merged[k] = merged[k] with { Confidence = Math.Max(merged[k].Confidence, phrase.Confidence), Spotted = true };
                }

                continue;
            }

            if (phraseWords.Length < MinimumInsertedWords)
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

    /// <summary>
    /// Marks decoded words as confirmed where a spotted phrase says the same words at the same time; inserts nothing.
    /// </summary>
    public static List<RecognizedWord> ConfirmOnly(List<RecognizedWord> words, IReadOnlyList<RecognizedWord> spotted)
    {
        foreach (var phrase in spotted)
        {
            var phraseWords = phrase.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var from = 0;
            while (phraseWords.Length > 0 && IndexOfSequence(words, phraseWords, from) is var at and >= 0)
            {
                var start = words[at].Start;
                var end = words[at + phraseWords.Length - 1].End;
                if (start < phrase.End && end > phrase.Start)
                {
                    for (var k = at; k < at + phraseWords.Length; k++)
                    {
                        words[k] = words[k] with { Spotted = true };
                    }
                }

                from = at + 1;
            }
        }

        return words;
    }

    /// <summary>
    /// Doubts watched (forbidden) phrases the n-gram decode produced but the keyphrase spotter, at its strict threshold,
    /// did not confirm: their words keep their place at <see cref="ConfidenceMap.Unconfirmed"/>. The general language
    /// model readily turns a garbled word into "i don't know", and a forbidden phrase fails the call, so only the
    /// spotter may report one for sure; but an agent who truly said it in a voice the spotter misses must not pass
    /// either. Heard and unconfirmed, the item goes to review.
    /// </summary>
    public static List<RecognizedWord> DoubtUnconfirmed(List<RecognizedWord> words, IReadOnlyList<string[]> watched)
    {
        foreach (var phrase in watched.Where(p => p.Length > 0))
        {
            var from = 0;
            while (IndexOfSequence(words, phrase, from) is var at and >= 0)
            {
                if (!Enumerable.Range(at, phrase.Length).All(k => words[k].Spotted))
                {
                    for (var k = at; k < at + phrase.Length; k++)
                    {
                        words[k] = words[k] with { Confidence = Math.Min(words[k].Confidence, ConfidenceMap.Unconfirmed), Unconfirmed = true };
                    }
                }

                from = at + 1;
            }
        }

        return words;
    }

    private static int IndexOfSequence(List<RecognizedWord> words, string[] sequence, int from)
    {
        for (var i = from; i + sequence.Length <= words.Count; i++)
        {
            var match = true;
            for (var k = 0; k < sequence.Length && match; k++)
            {
                match = string.Equals(words[i + k].Text, sequence[k], StringComparison.OrdinalIgnoreCase);
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
