using QaShopper.Core.Templates;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>Checks that every <c>{{ ... }}</c> of a template names a known variable or is a valid <c>pick</c>.</summary>
internal static class TemplateChecker
{
    public static void Check(ParseContext context, YamlScalarNode node, string template, IReadOnlyList<string> known)
    {
        var searchFrom = checked((int)node.Start.Index);
        var rawEnd = Math.Min(checked((int)node.End.Index), context.Source.Length);
        var expressions = TemplateScanner.Scan(template);
        var positions = expressions.Select(e => Locate(context, node, template, e, ref searchFrom, rawEnd)).ToList();
        var reported = false;
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            string? message = expression.Problem;
            if (message is null && expression.Variable is { } variable && !known.Contains(variable))
            {
                var list = known.Count == 0 ? "(none)" : string.Join(", ", known);
                message = $"unknown template variable '{variable}'; known: {list}";
            }

            if (message is not null)
            {
                context.Report(positions[i], message);
                reported = true;
            }
        }

        if (reported)
        {
            return;
        }

        // Scriban renders the text, so it must read it as the scanner did; its problems are placed at the
        // expression they fall in (positions inside the file are only known per expression).
        foreach (var problem in ScribanSubset.Check(template, expressions))
        {
            var at = expressions.Count(e => e.Offset <= problem.Offset) - 1;
            context.Report(at >= 0 ? positions[at] : ParseContext.ToPosition(node.Start), problem.Message);
        }
    }

    /// <summary>
    /// Finds the expression's own text in the file so the column points at it; escapes in a
    /// double-quoted scalar can make the raw text differ, in which case the scalar's start will do.
    /// </summary>
    private static SourcePosition Locate(
        ParseContext context, YamlScalarNode node, string template, TemplateExpression expression, ref int searchFrom, int rawEnd)
    {
        var text = template.Substring(expression.Offset, expression.Length);
        if (searchFrom < rawEnd)
        {
            var found = context.Source.IndexOf(text, searchFrom, rawEnd - searchFrom, StringComparison.Ordinal);
            if (found >= 0)
            {
                searchFrom = found + text.Length;
                return context.PositionAt(found);
            }
        }

        return ParseContext.ToPosition(node.Start);
    }
}
