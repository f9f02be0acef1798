using System.Globalization;
using System.Text;

namespace QaShopper.Core.Text;

/// <summary>
/// Canonical form for languages written without spaces (Chinese, Japanese): no whitespace or punctuation,
/// lower-case latin, ASCII digits for full-width digits and Chinese numerals.
/// </summary>
internal static class CjkNormalizer
{
    private const string NumeralChars = "零〇一二两三四五六七八九十百千万幺";

    public static CanonicalText Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);

        void Add(char c, int start, int end)
        {
            builder.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is >= '\uFF10' and <= '\uFF19')
            {
                Add((char)('0' + (c - '\uFF10')), i, i + 1);
                i++;
            }
            else if (c is (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A'))
            {
                Add(char.ToLowerInvariant((char)(c - '\uFF01' + '!')), i, i + 1);
                i++;
            }
            else if (NumeralChars.Contains(c, StringComparison.Ordinal))
            {
                var end = i;
                while (end < text.Length && NumeralChars.Contains(text[end], StringComparison.Ordinal))
                {
                    end++;
                }

                foreach (var digit in ConvertNumeral(text.AsSpan(i, end - i)))
                {
                    Add(digit, i, end);
                }

                i = end;
            }
            else if (c == '.' && builder.Length > 0 && IsDigit(builder[^1]) && i + 1 < text.Length && IsDigitLike(text[i + 1]))
            {
                // "3.5" is read "三点五".
                Add('点', i, i + 1);
                i++;
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSeparator(c) || char.IsControl(c))
            {
                i++;
            }
            else
            {
                Add(char.ToLowerInvariant(c), i, i + 1);
                i++;
            }
        }

        return new CanonicalText(builder.ToString(), [.. starts], [.. ends]);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsDigitLike(char c) => IsDigit(c) || c is >= '\uFF10' and <= '\uFF19' || NumeralChars.Contains(c, StringComparison.Ordinal);

    private static int DigitOf(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '幺' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>"一零二四" (read digit by digit) -> "1024"; "一百零五" (positional) -> "105".</summary>
    private static string ConvertNumeral(ReadOnlySpan<char> run)
    {
        var positional = run.IndexOfAny("十百千万") >= 0;
        if (!positional)
        {
            var digits = new StringBuilder(run.Length);
            foreach (var c in run)
            {
                digits.Append((char)('0' + DigitOf(c)));
            }

            return digits.ToString();
        }

        long total = 0;
        long section = 0;
        long digit = 0;
        foreach (var c in run)
        {
            var unit = c switch
            {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10000,
                _ => 0,
            };
            if (unit == 0)
            {
                digit = DigitOf(c);
            }
            else if (unit == 10000)
            {
                total = (total + section + digit) * 10000;
                section = 0;
                digit = 0;
            }
            else
            {
                // "十五": a bare 十 means one ten.
                section += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            }
        }

        return (total + section + digit).ToString(CultureInfo.InvariantCulture);
    }
}
