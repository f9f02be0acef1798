using System.Text;
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
            .Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .OfType<string>()
            .Select(n => n.ToLowerInvariant())
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

    /// <summary>The literal forms of a pattern with the name's place marked, or null when the pattern is not a plain alternation of words.</summary>
    internal static IReadOnlyList<string>? Forms(string pattern)
    {
        List<string> forms = [string.Empty];
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern.AsSpan(i).StartsWith(AgentGroup, StringComparison.Ordinal))
            {
                var end = ClosingParenthesis(pattern, i);
                if (end < 0)
                {
                    return null;
                }

                forms = [.. forms.Select(f => f + NameSlot)];
                i = end + 1;
                continue;
            }

            var c = pattern[i];
            if (c == '(')
            {
                var end = ClosingParenthesis(pattern, i);
                var inner = end < 0 ? null : pattern[(i + 1)..end];
                if (inner is null || (end + 1 < pattern.Length && pattern[end + 1] is '?' or '*' or '+' or '{'))
                {
                    return null;
                }

                inner = inner.StartsWith("?:", StringComparison.Ordinal) ? inner[2..] : inner;
                var alternatives = inner.Split('|');
                if (alternatives.Any(a => !IsLiteral(a)))
                {
                    return null;
                }

                forms = [.. forms.SelectMany(f => alternatives.Select(a => f + a))];
                if (forms.Count > MaxFormsPerPattern)
                {
                    return null;
                }

                i = end + 1;
                continue;
            }

            var run = new StringBuilder();
            while (i < pattern.Length && pattern[i] != '(')
            {
                if (pattern.AsSpan(i).StartsWith("\\s+", StringComparison.Ordinal))
                {
                    run.Append(' ');
                    i += 3;
                    continue;
                }

                if (!IsLiteral(pattern[i].ToString()) || (i + 1 < pattern.Length && pattern[i + 1] is '?' or '*' or '+' or '{'))
                {
                    return null;
                }

                run.Append(pattern[i]);
                i++;
            }

            forms = [.. forms.Select(f => f + run)];
        }

        return forms.Any(f => f.Contains(NameSlot, StringComparison.Ordinal)) ? forms : null;
    }

    private static bool IsLiteral(string text) => text.All(c => char.IsLetter(c) || c is ' ' or '\'' || char.IsAsciiDigit(c));

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
