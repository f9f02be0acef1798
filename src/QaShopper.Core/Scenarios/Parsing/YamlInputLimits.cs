using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>
/// Limits a scenario or campaign file must keep before it is parsed. Real files are a few KB with a nesting depth under
/// ten; the limits are far above that and far below what costs a user a hang, a stack overflow (YamlDotNet builds its
/// node tree recursively: about 20,000 nested '{' overflow the stack) or a slow suggestion search.
/// </summary>
internal static class YamlInputLimits
{
    /// <summary>The longest file read, in characters (1 MiB).</summary>
    public const int MaxChars = 1024 * 1024;

    /// <summary>The longest line, in characters.</summary>
    public const int MaxLineChars = 16 * 1024;

    /// <summary>The deepest nesting of mappings and sequences.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reports the first limit the text breaks, before any YAML is read; false when it breaks one.</summary>
    public static bool CheckText(ParseContext context)
    {
        var source = context.Source;
        if (source.Length > MaxChars)
        {
            context.Report(new SourcePosition(1, 1), string.Create(CultureInfo.InvariantCulture,
                $"the file has {source.Length} characters; a file holds at most {MaxChars} ({MaxChars / 1024} KiB)"));
            return false;
        }

        var lineStart = 0;
        var line = 1;
        while (lineStart <= source.Length)
        {
            var end = source.IndexOf('\n', lineStart);
            var length = (end < 0 ? source.Length : end) - lineStart;
            if (length > MaxLineChars)
            {
                context.Report(new SourcePosition(line, MaxLineChars + 1), string.Create(CultureInfo.InvariantCulture,
                    $"line {line} has {length} characters; a line holds at most {MaxLineChars}"));
                return false;
            }

            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
            line++;
        }

        return true;
    }

    /// <summary>Wraps a parser so that nesting deeper than <see cref="MaxDepth"/> stops the load before the tree recurses.</summary>
    public static IParser LimitDepth(IParser parser) => new DepthLimitedParser(parser);

    /// <summary>Raised by the wrapped parser at the collection that nests too deep, with its position.</summary>
    internal sealed class TooDeepException(Mark start, string reason) : YamlException(start, start, reason)
    {
        /// <summary>The message without YamlDotNet's position prefix (the diagnostic carries the position).</summary>
        public string Reason { get; } = reason;
    }

    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw new TooDeepException(inner.Current.Start, string.Create(CultureInfo.InvariantCulture,
                            $"mappings and sequences nest more than {MaxDepth} deep here; a file nests at most {MaxDepth} levels"));
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                default:
                    break;
            }

            return true;
        }
    }
}
