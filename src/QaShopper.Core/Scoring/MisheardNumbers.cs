using System.Globalization;

namespace QaShopper.Core.Scoring;

/// <summary>
/// Whether numbers heard where others were expected may be those others misheard rather than other information: a
/// recogniser that loses or swaps one spoken word of a number ("two" or "fifty two" for "sixty two", "thirty" for
/// "eight thirty") leaves most of the right one, and "-teen" and "-ty" ("fifteen", "fifty") are the pair a phone line
/// blurs. Other information is another number altogether: "ten to fourteen" for "five to seven", "six pounds" for "two
/// pounds", "eighty" for "sixty two" (every wrong answer of the tuning set is of that kind); and a word more than
/// expected ("six two pounds" for "two pounds", the domain model adding the expected word to a wrong answer) is one.
/// </summary>
internal static class MisheardNumbers
{
    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>True when every one of <paramref name="stated"/> may be one of <paramref name="expected"/> misheard (digit tokens as the normaliser writes them).</summary>
    public static bool MayBeMisheard(IReadOnlyCollection<string> stated, IReadOnlyCollection<string> expected) =>
        stated.Count > 0 && stated.All(s => expected.Any(e => MayBe(SpokenWords(s).ToList(), SpokenWords(e).ToList())));

    /// <summary>
    /// A word lost (what was heard is part of what was expected: "two" of "sixty two", "thirty" of "eight thirty"), one
    /// word of several swapped ("fifty two" for "sixty two"), or a "-teen" for its "-ty". A word more than expected is
    /// not a mishearing of it: "six two" for "two" says "six".
    /// </summary>
    private static bool MayBe(List<string> heard, List<string> said)
    {
        if (heard.Count == 0 || said.Count == 0)
        {
            return false;
        }

        if (heard.Count == 1 && said.Count == 1)
        {
            return Alike(heard[0], said[0]);
        }

        if (heard.Count == said.Count)
        {
            return heard.Zip(said).Count(p => !Alike(p.First, p.Second)) <= 1;
        }

        var left = new List<string>(said);
        return heard.Count < said.Count && heard.All(left.Remove);
    }

    /// <summary>How a digit token is said, without the scale words ("hundred", "thousand") every large number shares.</summary>
    internal static IEnumerable<string> SpokenWords(string token)
    {
        var digits = token.EndsWith("th", StringComparison.Ordinal) ? token[..^2] : token;
        if (digits.Length == 0 || digits.Length > 9 || !digits.All(char.IsAsciiDigit))
        {
            return [];
        }

        return Say(long.Parse(digits, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> Say(long value)
    {
        if (value < Small.Length)
        {
            return [Small[value]];
        }

        if (value < 100)
        {
            return value % 10 == 0 ? [Tens[value / 10]] : [Tens[value / 10], Small[value % 10]];
        }

        var scale = value < 1000 ? 100L : value < 1_000_000 ? 1000L : 1_000_000L;
        return value % scale == 0 ? Say(value / scale) : [.. Say(value / scale), .. Say(value % scale)];
    }

    private static bool Alike(string a, string b) =>
        a == b || TeenOfTy(a) == b || TeenOfTy(b) == a;

    /// <summary>"fifteen" for "fifty" and back: the same value's "-teen" word for a "-ty" word, else null.</summary>
    private static string? TeenOfTy(string word)
    {
        var tens = Array.IndexOf(Tens, word);
        return tens >= 3 ? Small[10 + tens] : null;
    }
}
