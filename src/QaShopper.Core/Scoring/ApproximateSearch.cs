using System.Buffers;

namespace QaShopper.Core.Scoring;

/// <summary>
/// Approximate substring search: for every text position, the smallest edit distance between the phrase and
/// any substring ending there. Myers/Hyyrö bit-vector algorithm for phrases up to 64 characters, the plain
/// Sellers dynamic programme beyond.
/// </summary>
internal static class ApproximateSearch
{
    /// <summary>Fills <paramref name="scores"/> (length ≥ text length) with the best distance ending at each position.</summary>
    public static void EndScores(CompiledPhrase phrase, ReadOnlySpan<char> text, Span<int> scores)
    {
        if (phrase.Text.Length <= 64)
        {
            Myers(phrase, text, scores);
        }
        else
        {
            Sellers(phrase.Text, text, scores);
        }
    }

    private static void Myers(CompiledPhrase phrase, ReadOnlySpan<char> text, Span<int> scores)
    {
        var m = phrase.Text.Length;
        var last = 1UL << (m - 1);
        var pv = m == 64 ? ulong.MaxValue : (1UL << m) - 1;
        var mv = 0UL;
        var score = m;
        var ascii = phrase.AsciiMasks;
        for (var j = 0; j < text.Length; j++)
        {
            var c = text[j];
            var eq = c < 128 ? ascii[c] : phrase.MaskOf(c);
            var xv = eq | mv;
            var xh = (((eq & pv) + pv) ^ pv) | eq;
            var ph = mv | ~(xh | pv);
            var mh = pv & xh;
            if ((ph & last) != 0)
            {
                score++;
            }
            else if ((mh & last) != 0)
            {
                score--;
            }

            // No carry-in at the top: a match may start anywhere in the text (Sellers' free start).
            ph <<= 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
            scores[j] = score;
        }
    }

    private static void Sellers(string pattern, ReadOnlySpan<char> text, Span<int> scores)
    {
        var m = pattern.Length;
        var rented = ArrayPool<int>.Shared.Rent(m + 1);
        var column = rented.AsSpan(0, m + 1);
        for (var i = 0; i <= m; i++)
        {
            column[i] = i;
        }

        for (var j = 0; j < text.Length; j++)
        {
            var diagonal = column[0];
            column[0] = 0;
            for (var i = 1; i <= m; i++)
            {
                var up = column[i];
                var cost = pattern[i - 1] == text[j] ? 0 : 1;
                column[i] = Math.Min(Math.Min(up + 1, column[i - 1] + 1), diagonal + cost);
                diagonal = up;
            }

            scores[j] = column[m];
        }

        ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>
    /// The start of the best match of <paramref name="pattern"/> ending at <paramref name="end"/> (inclusive):
    /// an edit-distance table run right to left from the end.
    /// </summary>
    public static int FindStart(string pattern, ReadOnlySpan<char> text, int end, int distance)
    {
        var m = pattern.Length;
        var window = Math.Min(end + 1, m + distance + 1);
        var rented = ArrayPool<int>.Shared.Rent((window + 1) * 2);
        var previous = rented.AsSpan(0, window + 1);
        var current = rented.AsSpan(window + 1, window + 1);
        for (var l = 0; l <= window; l++)
        {
            previous[l] = l;
        }

        for (var i = 1; i <= m; i++)
        {
            var p = pattern[m - i];
            current[0] = i;
            for (var l = 1; l <= window; l++)
            {
                var cost = p == text[end - l + 1] ? 0 : 1;
                current[l] = Math.Min(Math.Min(previous[l] + 1, current[l - 1] + 1), previous[l - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        var bestLength = 1;
        for (var l = 1; l <= window; l++)
        {
            if (previous[l] < previous[bestLength])
            {
                bestLength = l;
            }
        }

        ArrayPool<int>.Shared.Return(rented);
        return end - bestLength + 1;
    }

    /// <summary>Plain Levenshtein distance.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var rented = ArrayPool<int>.Shared.Rent((b.Length + 1) * 2);
        var previous = rented.AsSpan(0, b.Length + 1);
        var current = rented.AsSpan(b.Length + 1, b.Length + 1);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        var result = previous[b.Length];
        ArrayPool<int>.Shared.Return(rented);
        return result;
    }
}
