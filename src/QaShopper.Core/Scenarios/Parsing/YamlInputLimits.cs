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

        if (FirstForbiddenCharacter(source) is { } forbidden)
        {
            var at = context.PositionAt(forbidden);
            context.Report(at, string.Create(CultureInfo.InvariantCulture,
                $"character U+{(int)source[forbidden]:X4} is not allowed in a YAML file (control characters, unpaired surrogates and U+FFFE/U+FFFF are not); remove it, or write it as an escape such as \\u{(int)source[forbidden]:x4} inside a double-quoted value"));
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

    /// <summary>
    /// The index of the first character YAML 1.1 does not allow in a stream (C0 and C1 controls other than tab, line
    /// breaks and NEL; unpaired surrogates; U+FFFE and U+FFFF), or null. YamlDotNet's scanner throws an exception
    /// without a position for some of them, so they are found here first.
    /// </summary>
    private static int? FirstForbiddenCharacter(string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                i++;
                continue;
            }

            var allowed = c switch
            {
                '\t' or '\n' or '\r' or '\u0085' => true,
                < ' ' => false,
                >= '\u007F' and <= '\u009F' => false,
                _ when char.IsSurrogate(c) => false,
                '\uFFFE' or '\uFFFF' => false,
                _ => true,
            };
            if (!allowed)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Wraps a parser so that nesting deeper than <see cref="MaxDepth"/> stops the load before the tree recurses.</summary>
    public static DepthLimitedParser LimitDepth(IParser parser) => new(parser);

    /// <summary>Raised by the wrapped parser at the collection that nests too deep, with its position.</summary>
    internal sealed class TooDeepException(Mark start, string reason) : YamlException(start, start, reason)
    {
        /// <summary>The message without YamlDotNet's position prefix (the diagnostic carries the position).</summary>
        public string Reason { get; } = reason;
    }

    /// <summary>A parser that counts nesting and remembers where the last event it read ended.</summary>
    internal sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int depth;
        private Mark last = Mark.Empty;

        /// <summary>Where the last event read ends: the best position for a failure without one.</summary>
        public Mark Last => last;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                if (!inner.MoveNext())
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
            {
                // YamlDotNet's scanner fails on some plain scalars with an exception that has no position: place it
                // after the last event read, which is where the value it could not read begins.
                throw new SyntaxErrorException(last, last, "a value after this point could not be read; quote it if it holds unusual characters");
            }

            last = inner.Current?.End ?? last;

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
