using System.Buffers;

namespace QaShopper.Core.Scoring;

/// <summary>Where a phrase was found in canonical text: [Start, End) and how similar it was (1.0 = exact).</summary>
internal readonly record struct PhraseMatch(int Start, int End, double Similarity);

/// <summary>
/// Finds a compiled phrase in a canonical segment: exact matches on token boundaries first, else fuzzy
/// matches whose similarity reaches the threshold and that keep every meaning-carrying token.
/// </summary>
internal sealed class PhraseMatcher(double threshold)
{
    private const int StackLimit = 512;

    public double Threshold { get; } = threshold;

    /// <summary>Adds every accepted occurrence, in text order, to <paramref name="output"/>.</summary>
    public void FindAll(CompiledPhrase phrase, string text, List<PhraseMatch> output)
    {
        var pattern = phrase.Text;
        if (pattern.Length == 0 || text.Length == 0)
        {
            return;
        }

        var from = 0;
        var count = output.Count;
        while (from <= text.Length - pattern.Length)
        {
            var at = text.IndexOf(pattern, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            if (phrase.CharacterMatching || IsTokenBoundary(text, at, at + pattern.Length))
            {
                output.Add(new PhraseMatch(at, at + pattern.Length, 1.0));
                from = at + pattern.Length;
            }
            else
            {
                from = at + 1;
            }
        }

        if (output.Count > count || Threshold >= 1.0)
        {
            return;
        }

        var maxDistance = MaxDistance(pattern.Length);
        if (maxDistance == 0 || text.Length < pattern.Length - maxDistance)
        {
            return;
        }

        if (!MayMatch(phrase.PiecesFor(maxDistance), text))
        {
            return;
        }

        Fuzzy(phrase, text, maxDistance, output, best: null);
    }

    private static bool MayMatch(string[] pieces, string text)
    {
        foreach (var piece in pieces)
        {
            if (piece.Length == 0 || text.Contains(piece, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The most similar region regardless of the threshold, for "nearly said" reasons; null when nothing reaches
    /// <paramref name="minimumSimilarity"/>. The bit-parallel distance bounds the similarity, so most segments are
    /// dismissed without the quadratic work.
    /// </summary>
    public PhraseMatch? BestCandidate(CompiledPhrase phrase, string text, double minimumSimilarity)
    {
        var m = phrase.Text.Length;
        if (m == 0 || text.Length == 0)
        {
            return null;
        }

        // sim <= 1 - k / (m + k) for the best distance k: only distances below this bound can reach the minimum.
        var bound = minimumSimilarity >= 1.0 ? 0 : (int)Math.Ceiling((1.0 - minimumSimilarity) * m / minimumSimilarity);
        var best = new PhraseMatch[1];
        Fuzzy(phrase, text, Math.Min(m, bound), null, best);
        return best[0].End > 0 && best[0].Similarity >= minimumSimilarity ? best[0] : null;
    }

    /// <summary>The smallest edit distance between the phrase and any region of the text (bit-parallel, cheap).</summary>
    public static int MinDistance(CompiledPhrase phrase, string text)
    {
        if (phrase.Text.Length == 0 || text.Length == 0)
        {
            return phrase.Text.Length;
        }

        int[]? rented = null;
        var scores = text.Length <= StackLimit
            ? stackalloc int[text.Length]
            : (rented = ArrayPool<int>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        ApproximateSearch.EndScores(phrase, text, scores);
        var min = phrase.Text.Length;
        foreach (var score in scores)
        {
            min = Math.Min(min, score);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return min;
    }

    private int MaxDistance(int length) =>
        // sim = 1 - d / max(m, len) with len <= m + d, so sim >= t needs d <= (1 - t) m / t.
        (int)Math.Floor(((1.0 - Threshold) * length / Threshold) + 1e-9);

    private void Fuzzy(CompiledPhrase phrase, string text, int maxDistance, List<PhraseMatch>? output, PhraseMatch[]? best)
    {
        int[]? rented = null;
        var scores = text.Length <= StackLimit
            ? stackalloc int[text.Length]
            : (rented = ArrayPool<int>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        ApproximateSearch.EndScores(phrase, text, scores);

        var lastEnd = 0;
        var j = 0;
        while (j < text.Length)
        {
            if (scores[j] > maxDistance)
            {
                j++;
                continue;
            }

            // One candidate per run of close positions: the position with the lowest distance.
            var bestEnd = j;
            while (j < text.Length && scores[j] <= maxDistance)
            {
                if (scores[j] < scores[bestEnd])
                {
                    bestEnd = j;
                }

                j++;
            }

            var start = ApproximateSearch.FindStart(phrase.Text, text, bestEnd, scores[bestEnd]);
            var end = bestEnd + 1;
            if (!phrase.CharacterMatching)
            {
                (start, end) = ExpandToTokens(text, start, end);
            }

            if (start < lastEnd)
            {
                continue;
            }

            var region = text.AsSpan(start, end - start);
            var distance = ApproximateSearch.Distance(phrase.Text, region);
            var similarity = 1.0 - ((double)distance / Math.Max(phrase.Text.Length, region.Length));
            if (best is not null && similarity > best[0].Similarity)
            {
                best[0] = new PhraseMatch(start, end, similarity);
            }

            if (output is not null && similarity >= Threshold && PassesGuards(phrase, region))
            {
                output.Add(new PhraseMatch(start, end, similarity));
                lastEnd = end;
            }
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static bool IsTokenBoundary(string text, int start, int end) =>
        (start == 0 || text[start - 1] == ' ') && (end == text.Length || text[end] == ' ');

    private static (int Start, int End) ExpandToTokens(string text, int start, int end)
    {
        while (start > 0 && text[start - 1] != ' ')
        {
            start--;
        }

        while (start < end && text[start] == ' ')
        {
            start++;
        }

        while (end < text.Length && text[end] != ' ')
        {
            end++;
        }

        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>One letter can flip the meaning ("not my problem"/"not a problem", "9 to 1"/"9 to 5"): those parts must match exactly.</summary>
    private static bool PassesGuards(CompiledPhrase phrase, ReadOnlySpan<char> region)
    {
        if (phrase.CharacterMatching)
        {
            foreach (var c in phrase.GuardChars)
            {
                if (region.IndexOf(c) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var token in phrase.GuardTokens)
        {
            if (!ContainsToken(region, token))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsToken(ReadOnlySpan<char> region, string token)
    {
        var offset = 0;
        while (offset <= region.Length - token.Length)
        {
            var at = region[offset..].IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var start = offset + at;
            var end = start + token.Length;
            if ((start == 0 || region[start - 1] == ' ') && (end == region.Length || region[end] == ' '))
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }
}
