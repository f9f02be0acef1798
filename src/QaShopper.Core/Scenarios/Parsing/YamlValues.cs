using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>Typed reads of YAML nodes that report a positioned diagnostic instead of throwing.</summary>
internal static class YamlValues
{
    public const string QuoteTemplateMessage =
        "a value starting with '{{' must be quoted, e.g. say: \"{{pick 'a' 'b'}} ...\"";

    /// <summary>The known fields of a mapping by name; unknown and non-text keys are reported.</summary>
    public static Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> Fields(
        ParseContext context, YamlMappingNode mapping, IReadOnlyCollection<string> known, string where)
    {
        var fields = new Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode key || key.Value is null)
            {
                context.Report(keyNode, $"a field name in {where} must be a text");
                continue;
            }

            if (!known.Contains(key.Value))
            {
                context.Report(key, UnknownFieldMessage(key.Value, known, where));
                continue;
            }

            fields[key.Value] = new(key, value);
        }

        return fields;
    }

    public static string UnknownFieldMessage(string name, IReadOnlyCollection<string> known, string where)
    {
        var suggestion = FieldSuggester.Closest(name, known);
        return suggestion is null
            ? $"unknown field '{name}' in {where}; expected one of: {string.Join(", ", known)}"
            : $"unknown field '{name}' in {where}; did you mean '{suggestion}'?";
    }

    /// <summary>True for an absent value: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };

    /// <summary>A non-empty text.</summary>
    public static string? Text(ParseContext context, YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            if (string.IsNullOrEmpty(scalar.Value))
            {
                context.Report(node, $"'{field}' must not be empty");
                return null;
            }

            return scalar.Value;
        }

        if (IsNull(node))
        {
            context.Report(node, $"'{field}' must not be empty; expected a text");
        }
        else if (context.StartsWithTemplate(node))
        {
            context.Report(node, QuoteTemplateMessage);
        }
        else
        {
            context.Report(node, $"'{field}' must be a text, not {Describe(node)}");
        }

        return null;
    }

    /// <summary>A number written as a plain scalar (quoted numbers are texts to YAML and to the schema).</summary>
    public static double? Number(ParseContext context, YamlNode node, string field, string example)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
            && scalar.Value is { Length: > 0 } text
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        context.Report(node, $"'{field}' must be a number, e.g. {example}; got {Describe(node)}");
        return null;
    }

    public static bool? Boolean(ParseContext context, YamlNode node, string field)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text })
        {
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        context.Report(node, $"'{field}' must be true or false; got {Describe(node)}");
        return null;
    }

    /// <summary>A duration such as <c>500ms</c>, <c>1.5s</c> or <c>1m30s</c>.</summary>
    public static TimeSpan? Duration(ParseContext context, YamlNode node, string field, bool mustBePositive)
    {
        if (node is not YamlScalarNode scalar || IsNull(node))
        {
            context.Report(node, $"'{field}' must be a duration, e.g. 10s; got {Describe(node)}");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        switch (DurationParser.Parse(text, out var value))
        {
            case DurationProblem.None:
                if (mustBePositive && value <= TimeSpan.Zero)
                {
                    context.Report(node, $"'{field}' must be greater than zero; got '{text}'");
                    return null;
                }

                return value;
            case DurationProblem.MissingUnit:
                context.Report(node, $"duration '{text}' for '{field}' needs a unit, e.g. 10s (units: ms, s, m, h)");
                return null;
            case DurationProblem.TooLong:
                context.Report(node, $"duration '{text}' for '{field}' is too long");
                return null;
            default:
                context.Report(node, $"invalid duration '{text}' for '{field}'; expected a number and a unit (ms, s, m, h), e.g. 500ms, 10s, 1.5s, 1m30s");
                return null;
        }
    }

    /// <summary>A non-empty list of non-empty texts.</summary>
    public static List<(string Text, YamlScalarNode Node)>? Phrases(ParseContext context, YamlNode node, string field)
    {
        if (node is not YamlSequenceNode sequence)
        {
            var found = context.StartsWithTemplate(node) ? null : Describe(node);
            context.Report(node, found is null
                ? QuoteTemplateMessage
                : $"'{field}' must be a list of phrases, e.g. [\"thank you for calling\"]; got {found}");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            context.Report(node, $"'{field}' must list at least one phrase");
            return null;
        }

        var phrases = new List<(string, YamlScalarNode)>();
        var ok = true;
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode scalar && !IsNull(child) && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                phrases.Add((scalar.Value, scalar));
                continue;
            }

            ok = false;
            if (context.StartsWithTemplate(child))
            {
                context.Report(child, QuoteTemplateMessage);
            }
            else if (child is YamlScalarNode)
            {
                context.Report(child, $"a phrase in '{field}' must not be empty");
            }
            else
            {
                context.Report(child, $"a phrase in '{field}' must be a text, not {Describe(child)}");
            }
        }

        return ok ? phrases : null;
    }
}
