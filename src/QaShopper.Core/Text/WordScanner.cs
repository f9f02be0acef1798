using System.Text;

namespace QaShopper.Core.Text;

/// <summary>
/// Splits space-separated text into lower-case word tokens with their source spans, resolving the punctuation
/// that carries meaning in numbers ("4.5", "4,521", "9:30", "$5", "15%", "a.m.") and dropping the rest.
/// </summary>
internal static class WordScanner
{
    /// <summary>Prefix of a currency marker token; the scanner never puts '$' inside a word, so it cannot clash.</summary>
    public const char CurrencyMarker = '$';

    private enum Run
    {
        None,
        Letters,
        Digits,
    }

    public static List<Token> Scan(string text)
    {
        var tokens = new List<Token>(text.Length / 4 + 4);
        var word = new StringBuilder(16);
        var run = Run.None;
        var wordStart = 0;
        var wordEnd = 0;
        var n = text.Length;
        var i = 0;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(new Token(word.ToString(), wordStart, wordEnd));
                word.Clear();
            }

            run = Run.None;
        }

        void Append(char c, int at, Run kind)
        {
            if (word.Length == 0)
            {
                wordStart = at;
            }

            word.Append(c);
            wordEnd = at + 1;
            run = kind;
        }

        while (i < n)
        {
            var c = text[i];
            if (IsApostrophe(c))
            {
                // "don't" -> "dont", "o'clock" -> "oclock": an apostrophe joins, never splits.
                i++;
                continue;
            }

            if (IsAsciiDigit(c))
            {
                if (run == Run.Letters)
                {
                    Flush();
                }

                Append(c, i, Run.Digits);
                i++;
                continue;
            }

            if (char.IsLetter(c))
            {
                if (run != Run.Letters && IsMeridiem(text, i, out var length))
                {
                    Flush();
                    tokens.Add(new Token(char.ToLowerInvariant(c) == 'a' ? "am" : "pm", i, i + length));
                    i += length;
                    continue;
                }

                if (run == Run.Digits)
                {
                    if (IsOrdinalSuffix(text, i))
                    {
                        // One canonical suffix for every ordinal: "1st", "2nd", "3rd", "15th" -> "Nth".
                        word.Append("th");
                        wordEnd = i + 2;
                        Flush();
                        i += 2;
                        continue;
                    }

                    Flush();
                }

                Append(char.ToLowerInvariant(c), i, Run.Letters);
                i++;
                continue;
            }

            var nextIsDigit = i + 1 < n && IsAsciiDigit(text[i + 1]);
            if (run == Run.Digits && nextIsDigit)
            {
                if (c == '.')
                {
                    Flush();
                    tokens.Add(new Token("point", i, i + 1));
                    i++;
                    continue;
                }

                if (c == ',' && IsThousandsGroup(text, i + 1))
                {
                    i++;
                    continue;
                }

                if (c == ':')
                {
                    // "9:00" is "nine o'clock": the zero minutes say nothing.
                    if (i + 2 < n && text[i + 1] == '0' && text[i + 2] == '0' && (i + 3 == n || !IsAsciiDigit(text[i + 3])))
                    {
                        Flush();
                        i += 3;
                        continue;
                    }

                    Flush();
                    i++;
                    continue;
                }
            }

            Flush();
            switch (c)
            {
                case '%':
                    tokens.Add(new Token("percent", i, i + 1));
                    break;
                case '$':
                    tokens.Add(new Token(CurrencyMarker + "dollars", i, i + 1));
                    break;
                case '£':
                    tokens.Add(new Token(CurrencyMarker + "pounds", i, i + 1));
                    break;
                case '€':
                    tokens.Add(new Token(CurrencyMarker + "euros", i, i + 1));
                    break;
                default:
                    break;
            }

            i++;
        }

        Flush();
        return tokens;
    }

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4';

    private static bool IsMeridiem(string text, int i, out int length)
    {
        length = 0;
        var c = char.ToLowerInvariant(text[i]);
        if (c is not ('a' or 'p') || i + 2 >= text.Length || text[i + 1] != '.' || char.ToLowerInvariant(text[i + 2]) != 'm')
        {
            return false;
        }

        var end = i + 3;
        if (end < text.Length && text[end] == '.')
        {
            end++;
        }

        if (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return false;
        }

        length = end - i;
        return true;
    }

    private static bool IsOrdinalSuffix(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return false;
        }

        var a = char.ToLowerInvariant(text[i]);
        var b = char.ToLowerInvariant(text[i + 1]);
        var suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
        return suffix && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]));
    }

    private static bool IsThousandsGroup(string text, int i) =>
        i + 2 < text.Length
        && IsAsciiDigit(text[i]) && IsAsciiDigit(text[i + 1]) && IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !IsAsciiDigit(text[i + 3]));
}
