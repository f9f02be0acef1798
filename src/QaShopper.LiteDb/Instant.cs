namespace QaShopper.LiteDb;

/// <summary>
/// How instants are stored: UTC ticks (sortable, indexable, exact to 100 ns) and the offset in minutes. LiteDB's own
/// DateTime keeps only milliseconds and its DateTimeOffset drops the offset, so neither round-trips.
/// </summary>
internal static class Instant
{
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static int Offset(DateTimeOffset value) => checked((int)value.Offset.TotalMinutes);

    public static DateTimeOffset From(long utcTicks, int offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }

    /// <summary>The UTC day number (days since 0001-01-01) of an instant, the key of the report aggregates.</summary>
    public static int Day(long utcTicks) => checked((int)(utcTicks / TimeSpan.TicksPerDay));

    public static long DayStart(int day) => day * TimeSpan.TicksPerDay;
}
