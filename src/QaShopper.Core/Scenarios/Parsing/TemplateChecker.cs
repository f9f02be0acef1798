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
        foreach (var expression in TemplateScanner.Scan(template))
        {
            string? message = expression.Problem;
            if (message is null && expression.Variable is { } variable && !known.Contains(variable))
            {
                var list = known.Count == 0 ? "(none)" : string.Join(", ", known);
                message = $"unknown template variable '{variable}'; known: {list}";
            }

            if (message is null)
            {
                continue;
            }

            context.Report(Locate(context, node, template, expression, ref searchFrom, rawEnd), message);
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
