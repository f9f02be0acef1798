using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.LiteDb.Documents;

/// <summary>The stored form of a <see cref="Transcript"/>.</summary>
internal sealed class TranscriptDocument
{
    public double? AnsweredAfter { get; set; }

    public double Duration { get; set; }

    public bool AnswerTimeUnknown { get; set; }

    public List<SegmentDocument> Segments { get; set; } = [];

    public static TranscriptDocument From(Transcript t) => new()
    {
        AnsweredAfter = t.AnsweredAfter,
        Duration = t.Duration,
        AnswerTimeUnknown = t.AnswerTimeUnknown,
        Segments = [.. t.Segments.Select(SegmentDocument.From)],
    };

    public Transcript ToTranscript() =>
        new(AnsweredAfter, Duration, [.. Segments.Select(s => s.ToSegment())]) { AnswerTimeUnknown = AnswerTimeUnknown };
}

/// <summary>The stored form of a <see cref="TranscriptSegment"/>.</summary>
internal sealed class SegmentDocument
{
    public Speaker Speaker { get; set; }

    public double Start { get; set; }

    public double End { get; set; }

    public string Text { get; set; } = "";

    public double? Confidence { get; set; }

    public List<WordDocument>? Words { get; set; }

    public static SegmentDocument From(TranscriptSegment s) => new()
    {
        Speaker = s.Speaker,
        Start = s.Start,
        End = s.End,
        Text = s.Text,
        Confidence = s.Confidence,
        Words = s.Words is null ? null : [.. s.Words.Select(w => new WordDocument { Text = w.Text, Start = w.Start, End = w.End, Confidence = w.Confidence, Unconfirmed = w.Unconfirmed })],
    };

    public TranscriptSegment ToSegment() =>
        new(Speaker, Start, End, Text, Confidence, Words is null ? null : [.. Words.Select(w => new TranscriptWord(w.Text, w.Start, w.End, w.Confidence, w.Unconfirmed))]);
}

/// <summary>The stored form of a <see cref="TranscriptWord"/>.</summary>
internal sealed class WordDocument
{
    public string Text { get; set; } = "";

    public double Start { get; set; }

    public double End { get; set; }

    public double? Confidence { get; set; }

    /// <summary>Absent in documents written before it existed, which reads as false.</summary>
    public bool Unconfirmed { get; set; }
}
