using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>The scenario's top-level fields; delegates script, checklist and grades to their parsers.</summary>
internal static partial class TopLevelParser
{
    private static readonly string[] ReservedNames = ["caller", "pick", "this", "else"];

    public static Scenario? Parse(ParseContext context, YamlMappingNode root, string contentHash, string sourcePath)
    {
        var fields = YamlValues.Fields(context, root, ScenarioFields.TopLevel, "the scenario");
        foreach (var required in ScenarioFields.TopLevelRequired)
        {
            if (!fields.ContainsKey(required))
            {
                context.Report(root, $"missing required field '{required}'");
            }
        }

        var id = Get(fields, "id") is { } idNode ? ReadId(context, idNode) : null;
        var title = Get(fields, "title") is { } titleNode ? ReadTitle(context, titleNode) : null;
        var locale = Get(fields, "locale") is { } localeNode ? ReadLocale(context, localeNode) : null;
        var description = Get(fields, "description") is { } descriptionNode && !YamlValues.IsNull(descriptionNode)
            ? YamlValues.Text(context, descriptionNode, "description")
            : null;

        var variables = Get(fields, "variables") is { } variablesNode
            ? ReadMap(context, variablesNode, "variables", isCaller: false)
            : [];
        var variableNames = variables.Select(v => v.Key).ToList();

        var caller = Get(fields, "caller") is { } callerNode
            ? ReadMap(context, callerNode, "caller", isCaller: true)
            : [];

        // Caller fields are rendered first, from the variables and pick; everything else may use them too.
        foreach (var (_, value, node) in caller)
        {
            TemplateChecker.Check(context, node, value, variableNames);
        }

        IReadOnlyList<string> known = [.. variableNames, .. caller.Select(c => $"caller.{c.Key}")];

        var script = Get(fields, "script") is { } scriptNode ? ScriptParser.Parse(context, scriptNode, known) : null;
        var checklist = Get(fields, "checklist") is { } checklistNode ? ChecklistParser.Parse(context, checklistNode, known) : null;
        var grades = Get(fields, "grades") is { } gradesNode ? GradesParser.Parse(context, gradesNode) : GradeThresholds.Default;

        if (context.HasErrors || id is null || title is null || locale is null || script is null || checklist is null || grades is null)
        {
            return null;
        }

        return new Scenario(
            id,
            title,
            locale,
            description,
            new CallerPersona(caller.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal)),
            variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            script,
            checklist,
            grades,
            contentHash,
            sourcePath)
        {
            IdPosition = ParseContext.ToPosition(fields["id"].Value.Start),
        };
    }

    private static YamlNode? Get(Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string name) =>
        fields.TryGetValue(name, out var field) ? field.Value : null;

    private static string? ReadId(ParseContext context, YamlNode node)
    {
        var id = YamlValues.Text(context, node, "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Report(node, $"invalid scenario id '{id}'; expected lower-case letters, digits and '-', e.g. branch-saturday-hours");
            return null;
        }

        return id;
    }

    private static string? ReadTitle(ParseContext context, YamlNode node)
    {
        var title = YamlValues.Text(context, node, "title");
        if (title is not null && title.TrimEnd('\n').Contains('\n', StringComparison.Ordinal))
        {
            context.Report(node, "'title' must be one line; put longer text in 'description'");
            return null;
        }

        return title?.TrimEnd('\n');
    }

    private static string? ReadLocale(ParseContext context, YamlNode node)
    {
        var locale = YamlValues.Text(context, node, "locale");
        if (locale is not null && !LocalePattern().IsMatch(locale))
        {
            context.Report(node, $"invalid locale '{locale}'; expected a BCP-47 language tag such as en-US, zh-CN or ja");
            return null;
        }

        return locale;
    }

    /// <summary>A flat mapping of names to texts: <c>variables</c> or <c>caller</c>.</summary>
    private static List<(string Key, string Value, YamlScalarNode Node)> ReadMap(ParseContext context, YamlNode node, string field, bool isCaller)
    {
        var entries = new List<(string, string, YamlScalarNode)>();
        if (YamlValues.IsNull(node))
        {
            return entries;
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, $"'{field}' must be a mapping of names to texts, e.g. {field}:\n  name: value; got {YamlValues.Describe(node)}");
            return entries;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || !NamePattern().IsMatch(key))
            {
                context.Report(keyNode, $"invalid name {YamlValues.Describe(keyNode)} in '{field}'; a name starts with a letter and has only letters, digits and '_'");
                continue;
            }

            if (!isCaller && ReservedNames.Contains(key))
            {
                context.Report(keyNode, $"'{key}' is reserved in templates and cannot be a variable name");
                continue;
            }

            var text = YamlValues.Text(context, value, $"{field}.{key}");
            if (text is not null && value is YamlScalarNode scalar)
            {
                entries.Add((key, text, scalar));
            }
        }

        return entries;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // language (2-3 letters), optional script, region and variants: enough to catch "english" or "en_US".
    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
