using QaShopper.Core.Results;
using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Scoring;

/// <summary>The items that look at the call's timing rather than its words.</summary>
internal static class TimingChecks
{
    public static (ItemOutcome Outcome, Evidence Evidence) AnsweredWithin(Transcript transcript, TimeSpan limit)
    {
        if (transcript.AnsweredAfter is null && transcript.AnswerTimeUnknown)
        {
            return (ItemOutcome.NotApplicable, Evidence.Because("answer time unknown: the recording starts at the answer; give --answered-after to judge it"));
        }

        if (transcript.AnsweredAfter is not { } answeredAfter)
        {
            return (ItemOutcome.Failed, Evidence.Because($"{Reasons.NotAnswered}, limit {Reasons.Limit(limit)}"));
        }

        if (answeredAfter <= limit.TotalSeconds)
        {
            return (ItemOutcome.Passed, new Evidence { AnsweredAfter = answeredAfter });
        }

        return (ItemOutcome.Failed, new Evidence
        {
            AnsweredAfter = answeredAfter,
            Reason = $"answered after {Reasons.Seconds(answeredAfter)}, limit {Reasons.Limit(limit)}",
        });
    }

    /// <summary>
    /// The longest time with neither side speaking: before the first words, between merged speech and after the
    /// last words until the call ends.
    /// </summary>
    public static (ItemOutcome Outcome, Evidence Evidence) MaxSilence(CallContext call, TimeSpan limit)
    {
        var (gapStart, gapEnd) = LongestGap(call);
        var longest = Math.Round(gapEnd - gapStart, 2, MidpointRounding.AwayFromZero);
        var evidence = new Evidence { LongestSilence = longest, Start = gapStart, End = gapEnd };
        if (gapEnd - gapStart <= limit.TotalSeconds)
        {
            return (ItemOutcome.Passed, evidence);
        }

        return (ItemOutcome.Failed, evidence with
        {
            Reason = $"silence of {Reasons.Seconds(longest)} from {Reasons.Seconds(gapStart)} to {Reasons.Seconds(gapEnd)}, limit {Reasons.Limit(limit)}",
        });
    }

    private static (double Start, double End) LongestGap(CallContext call)
    {
        double bestStart = 0, bestEnd = 0;
        var spokenUntil = 0.0;
        foreach (var view in call.Segments)
        {
            // Segments are in start order, so speech merges by extending spokenUntil.
            var segment = view.Segment;
            if (segment.Start > spokenUntil && segment.Start - spokenUntil > bestEnd - bestStart)
            {
                bestStart = spokenUntil;
                bestEnd = segment.Start;
            }

            spokenUntil = Math.Max(spokenUntil, segment.End);
        }

        if (call.End > spokenUntil && call.End - spokenUntil > bestEnd - bestStart)
        {
            bestStart = spokenUntil;
            bestEnd = call.End;
        }

        return (bestStart, bestEnd);
    }
}
