using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>The text being parsed and the problems found so far; every section parser reports here.</summary>
internal sealed class ParseContext(string fileName, string source)
{
    private readonly List<ScenarioDiagnostic> diagnostics = [];
    private int[]? lineStarts;

    public string FileName => fileName;

    public string Source => source;

    public bool HasErrors => diagnostics.Count > 0;

    public int ErrorCount => diagnostics.Count;

    /// <summary>Diagnostics in file order; discovery order is kept for problems at the same position.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics =>
        [.. diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)];

    public void Report(SourcePosition position, string message) =>
        diagnostics.Add(new ScenarioDiagnostic(fileName, position, message));

    public void Report(Mark mark, string message) => Report(ToPosition(mark), message);

    public void Report(YamlNode node, string message) => Report(node.Start, message);

    public static SourcePosition ToPosition(Mark mark) => new(checked((int)mark.Line), checked((int)mark.Column));

    /// <summary>The 1-based line and column of a character offset in <see cref="Source"/>.</summary>
    public SourcePosition PositionAt(int index)
    {
        lineStarts ??= ComputeLineStarts(source);
        var line = Array.BinarySearch(lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, index - lineStarts[line] + 1);
    }

    /// <summary>True when the node's text in the file starts with <c>{{</c>: YAML read a template as a flow mapping.</summary>
    public bool StartsWithTemplate(YamlNode node)
    {
        var index = checked((int)node.Start.Index);
        return index >= 0 && index + 1 < source.Length && source[index] == '{' && source[index + 1] == '{';
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
