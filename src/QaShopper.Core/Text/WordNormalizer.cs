using System.Text;

namespace QaShopper.Core.Text;

/// <summary>Canonical form for languages written with spaces between words.</summary>
internal static class WordNormalizer
{
    public static CanonicalText Normalize(string text)
    {
        var tokens = WordScanner.Scan(text);
        tokens = PlaceCurrencies(tokens);
        tokens = DropOClock(tokens);
        tokens = NumberWords.Rewrite(tokens);
        tokens = MergeDigitRuns(tokens);
        return Join(tokens);
    }

    /// <summary>"$5" is said "five dollars": the currency word goes after the amount.</summary>
    private static List<Token> PlaceCurrencies(List<Token> tokens)
    {
        var hasMarker = false;
        foreach (var t in tokens)
        {
            hasMarker |= t.Value.Length > 0 && t.Value[0] == WordScanner.CurrencyMarker;
        }

        if (!hasMarker)
        {
            return tokens;
        }

        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Value.Length == 0 || t.Value[0] != WordScanner.CurrencyMarker)
            {
                result.Add(t);
                continue;
            }

            var j = i + 1;
            while (j < tokens.Count && (tokens[j].IsDigits || (tokens[j].Value == "point" && j + 1 < tokens.Count && tokens[j + 1].IsDigits)))
            {
                result.Add(tokens[j]);
                j++;
            }

            if (j > i + 1)
            {
                result.Add(new Token(t.Value[1..], t.Start, t.End));
            }

            i = j - 1;
        }

        return result;
    }

    private static List<Token> DropOClock(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var value = tokens[i].Value;
            if (value == "oclock")
            {
                continue;
            }

            if (value == "o" && i + 1 < tokens.Count && tokens[i + 1].Value == "clock")
            {
                i++;
                continue;
            }

            result.Add(tokens[i]);
        }

        return result;
    }

    /// <summary>"9 30", "9:30" and "nine thirty" all become "930"; "four five two one" becomes "4521".</summary>
    private static List<Token> MergeDigitRuns(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.IsDigits && result.Count > 0 && result[^1].IsDigits)
            {
                var previous = result[^1];
                result[^1] = new Token(previous.Value + t.Value, previous.Start, t.End);
            }
            else
            {
                result.Add(t);
            }
        }

        return result;
    }

    private static CanonicalText Join(List<Token> tokens)
    {
        var length = 0;
        foreach (var t in tokens)
        {
            length += t.Value.Length + 1;
        }

        length = Math.Max(0, length - 1);
        var builder = new StringBuilder(length);
        var starts = new int[length];
        var ends = new int[length];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > 0)
            {
                starts[builder.Length] = tokens[i - 1].End;
                ends[builder.Length] = t.Start;
                builder.Append(' ');
            }

            for (var k = 0; k < t.Value.Length; k++)
            {
                starts[builder.Length] = t.Start;
                ends[builder.Length] = t.End;
                builder.Append(t.Value[k]);
            }
        }

        return new CanonicalText(builder.ToString(), starts, ends);
    }
}
