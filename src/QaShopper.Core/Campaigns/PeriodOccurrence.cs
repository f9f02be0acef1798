namespace QaShopper.Core.Campaigns;

/// <summary>
/// One service period on one local date at one site, cut down to when the site is open: the times a test call for
/// that period may start. <see cref="Open"/> is sorted and disjoint; it has two parts when a closure falls inside
/// the period, or when a daylight-saving change repeats or skips part of it.
/// </summary>
public sealed record PeriodOccurrence(string SiteId, string Period, DateOnly LocalDate, IReadOnlyList<UtcInterval> Open)
{
    public TimeSpan OpenLength => Open.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Length);

    public DateTimeOffset Start => Open[0].Start;

    public DateTimeOffset End => Open[^1].End;

    public bool Contains(DateTimeOffset instant) => Open.Any(i => i.Contains(instant));

    /// <summary>The instant <paramref name="offset"/> into the open time, skipping closed gaps.</summary>
    public DateTimeOffset At(TimeSpan offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, TimeSpan.Zero);
        foreach (var interval in Open)
        {
            if (offset < interval.Length)
            {
                return interval.Start + offset;
            }

            offset -= interval.Length;
        }

        throw new ArgumentOutOfRangeException(nameof(offset), offset, $"beyond the {OpenLength} open in this occurrence");
    }
}
