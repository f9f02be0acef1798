using System.Text;
using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios;

namespace QaShopper.Simulation;

/// <summary>
/// Exact containment of checklist phrases in the lines the simulation wrote (lower case, punctuation as spaces).
/// Used to check that the call-centre file's lines do what they claim; never to score a call.
/// </summary>
internal static class PhraseText
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.ToLowerInvariant().Replace('\u2019', '\''))
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }

        var collapsed = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return $" {collapsed} ";
    }

    public static bool Contains(string text, string phrase) =>
        Normalize(text).Contains(Normalize(phrase), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> on its own would satisfy the item's check.</summary>
    public static bool Satisfies(string text, ItemCheck check) => check switch
    {
        AnyPhraseCheck any => any.Phrases.Any(p => Contains(text, p)),
        AllPhrasesCheck all => all.Phrases.All(p => Contains(text, p)),
        RegexCheck regex => Regex.IsMatch(text, regex.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        _ => false,
    };

    /// <summary>Whether <paramref name="text"/> holds any part of what the item looks for (for <c>none</c>: a forbidden phrase).</summary>
    public static bool Touches(string text, ItemCheck check) => check switch
    {
        AnyPhraseCheck any => any.Phrases.Any(p => Contains(text, p)),
        AllPhrasesCheck all => all.Phrases.Any(p => Contains(text, p)),
        NoPhraseCheck none => none.Phrases.Any(p => Contains(text, p)),
        RegexCheck => Satisfies(text, check),
        _ => false,
    };
}
