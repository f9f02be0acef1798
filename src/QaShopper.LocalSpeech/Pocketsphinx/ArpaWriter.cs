using System.Globalization;
using System.Text;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Writes a small trigram language model in ARPA format (log10 probabilities) from tokenised sentences, for biasing
/// the decoder towards a call's expected phrases. Absolute discounting (<see cref="Discount"/> taken from every seen
/// bigram and trigram count) with Katz-style back-off weights, so each history's probabilities sum to one; unigrams
/// are maximum-likelihood (the vocabulary is exactly the corpus). <c>&lt;s&gt;</c> gets the conventional -99.
/// </summary>
internal static class ArpaWriter
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";

    /// <summary>Subtracted from each seen bigram and trigram count; the mass goes to the back-off.</summary>
    public const double Discount = 0.5;

    private const double Floor = 1e-6;

    public static string Write(IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var unigrams = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new SortedDictionary<(string, string), int>();
        var trigrams = new SortedDictionary<(string, string, string), int>();
        foreach (var sentence in sentences)
        {
            if (sentence.Count == 0)
            {
                continue;
            }

            var tokens = new List<string>(sentence.Count + 2) { SentenceStart };
            tokens.AddRange(sentence);
            tokens.Add(SentenceEnd);
            for (var i = 0; i < tokens.Count; i++)
            {
                Increment(unigrams, tokens[i]);
                if (i >= 1)
                {
                    Increment(bigrams, (tokens[i - 1], tokens[i]));
                }

                if (i >= 2)
                {
                    Increment(trigrams, (tokens[i - 2], tokens[i - 1], tokens[i]));
                }
            }
        }

        if (unigrams.Count == 0)
        {
            throw new ArgumentException("no words to build a language model from", nameof(sentences));
        }

        // Unigrams: maximum likelihood over predicted tokens (everything but <s>).
        var predicted = unigrams.Where(u => u.Key != SentenceStart).Sum(u => u.Value);
        var unigramProbability = unigrams.ToDictionary(u => u.Key, u => u.Key == SentenceStart ? 0 : (double)u.Value / predicted, StringComparer.Ordinal);

        // Bigrams: discounted; the history's count is the number of bigrams it starts.
        var bigramHistory = Totals(bigrams.Select(b => (b.Key.Item1, b.Key.Item2, b.Value)));
        var bigramProbability = bigrams.ToDictionary(b => b.Key, b => (b.Value - Discount) / bigramHistory[b.Key.Item1].Count);
        var unigramBackoff = bigramHistory.ToDictionary(
            h => h.Key,
            h => Backoff(h.Value, bigrams.Keys.Where(b => b.Item1 == h.Key).Sum(b => unigramProbability[b.Item2])),
            StringComparer.Ordinal);

        var trigramHistory = Totals(trigrams.Select(t => ($"{t.Key.Item1} {t.Key.Item2}", t.Key.Item3, t.Value)));
        var trigramProbability = trigrams.ToDictionary(t => t.Key, t => (t.Value - Discount) / trigramHistory[$"{t.Key.Item1} {t.Key.Item2}"].Count);
        var bigramBackoff = new Dictionary<(string, string), double>();
        foreach (var group in trigrams.Keys.GroupBy(t => (t.Item1, t.Item2)))
        {
            var covered = group.Sum(t => BigramProbability(t.Item2, t.Item3));
            bigramBackoff[group.Key] = Backoff(trigramHistory[$"{group.Key.Item1} {group.Key.Item2}"], covered);
        }

        var text = new StringBuilder();
        text.Append("\\data\\\n");
        text.Append(CultureInfo.InvariantCulture, $"ngram 1={unigrams.Count}\n");
        text.Append(CultureInfo.InvariantCulture, $"ngram 2={bigrams.Count}\n");
        text.Append(CultureInfo.InvariantCulture, $"ngram 3={trigrams.Count}\n\n");
        text.Append("\\1-grams:\n");
        foreach (var word in unigrams.Keys)
        {
            var probability = word == SentenceStart ? "-99" : Log(unigramProbability[word]);
            text.Append(probability).Append(' ').Append(word);
            if (unigramBackoff.TryGetValue(word, out var backoff))
            {
                text.Append(' ').Append(Log(backoff));
            }

            text.Append('\n');
        }

        text.Append("\n\\2-grams:\n");
        foreach (var (key, _) in bigrams)
        {
            text.Append(Log(bigramProbability[key])).Append(' ').Append(key.Item1).Append(' ').Append(key.Item2);
            if (bigramBackoff.TryGetValue(key, out var backoff))
            {
                text.Append(' ').Append(Log(backoff));
            }

            text.Append('\n');
        }

        text.Append("\n\\3-grams:\n");
        foreach (var (key, _) in trigrams)
        {
            text.Append(Log(trigramProbability[key])).Append(' ').Append(key.Item1).Append(' ').Append(key.Item2).Append(' ').Append(key.Item3).Append('\n');
        }

        text.Append("\n\\end\\\n");
        return text.ToString();

        // The back-off model's probability of w after h: the discounted bigram if seen, else the backed-off unigram.
        double BigramProbability(string h, string w) =>
            bigramProbability.TryGetValue((h, w), out var p) ? p : unigramBackoff.GetValueOrDefault(h, 1) * unigramProbability[w];
    }

    private static void Increment<TKey>(SortedDictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static Dictionary<string, (int Count, int Types)> Totals(IEnumerable<(string History, string Word, int Count)> ngrams) =>
        ngrams.GroupBy(n => n.History, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(n => n.Count), g.Count()), StringComparer.Ordinal);

    /// <summary>The weight that spreads the discounted mass over the words the history was not seen with.</summary>
    private static double Backoff((int Count, int Types) history, double coveredByLowerOrder)
    {
        var freed = Discount * history.Types / history.Count;
        return freed / Math.Max(Floor, 1 - coveredByLowerOrder);
    }

    private static string Log(double probability) =>
        Math.Log10(Math.Max(probability, Floor)).ToString("0.######", CultureInfo.InvariantCulture);
}
