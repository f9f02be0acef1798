using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>A checklist item's <c>match</c>: exactly one of any, all, none or regex.</summary>
internal static class MatchParser
{
    /// <summary>The scorer compiles patterns the same way; a pathological pattern must not hang validation.</summary>
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    internal const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static ItemCheck? Parse(ParseContext context, YamlNode node, IReadOnlyList<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, context.StartsWithTemplate(node)
                ? YamlValues.QuoteTemplateMessage
                : $"'match' must be a mapping with one of any, all, none or regex, e.g. {{ any: [\"welcome\"] }}; got {YamlValues.Describe(node)}");
            return null;
        }

        var fields = YamlValues.Fields(context, mapping, ScenarioFields.Match, "match");
        var kinds = fields.Values.Select(f => f.Key).OrderBy(k => k.Start.Index).ToList();
        if (kinds.Count == 0)
        {
            context.Report(mapping, "'match' needs exactly one of any, all, none or regex");
            return null;
        }

        if (kinds.Count > 1)
        {
            context.Report(kinds[1], $"'match' takes exactly one of any, all, none or regex; found '{kinds[0].Value}' and '{kinds[1].Value}'");
            return null;
        }

        var kind = kinds[0].Value!;
        var value = fields[kind].Value;
        if (kind == "regex")
        {
            return ParseRegex(context, value);
        }

        var phrases = YamlValues.Phrases(context, value, kind);
        if (phrases is null)
        {
            return null;
        }

        foreach (var (phrase, phraseNode) in phrases)
        {
            TemplateChecker.Check(context, phraseNode, phrase, known);
        }

        IReadOnlyList<string> texts = [.. phrases.Select(p => p.Text)];
        return kind switch
        {
            "any" => new AnyPhraseCheck(texts),
            "all" => new AllPhrasesCheck(texts),
            _ => new NoPhraseCheck(texts),
        };
    }

    private static RegexCheck? ParseRegex(ParseContext context, YamlNode node)
    {
        var pattern = YamlValues.Text(context, node, "regex");
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, PatternOptions, RegexTimeout);
            return new RegexCheck(pattern);
        }
        catch (ArgumentException ex)
        {
            context.Report(node, $"invalid regular expression: {ex.Message}");
            return null;
        }
    }
}
