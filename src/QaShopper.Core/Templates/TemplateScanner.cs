namespace QaShopper.Core.Templates;

/// <summary>One <c>{{ ... }}</c> in a template.</summary>
/// <param name="Offset">Index of the opening braces in the template text.</param>
/// <param name="Length">Length including the braces.</param>
/// <param name="Variable">The variable path (<c>branch</c>, <c>caller.name</c>) when the expression is one.</param>
/// <param name="Choices">The alternatives of a <c>pick</c>, otherwise empty.</param>
/// <param name="Problem">Why the expression is not supported, when it is not.</param>
internal sealed record TemplateExpression(
    int Offset,
    int Length,
    string? Variable,
    IReadOnlyList<string> Choices,
    string? Problem)
{
    public bool IsPick => Variable is null && Problem is null;
}

/// <summary>
/// Reads the expressions of a template without Scriban, so that the parser can validate the small
/// subset scenarios may use (a variable, <c>caller.KEY</c>, <c>pick 'a' 'b'</c>) and point at the culprit.
/// </summary>
internal static class TemplateScanner
{
    public const string PickName = "pick";

    public static IReadOnlyList<TemplateExpression> Scan(string template)
    {
        var expressions = new List<TemplateExpression>();
        var index = 0;
        while ((index = template.IndexOf("{{", index, StringComparison.Ordinal)) >= 0)
        {
            var close = template.IndexOf("}}", index + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                expressions.Add(new(index, template.Length - index, null, [], "'{{' is not closed; expected '}}'"));
                break;
            }

            var end = close + 2;
            var innerStart = index + 2;

            // Handlebars' triple-stash {{{x}}} (no escaping) is an object literal to Scriban; scenario text is never escaped.
            if (innerStart < close && template[innerStart] == '{' && end < template.Length && template[end] == '}')
            {
                var inner3 = template[(innerStart + 1)..close].Trim();
                expressions.Add(new(index, end + 1 - index, null, [], $"'{{{{{{{inner3}}}}}}}' is not supported; write '{{{{{inner3}}}}}' (scenario text is never escaped)"));
                index = end + 1;
                continue;
            }

            var inner = template[innerStart..close];
            expressions.Add(Classify(index, end - index, inner));
            index = end;
        }

        return expressions;
    }

    private static TemplateExpression Classify(int offset, int length, string inner)
    {
        var tokens = Tokenize(inner, out var tokenProblem);
        if (tokenProblem is not null)
        {
            return new(offset, length, null, [], tokenProblem);
        }

        if (tokens.Count == 0)
        {
            return new(offset, length, null, [], "empty template expression '{{}}'");
        }

        var (first, firstQuoted) = tokens[0];
        if (!firstQuoted && first == PickName)
        {
            if (tokens.Count < 2 || tokens.Skip(1).Any(t => !t.Quoted))
            {
                return new(offset, length, null, [], "'pick' takes one or more quoted texts, e.g. {{pick 'a' 'b'}}");
            }

            return new(offset, length, null, [.. tokens.Skip(1).Select(t => t.Text)], null);
        }

        if (firstQuoted)
        {
            return new(offset, length, null, [], $"unsupported template expression '{{{{{inner.Trim()}}}}}'; use a variable, caller.KEY or pick");
        }

        if (tokens.Count > 1)
        {
            return new(offset, length, null, [], $"unknown template helper '{first}'; only 'pick' is supported");
        }

        return new(offset, length, first, [], null);
    }

    private static List<(string Text, bool Quoted)> Tokenize(string inner, out string? problem)
    {
        problem = null;
        var tokens = new List<(string, bool)>();
        var i = 0;
        while (i < inner.Length)
        {
            if (char.IsWhiteSpace(inner[i]))
            {
                i++;
                continue;
            }

            if (inner[i] is '\'' or '"')
            {
                var quote = inner[i];
                var closing = inner.IndexOf(quote, i + 1);
                if (closing < 0)
                {
                    problem = $"unterminated text {inner[i..]} in template expression; close it with {quote}";
                    return tokens;
                }

                tokens.Add((inner[(i + 1)..closing], true));
                i = closing + 1;
                continue;
            }

            var start = i;
            while (i < inner.Length && !char.IsWhiteSpace(inner[i]))
            {
                i++;
            }

            tokens.Add((inner[start..i], false));
        }

        return tokens;
    }
}
