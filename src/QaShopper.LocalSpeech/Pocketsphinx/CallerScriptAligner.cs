using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// The caller's side of a call we placed, without decoding it: the voice-activity spans of the caller's channel,
/// labelled in order with the script's turns. Timing comes from the audio (the scorer's silence check uses it), words
/// from the script (our own synthesised speech said them). Segments carry no word timings and no confidence.
/// </summary>
internal static class CallerScriptAligner
{
    /// <summary>
    /// Groups <paramref name="spans"/> into as many runs as there are turns (fewer when the call ended early), cutting at
    /// the widest gaps: a turn's pauses between sentences are shorter than the agent's turn between two caller turns.
    /// Each speech span keeps its own times and gets its share of the line's words, by duration; tones get no segment.
    /// </summary>
    public static IReadOnlyList<TranscriptSegment> Align(IReadOnlyList<SpeechSpan> spans, IReadOnlyList<CallerTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(turns);
        if (spans.Count == 0 || turns.Count == 0)
        {
            return [];
        }

        var groups = Math.Min(spans.Count, turns.Count);
        var cuts = Enumerable.Range(1, spans.Count - 1)
            .OrderByDescending(i => spans[i].Start - spans[i - 1].End)
            .ThenBy(i => i)
            .Take(groups - 1)
            .ToHashSet();
        var segments = new List<TranscriptSegment>();
        var turn = 0;
        var first = 0;
        for (var i = 1; i <= spans.Count; i++)
        {
            if (i < spans.Count && !cuts.Contains(i))
            {
                continue;
            }

            if (turns[turn].Words is { } line)
            {
                Label(spans, first, i, line, segments);
            }

            turn++;
            first = i;
        }

        return segments;
    }

    private static void Label(IReadOnlyList<SpeechSpan> spans, int first, int end, string line, List<TranscriptSegment> segments)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = end - first;
        if (words.Length < count)
        {
            // Too few words to give each span one: the turn as one segment over all its spans.
            segments.Add(Segment(spans[first].Start, spans[end - 1].End, line.Trim()));
            return;
        }

        var total = 0.0;
        for (var i = first; i < end; i++)
        {
            total += spans[i].Duration;
        }

        var elapsed = 0.0;
        var from = 0;
        for (var k = 0; k < count; k++)
        {
            var span = spans[first + k];
            elapsed += span.Duration;

            // Each span at least one word, and enough left for every later span.
            var to = k == count - 1
                ? words.Length
                : Math.Clamp((int)Math.Round(words.Length * (total > 0 ? elapsed / total : (k + 1.0) / count)), from + 1, words.Length - (count - k - 1));
            segments.Add(Segment(span.Start, span.End, string.Join(' ', words[from..to])));
            from = to;
        }
    }

    private static TranscriptSegment Segment(double start, double end, string text) =>
        new(Speaker.Caller, Math.Round(start, 3), Math.Round(end, 3), text);
}
