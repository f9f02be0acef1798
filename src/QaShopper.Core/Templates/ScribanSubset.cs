using Scriban.Parsing;
using Scriban.Syntax;

namespace QaShopper.Core.Templates;

/// <summary>A problem Scriban finds in a template text, at an index into that text.</summary>
internal readonly record struct TemplateProblem(int Offset, string Message);

/// <summary>
/// Checks that Scriban reads a template the way <see cref="TemplateScanner"/> did: the scanner gives the
/// messages and positions authors know, Scriban is what renders, and a text both accept must mean the same to
/// both (a variable named like a Scriban keyword, or a backslash escape in a quoted text, would not).
/// </summary>
internal static class ScribanSubset
{
    /// <summary>Problems of a template in which the scanner found none; empty when Scriban agrees with it.</summary>
    public static IReadOnlyList<TemplateProblem> Check(string template, IReadOnlyList<TemplateExpression> scanned)
    {
        if (scanned.Count == 0)
        {
            return [];
        }

        var parsed = TemplateEngine.Shared.Parse(template);
        if (parsed.HasErrors)
        {
            return [.. parsed.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => new TemplateProblem(Math.Clamp(m.Span.Start.Offset, 0, template.Length), $"template syntax error: {m.Message}"))];
        }

        var expressions = parsed.Page?.Body?.Statements.OfType<ScriptExpressionStatement>().Select(s => s.Expression).OfType<ScriptExpression>().ToList() ?? [];
        for (var i = 0; i < scanned.Count; i++)
        {
            if (i >= expressions.Count || !SameMeaning(scanned[i], expressions[i]))
            {
                var text = template.Substring(scanned[i].Offset, scanned[i].Length);
                return [new TemplateProblem(scanned[i].Offset, $"Scriban does not read '{text}' as a variable, caller.KEY or pick (is a name a Scriban keyword, or is there a '\\' in a quoted text?)")];
            }
        }

        return expressions.Count > scanned.Count
            ? [new TemplateProblem(expressions[scanned.Count].Span.Start.Offset, "unsupported template expression; use a variable, caller.KEY or pick")]
            : [];
    }

    private static bool SameMeaning(TemplateExpression scanned, ScriptExpression expression) => expression switch
    {
        ScriptVariableGlobal global => scanned.Variable == global.Name,
        ScriptMemberExpression { Target: ScriptVariableGlobal { Name: "caller" }, Member: ScriptVariable member } =>
            scanned.Variable == $"caller.{member.Name}",
        ScriptFunctionCall { Target: ScriptVariableGlobal { Name: TemplateScanner.PickName } } call =>
            scanned.IsPick && call.Arguments.Select(a => a is ScriptLiteral { Value: string s } ? s : null).SequenceEqual(scanned.Choices),
        _ => false,
    };
}
