using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.Sqlite.Json;

// The stored JSON shapes are kept apart from the core records so that renaming or adding a computed
// member in the core cannot silently change (or break reading) what is already in the database.

/// <summary>The stored form of a <see cref="Transcript"/>.</summary>
internal sealed record TranscriptDocument(double? AnsweredAfter, double Duration, IReadOnlyList<SegmentDocument> Segments, bool? AnswerTimeUnknown = null)
{
    public static TranscriptDocument From(Transcript transcript) =>
        new(transcript.AnsweredAfter, transcript.Duration, [.. transcript.Segments.Select(SegmentDocument.From)], transcript.AnswerTimeUnknown ? true : null);

    public Transcript ToTranscript() =>
        new(AnsweredAfter, Duration, [.. Segments.Select(s => s.ToSegment())]) { AnswerTimeUnknown = AnswerTimeUnknown ?? false };
}

/// <summary>The stored form of a <see cref="TranscriptSegment"/>.</summary>
internal sealed record SegmentDocument(Speaker Speaker, double Start, double End, string Text, double? Confidence, IReadOnlyList<WordDocument>? Words)
{
    public static SegmentDocument From(TranscriptSegment segment) =>
        new(
            segment.Speaker,
            segment.Start,
            segment.End,
            segment.Text,
            segment.Confidence,
            segment.Words is null ? null : [.. segment.Words.Select(w => new WordDocument(w.Text, w.Start, w.End, w.Confidence))]);

    public TranscriptSegment ToSegment() =>
        new(Speaker, Start, End, Text, Confidence, Words is null ? null : [.. Words.Select(w => new TranscriptWord(w.Text, w.Start, w.End, w.Confidence))]);
}

/// <summary>The stored form of a <see cref="TranscriptWord"/>.</summary>
internal sealed record WordDocument(string Text, double Start, double End, double? Confidence);
