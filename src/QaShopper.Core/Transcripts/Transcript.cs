using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Transcripts;

/// <summary>
/// What was said on a call. Times are seconds from the answer.
/// </summary>
/// <param name="AnsweredAfter">Seconds from dialling to answer; null when nobody answered.</param>
/// <param name="Duration">Seconds from the answer to the end of the call.</param>
/// <param name="Segments">Utterances in time order.</param>
public sealed record Transcript(double? AnsweredAfter, double Duration, IReadOnlyList<TranscriptSegment> Segments)
{
    /// <summary>
    /// True for a call known to be answered whose answer time is not known (a recording imported without
    /// <c>--answered-after</c>): items are scored, but the answer-time item cannot be judged.
    /// </summary>
    public bool AnswerTimeUnknown { get; init; }

    public bool WasAnswered => AnsweredAfter is not null || AnswerTimeUnknown;

    /// <summary>The end of the call on the transcript's time line: the duration, or the last segment's end when later.</summary>
    public double End => Segments.Count == 0 ? Duration : Math.Max(Duration, Segments.Max(s => s.End));
}

/// <summary>One utterance of one side of the call.</summary>
/// <param name="Speaker">Agent or caller (never <see cref="Speaker.Any"/>).</param>
/// <param name="Start">Seconds from the answer.</param>
/// <param name="End">Seconds from the answer.</param>
/// <param name="Text">As transcribed.</param>
/// <param name="Confidence">Recogniser confidence 0..1, when known.</param>
/// <param name="Words">Word timings, when known.</param>
public sealed record TranscriptSegment(
    Speaker Speaker,
    double Start,
    double End,
    string Text,
    double? Confidence = null,
    IReadOnlyList<TranscriptWord>? Words = null);

/// <summary>One recognised word with its times (seconds from the answer).</summary>
/// <param name="Text">The word.</param>
/// <param name="Start">Start, seconds from the answer.</param>
/// <param name="End">End, seconds from the answer.</param>
/// <param name="Confidence">Recogniser confidence 0..1, when known.</param>
/// <param name="Unconfirmed">
/// The word belongs to a watched (forbidden) phrase that the full decode heard and the phrase spotter did not confirm:
/// its confidence is then capped low to doubt the phrase, so it says nothing about how well the rest of the call was
/// heard and is left out of the call's and the utterance's mean confidence.
/// </param>
public sealed record TranscriptWord(string Text, double Start, double End, double? Confidence = null, bool Unconfirmed = false);
