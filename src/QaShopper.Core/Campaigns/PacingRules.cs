namespace QaShopper.Core.Campaigns;

/// <summary>The campaign's pacing as whole seconds, with the site cap and the timing mode.</summary>
/// <param name="GapSeconds">Least distance between two starts on one line.</param>
/// <param name="StepSeconds">Spacing used when packing starts inside one occurrence: the gap plus room to nudge a start off a whole minute.</param>
/// <param name="CallSeconds">Expected call length.</param>
/// <param name="SiteCap">Calls per site per occurrence, or null.</param>
/// <param name="Jitter">Random times (true) or evenly spread ones.</param>
/// <param name="GapRaisedByConcurrency">True when the concurrency limit, not min_gap_same_line, sets the gap.</param>
internal readonly record struct PacingRules(long GapSeconds, long StepSeconds, long CallSeconds, int? SiteCap, bool Jitter, bool GapRaisedByConcurrency)
{
    public static PacingRules From(Campaign campaign)
    {
        var callSeconds = CeilingSeconds(campaign.Pacing.ExpectedCallLength);
        var concurrent = Math.Max(1, campaign.Pacing.MaxConcurrentPerLine);
        var minGap = CeilingSeconds(campaign.Pacing.MinGapSameLine);

        // Starts at least length/concurrent apart never have more than `concurrent` calls in progress at once, so one
        // spacing rule enforces both limits without tracking overlaps.
        var concurrencyGap = (callSeconds + concurrent - 1) / concurrent;
        var gap = Math.Max(1, Math.Max(minGap, concurrencyGap));
        return new PacingRules(gap, gap + 2, callSeconds, campaign.Quotas.MaxPerPeriodPerDay, campaign.Anonymity.Jitter, concurrencyGap > minGap);
    }

    /// <summary>How many starts one line can take in <paramref name="measure"/> seconds of start times.</summary>
    public int Capacity(long measure) => measure <= 0 ? 0 : (int)Math.Min(int.MaxValue, ((measure - 1) / StepSeconds) + 1);

    public int SiteRoom(int siteCalls) => SiteCap is { } cap ? Math.Max(0, cap - siteCalls) : int.MaxValue;

    private static long CeilingSeconds(TimeSpan span) => Math.Max(0, (span.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
}
