using System.Globalization;
using System.Text;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Turns checklist phrases into what the keyphrase spotter can search for: lower-case words of the dictionary's
/// alphabet, digits spelled out. Phrases it cannot express (non-Latin scripts) are reported, not spotted.
/// </summary>
internal static class SpottablePhrases
{
    /// <summary>The phrase as dictionary-style words, or null with the reason it cannot be spotted.</summary>
    public static (string[]? Words, string? Reason) Prepare(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = new List<string>();
        foreach (var token in Tokens(phrase))
        {
            if (token.Any(c => c > 0x7F))
            {
                return (null, $"'{token}' is not in the Latin alphabet of the English model");
            }

            words.AddRange(token.Any(char.IsAsciiDigit) ? SpellDigits(token) : [token]);
        }

        return words.Count == 0 ? (null, "no words") : (words.ToArray(), null);
    }

    /// <summary>Lower-case words: letters, digits and inner apostrophes (<c>don't</c>); everything else separates.</summary>
    internal static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        var lower = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace('\u2019', '\'');
        for (var i = 0; i <= lower.Length; i++)
        {
            var c = i < lower.Length ? lower[i] : ' ';
            var inner = c == '\'' && word.Length > 0 && i + 1 < lower.Length && char.IsLetter(lower[i + 1]);
            if (char.IsLetterOrDigit(c) || inner)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary><c>48</c> → forty eight, <c>15th</c> → fifteenth, <c>9am</c> → nine am.</summary>
    internal static IEnumerable<string> SpellDigits(string token)
    {
        var i = 0;
        while (i < token.Length)
        {
            var start = i;
            var digits = char.IsAsciiDigit(token[i]);
            while (i < token.Length && char.IsAsciiDigit(token[i]) == digits)
            {
                i++;
            }

            var run = token[start..i];
            if (!digits)
            {
                yield return run;
                continue;
            }

            var number = run.Length > 9 ? 0 : long.Parse(run, CultureInfo.InvariantCulture);
            var spelled = run.Length > 9 ? run.Select(d => Units[d - '0']).ToList() : Cardinal(number);
            var suffix = i + 2 <= token.Length ? token[i..(i + 2)] : string.Empty;
            if (suffix is "st" or "nd" or "rd" or "th" && i + 2 == token.Length)
            {
                spelled[^1] = Ordinal(spelled[^1]);
                i += 2;
            }

            foreach (var word in spelled)
            {
                yield return word;
            }
        }
    }

    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static List<string> Cardinal(long n)
    {
        var words = new List<string>();
        if (n == 0)
        {
            words.Add("zero");
            return words;
        }

        foreach (var (scale, name) in new (long, string)[] { (1_000_000, "million"), (1_000, "thousand"), (1, "") })
        {
            var chunk = (int)(n / scale % 1000);
            if (chunk == 0)
            {
                continue;
            }

            if (chunk >= 100)
            {
                words.Add(Units[chunk / 100]);
                words.Add("hundred");
                chunk %= 100;
            }

            if (chunk >= 20)
            {
                words.Add(Tens[chunk / 10]);
                chunk %= 10;
                if (chunk > 0)
                {
                    words.Add(Units[chunk]);
                }
            }
            else if (chunk > 0)
            {
                words.Add(Units[chunk]);
            }

            if (name.Length > 0)
            {
                words.Add(name);
            }
        }

        return words;
    }

    private static string Ordinal(string cardinal) => cardinal switch
    {
        "one" => "first",
        "two" => "second",
        "three" => "third",
        "five" => "fifth",
        "eight" => "eighth",
        "nine" => "ninth",
        "twelve" => "twelfth",
        _ when cardinal.EndsWith('y') => cardinal[..^1] + "ieth",
        _ => cardinal + "th",
    };
}
