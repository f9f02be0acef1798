using QaShopper.Core.Results;
using QaShopper.Core.Transcripts;

namespace QaShopper.Web.Calls;

/// <summary>
/// Marks each item's evidence in the transcript: the matched text inside the segment it was heard in (same speaker,
/// overlapping time). Text the recogniser heard differently from the evidence's wording marks the whole segment.
/// </summary>
internal static class EvidenceMarks
{
    public static IReadOnlyList<TranscriptLine> Lines(Transcript? transcript, IReadOnlyList<ItemView> items)
    {
        if (transcript is null)
        {
            return [];
        }

        var evidence = items
            .SelectMany(i => Pieces(i.Evidence).Select(e => (Item: i.Id, Evidence: e)))
            .Where(x => x.Evidence.Start is not null && !string.IsNullOrWhiteSpace(x.Evidence.Text))
            .ToList();
        return transcript.Segments.Select(segment =>
        {
            var marks = new List<(int Start, int End, string Item)>();
            foreach (var (item, e) in evidence)
            {
                var end = e.End ?? e.Start!.Value;
                if ((e.Speaker is { } speaker && speaker != segment.Speaker) || end < segment.Start - 0.05 || e.Start > segment.End + 0.05)
                {
                    continue;
                }

                var at = segment.Text.IndexOf(e.Text!, StringComparison.OrdinalIgnoreCase);
                marks.Add(at >= 0 ? (at, at + e.Text!.Length, item) : (0, segment.Text.Length, item));
            }

            return new TranscriptLine(segment.Speaker, segment.Start, segment.End, Split(segment.Text, marks));
        }).ToList();
    }

    private static IEnumerable<Evidence> Pieces(Evidence evidence) =>
        evidence.Matches is { Count: > 0 } matches ? [evidence, .. matches] : [evidence];

    /// <summary>Cuts the text at every mark's edges; each part names the items whose marks cover it.</summary>
    private static List<TextPart> Split(string text, List<(int Start, int End, string Item)> marks)
    {
        var cuts = marks.SelectMany(m => new[] { m.Start, m.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
        var parts = new List<TextPart>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            var covering = marks.Where(m => m.Start <= start && m.End >= end).Select(m => m.Item).Distinct(StringComparer.Ordinal).ToList();
            parts.Add(new TextPart(text[start..end], covering));
        }

        return parts;
    }
}
