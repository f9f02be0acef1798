using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios;

/// <summary>Reads scenario YAML into a <see cref="Scenario"/>, reporting every problem with its position.</summary>
public static partial class ScenarioParser
{
    /// <summary>
    /// Parses and validates one scenario's text. <paramref name="fileName"/> is used in diagnostics and
    /// becomes <see cref="Scenario.SourcePath"/>. Every problem found is reported, not only the first;
    /// the result carries a scenario only when there is none.
    /// </summary>
    public static ScenarioLoadResult Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);

        var text = Normalize(yaml);
        var context = new ParseContext(fileName, text);
        var root = LoadSingleMapping(context, "scenario", ScenarioFields.TopLevelRequired);
        if (root is null)
        {
            return new ScenarioLoadResult(null, context.Diagnostics);
        }

        var scenario = TopLevelParser.Parse(context, root, ComputeContentHash(text), fileName);
        return new ScenarioLoadResult(context.HasErrors ? null : scenario, context.Diagnostics);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the text with a leading BOM removed and CRLF turned into LF, so that a
    /// file checked out on Windows and on Linux pins results to the same version.
    /// </summary>
    public static string ComputeContentHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(text))));
    }

    internal static string Normalize(string text)
    {
        var withoutBom = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        return withoutBom.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Loads a file that must hold exactly one YAML document whose root is a mapping; syntax errors, an empty file,
    /// a second document and a non-mapping root are reported. <paramref name="noun"/> names what the file holds
    /// ("scenario", "campaign") and <paramref name="requiredFields"/> are listed in the messages.
    /// </summary>
    internal static YamlMappingNode? LoadSingleMapping(ParseContext context, string noun, IReadOnlyList<string> requiredFields)
    {
        if (!YamlInputLimits.CheckText(context))
        {
            return null;
        }

        var stream = new YamlStream();
        var parser = YamlInputLimits.LimitDepth(new Parser(new StringReader(context.Source)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlInputLimits.TooDeepException ex)
        {
            context.Report(ex.Start, ex.Reason);
            return null;
        }
        catch (YamlException ex)
        {
            ReportSyntaxError(context, ex);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The node builder refuses some event orders the parser lets through (a key where a value must be).
            context.Report(parser.Last, "YAML syntax error: the structure after this point is not a valid mapping or sequence; check the indentation and the ': ' and '- ' marks");
            return null;
        }

        if (stream.Documents.Count == 0 || YamlValues.IsNull(stream.Documents[0].RootNode))
        {
            var expected = $"{string.Join(", ", requiredFields.Take(requiredFields.Count - 1))} and {requiredFields[^1]}";
            context.Report(new SourcePosition(1, 1), $"the file is empty; expected a {noun} with {expected}");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Report(stream.Documents[1].RootNode, $"a file holds one {noun}; found a second YAML document");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var rootNode = stream.Documents[0].RootNode;
            context.Report(rootNode, $"a {noun} must be a mapping of fields ({string.Join(", ", requiredFields)}); got {YamlValues.Describe(rootNode)}");
            return null;
        }

        return root;
    }

    /// <summary>
    /// An unquoted value starting with '{{' is a flow mapping to YAML and usually breaks the syntax a
    /// few characters later; name that cause rather than the scanner's message about braces.
    /// </summary>
    private static void ReportSyntaxError(ParseContext context, YamlException ex)
    {
        var position = ParseContext.ToPosition(ex.Start);
        var errorIndex = Math.Clamp(checked((int)ex.Start.Index), 0, context.Source.Length);
        var lineEnd = context.Source.IndexOf('\n', errorIndex);
        var searchEnd = lineEnd < 0 ? context.Source.Length : lineEnd;
        var previousLine = Math.Max(1, position.Line - 1);
        foreach (Match match in UnquotedTemplate().Matches(context.Source[..searchEnd]))
        {
            var at = context.PositionAt(match.Index + match.Length - 2);
            if (at.Line >= previousLine)
            {
                context.Report(at, YamlValues.QuoteTemplateMessage);
                return;
            }
        }

        var message = MarkPrefix().Replace(ex.Message, string.Empty);
        context.Report(position, $"YAML syntax error: {message}");
    }

    // '{{' where a plain value starts: after "key:", "- ", '[', ',' or '{' (quoted values start with a quote).
    [GeneratedRegex(@"(?:^|[:\[,{-])[ \t]*\{\{", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex UnquotedTemplate();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();
}
