namespace QaShopper.Twilio;

/// <summary>What the gather action does next.</summary>
internal enum GatherOutcome
{
    /// <summary>The listen is over: continue the script.</summary>
    Done,

    /// <summary>Gather again: nothing (or not the awaited phrase) heard yet, the listen's max not spent.</summary>
    Again,

    /// <summary>Gather again through hold music: the agent put the caller on hold.</summary>
    Hold,
}

/// <summary>A gather decision, with the time the current hold began (null when not on hold).</summary>
internal readonly record struct GatherDecision(GatherOutcome Outcome, DateTimeOffset? HoldSince);

/// <summary>
/// Decides, when a <c>&lt;Gather&gt;</c> reports, whether a listen step is over. Pure: the same inputs give the same
/// decision, which is journaled so a retried webhook gets the same answer.
/// </summary>
internal static class GatherDecider
{
    /// <param name="listen">The listen step.</param>
    /// <param name="speech">What Twilio heard; null or empty for an empty result.</param>
    /// <param name="listenStart">When the listen began (its first gather).</param>
    /// <param name="holdSince">When the current hold began, from the previous decision.</param>
    /// <param name="now">When this result arrived.</param>
    /// <param name="maxHold">How long to wait through a hold.</param>
    public static GatherDecision Decide(PlannedStep listen, string? speech, DateTimeOffset listenStart, DateTimeOffset? holdSince, DateTimeOffset now, TimeSpan maxHold)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var maxSpent = now - listenStart >= TimeSpan.FromMilliseconds(listen.MaxMs);
        if (!string.IsNullOrWhiteSpace(speech))
        {
            if (maxHold > TimeSpan.Zero && HoldCues.IsHoldCue(speech))
            {
                var since = holdSince ?? now;
                return now - since < maxHold ? new(GatherOutcome.Hold, since) : new(GatherOutcome.Done, null);
            }

            var until = listen.Until ?? [];
            if (until.Count > 0 && !until.Any(phrase => HoldCues.Contains(speech, phrase)))
            {
                return maxSpent ? new(GatherOutcome.Done, null) : new(GatherOutcome.Again, null);
            }

            return new(GatherOutcome.Done, null);
        }

        if (holdSince is { } hold && now - hold < maxHold)
        {
            return new(GatherOutcome.Hold, hold);
        }

        return maxSpent ? new(GatherOutcome.Done, null) : new(GatherOutcome.Again, null);
    }
}
