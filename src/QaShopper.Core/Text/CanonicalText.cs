namespace QaShopper.Core.Text;

/// <summary>
/// Text in canonical matching form plus, for every canonical character, the span of the original text it
/// came from, so a match found in canonical form can be reported in the speaker's own words.
/// </summary>
internal sealed class CanonicalText
{
    private readonly int[] _sourceStart;
    private readonly int[] _sourceEnd;

    public CanonicalText(string text, int[] sourceStart, int[] sourceEnd)
    {
        Text = text;
        _sourceStart = sourceStart;
        _sourceEnd = sourceEnd;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>The original-text span [start, end) covering canonical characters [start, end).</summary>
    public (int Start, int End) ToSource(int start, int end)
    {
        if (Text.Length == 0 || end <= start)
        {
            return (0, 0);
        }

        return (_sourceStart[start], _sourceEnd[end - 1]);
    }
}
