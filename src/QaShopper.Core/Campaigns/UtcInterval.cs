namespace QaShopper.Core.Campaigns;

/// <summary>A span of instants, <see cref="Start"/> inclusive, <see cref="End"/> exclusive, both at offset zero.</summary>
public readonly record struct UtcInterval
{
    public UtcInterval(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentException($"an interval must not end ({end:O}) before it starts ({start:O})", nameof(end));
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The part of this interval also in <paramref name="other"/> (possibly empty).</summary>
    public UtcInterval Intersect(UtcInterval other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return end > start ? new UtcInterval(start, end) : new UtcInterval(start, start);
    }
}
