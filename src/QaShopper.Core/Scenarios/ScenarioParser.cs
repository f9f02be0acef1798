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
        var root = Load(context);
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

    private static YamlMappingNode? Load(ParseContext context)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(context.Source));
        }
        catch (YamlException ex)
        {
            ReportSyntaxError(context, ex);
            return null;
        }

        if (stream.Documents.Count == 0 || YamlValues.IsNull(stream.Documents[0].RootNode))
        {
            context.Report(new SourcePosition(1, 1), "the file is empty; expected a scenario with id, title, locale, script and checklist");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Report(stream.Documents[1].RootNode, "a file holds one scenario; found a second YAML document");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var rootNode = stream.Documents[0].RootNode;
            context.Report(rootNode, $"a scenario must be a mapping of fields (id, title, locale, script, checklist); got {YamlValues.Describe(rootNode)}");
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
