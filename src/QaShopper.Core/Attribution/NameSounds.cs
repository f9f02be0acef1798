using System.Text;
using QaShopper.Core.Scoring;

namespace QaShopper.Core.Attribution;

/// <summary>
/// How alike two first names sound, from their spelling. A recogniser that mishears a name mostly keeps its
/// consonant skeleton and loses or swaps vowels ("sarah" → "sir", "connor" → "conner") or confuses a voiced
/// consonant with its unvoiced pair ("victor" → "fiktor"); the key below keeps exactly what survives that.
/// </summary>
/// <remarks>
/// Written here rather than taken from a package: the mirror serves no maintained phonetic library (SimMetrics.Net
/// 1.0.5 dates from 2018), and a first-name key of a dozen rules is smaller than an adapter to one.
/// </remarks>
public static class NameSounds
{
    /// <summary>
    /// The consonant skeleton of a name: a leading vowel kept as <c>A</c>, voiced consonants folded onto their
    /// unvoiced pair, digraphs collapsed, other vowels and h, w, y dropped, repeats merged ("sarah" and "sir" → "SR").
    /// </summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var letters = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        var key = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            var next = i + 1 < letters.Length ? letters[i + 1] : '\0';
            char? sound = c switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' => i == 0 ? 'A' : null,
                'y' => i == 0 && IsVowel(next) ? 'Y' : null,
                'h' or 'w' => i == 0 && IsVowel(next) ? char.ToUpperInvariant(c) : null,
                'p' when next == 'h' => 'F',
                'c' when next == 'h' => 'X',
                's' when next == 'h' => 'X',
                't' when next == 'h' => 'T',
                'c' => next is 'e' or 'i' or 'y' ? 'S' : 'K',
                'k' when i == 0 && next == 'n' => null,
                'g' or 'q' => 'K',
                'x' => 'K',
                'b' => 'P',
                'd' => 'T',
                'v' => 'F',
                'z' => 'S',
                'j' => 'J',
                _ => char.ToUpperInvariant(c),
            };

            // A digraph's second letter is spent.
            if ((c is 'p' or 'c' or 's' or 't') && next == 'h')
            {
                i++;
            }

            if (sound is { } s && (key.Length == 0 || key[^1] != s))
            {
                key.Append(s);
            }
        }

        return key.ToString();
    }

    /// <summary>0..1: how alike the names' keys are (edit distance over the longer key).</summary>
    public static double KeySimilarity(string a, string b) => Similarity(Key(a), Key(b));

    /// <summary>0..1: how alike the spellings are (edit distance over the longer name).</summary>
    public static double SpellingSimilarity(string a, string b) => Similarity(a.ToLowerInvariant(), b.ToLowerInvariant());

    private static double Similarity(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1.0 - ((double)ApproximateSearch.Distance(a, b) / longer);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
