namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Writes a hint word the dictionary lacks as the two dictionary words it is made of ("postcode" as "post code").
/// The dictionary's own pronunciations of the parts beat flite's letter-to-sound guess of the whole: measured on
/// flite rms over a phone line, "can i take your postcode" decoded as "your zip code" with the guess and as "your
/// post code" with the parts. The decoded parts are joined again, so transcripts keep the word as the scenario wrote it.
/// </summary>
internal static class CompoundWords
{
    /// <summary>Each part must have at least this many letters: shorter ones ("a", "at") split almost anything.</summary>
    public const int MinimumPartLength = 3;

    /// <summary>
    /// The phrases with every splittable unknown word split, tokenised like the spotter's; each compound split is
    /// added to <paramref name="compounds"/> by its parts ("post code" → "postcode"), for <see cref="Join"/>.
    /// </summary>
    public static IReadOnlyList<string> Split(IReadOnlyList<string>? phrases, IReadOnlySet<string> dictionary, IDictionary<string, string> compounds)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(compounds);
        return [.. (phrases ?? []).Select(p => SpottablePhrases.Prepare(p).Words is { } words
            ? string.Join(' ', words.SelectMany(w => SplitWord(w, dictionary, compounds)))
            : p)];
    }

    private static string[] SplitWord(string word, IReadOnlySet<string> dictionary, IDictionary<string, string> compounds)
    {
        if (Parts(word, dictionary) is not { } parts)
        {
            return [word];
        }

        compounds.TryAdd(string.Join(' ', parts), word);
        return parts;
    }

    /// <summary>The two dictionary words <paramref name="word"/> is made of, or null when it is known or not a compound.</summary>
    public static string[]? Parts(string word, IReadOnlySet<string> dictionary)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(dictionary);
        if (dictionary.Contains(word))
        {
            return null;
        }

        for (var at = MinimumPartLength; at <= word.Length - MinimumPartLength; at++)
        {
            if (dictionary.Contains(word[..at]) && dictionary.Contains(word[at..]))
            {
                return [word[..at], word[at..]];
            }
        }

        return null;
    }

    /// <summary>Decoded words with every pair of parts of a compound joined into the compound, timed across both.</summary>
    public static List<RecognizedWord> Join(List<RecognizedWord> words, IReadOnlyDictionary<string, string> compounds)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(compounds);
        if (compounds.Count == 0)
        {
            return words;
        }

        var joined = new List<RecognizedWord>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && compounds.TryGetValue($"{words[i].Text} {words[i + 1].Text}", out var compound))
            {
                var (first, second) = (words[i], words[i + 1]);
                joined.Add(new RecognizedWord(compound, first.Start, second.End, Math.Min(first.Confidence, second.Confidence), first.Spotted && second.Spotted, first.Unconfirmed || second.Unconfirmed));
                i++;
                continue;
            }

            joined.Add(words[i]);
        }

        return joined;
    }
}
