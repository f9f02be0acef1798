using QaShopper.Core.Attribution;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Calls;

/// <summary>
/// How the scenario expects agents to give their name, spelled out with each roster name: the literal forms of its
/// name pattern ("(this is|you're speaking with) (?&lt;agent&gt;[a-z]+)" → "this is fiona", "you're speaking with fiona").
/// The recogniser gets them as context, so it expects the introductions this scenario's agents actually use rather
/// than a fixed few. Patterns too complex to spell out (classes, repeats, optional parts) add nothing.
/// </summary>
public static class NameIntroductions
{
    /// <summary>No more forms than this per pattern: a context, not a grammar.</summary>
    public const int MaxFormsPerPattern = 16;

    /// <summary>The introductions of every name item with an <c>agent</c> group, for each first name in <paramref name="names"/>.</summary>
    public static IReadOnlyList<string> Of(Scenario scenario, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(names);
        var firstNames = names
            .Select(FirstNames.Of)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return [.. scenario.Checklist
            .Select(i => i.Check)
            .OfType<RegexCheck>()
            .Where(r => r.Pattern.Contains(AgentGroup, StringComparison.Ordinal))
            .SelectMany(r => Forms(r.Pattern) ?? [])
            .SelectMany(form => firstNames.Select(name => form.Replace(NameSlot, name, StringComparison.Ordinal).Trim()))
            .Distinct(StringComparer.Ordinal)];
    }

    private const string AgentGroup = "(?<agent>";

    private const string NameSlot = "\u0001";

    /// <summary>The literal forms of a pattern with the name's place marked, or null when the pattern is not plain words, groups and alternatives.</summary>
    internal static IReadOnlyList<string>? Forms(string pattern)
    {
        var forms = Expand(pattern);
        return forms is not null && forms.Any(f => f.Contains(NameSlot, StringComparison.Ordinal)) ? forms : null;
    }

    /// <summary>Every literal form of <paramref name="pattern"/>: its top-level alternatives, each a sequence of words and groups.</summary>
    private static List<string>? Expand(string pattern)
    {
        var forms = new List<string>();
        foreach (var alternative in TopLevel(pattern, '|'))
        {
            if (Sequence(alternative) is not { } expanded)
            {
                return null;
            }

            forms.AddRange(expanded);
            if (forms.Count > MaxFormsPerPattern)
            {
                return null;
            }
        }

        return forms;
    }

    private static List<string>? Sequence(string text)
    {
        List<string> forms = [string.Empty];
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '(')
            {
                var end = ClosingParenthesis(text, i);
                if (end < 0 || (end + 1 < text.Length && text[end + 1] is '?' or '*' or '+' or '{'))
                {
                    return null;
                }

                var inner = text[(i + 1)..end];
                List<string>? parts = inner.StartsWith("?<agent>", StringComparison.Ordinal) ? [NameSlot]
                    : Expand(inner.StartsWith("?:", StringComparison.Ordinal) ? inner[2..] : inner);
                if (parts is null)
                {
                    return null;
                }

                forms = [.. forms.SelectMany(f => parts.Select(p => f + p))];
                i = end + 1;
            }
            else if (text.AsSpan(i).StartsWith("\\s+", StringComparison.Ordinal))
            {
                forms = [.. forms.Select(f => f + " ")];
                i += 3;
            }
            else if (IsLiteral(text[i]) && !(i + 1 < text.Length && text[i + 1] is '?' or '*' or '+' or '{'))
            {
                var c = text[i];
                forms = [.. forms.Select(f => f + c)];
                i++;
            }
            else
            {
                return null;
            }

            if (forms.Count > MaxFormsPerPattern)
            {
                return null;
            }
        }

        return forms;
    }

    /// <summary><paramref name="text"/> split at <paramref name="separator"/> outside parentheses.</summary>
    private static IEnumerable<string> TopLevel(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0 && text[i] == separator)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool IsLiteral(char c) => char.IsLetter(c) || c is ' ' or '\'' || char.IsAsciiDigit(c);

    private static int ClosingParenthesis(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
                continue;
            }

            depth += pattern[i] == '(' ? 1 : pattern[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
