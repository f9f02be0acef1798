namespace QaShopper.Core.Campaigns;

/// <summary>A site's open period occurrences over the planned dates, computed once and grouped by quota week.</summary>
internal sealed class SiteSchedule
{
    private SiteSchedule(CampaignSite site, IReadOnlyList<IReadOnlyList<PlanSlot>> slotsByWeek, IReadOnlyList<bool> weekOver)
    {
        Site = site;
        SlotsByWeek = slotsByWeek;
        WeekOver = weekOver;
    }

    public CampaignSite Site { get; }

    /// <summary>Slots of each week, ordered by start.</summary>
    public IReadOnlyList<IReadOnlyList<PlanSlot>> SlotsByWeek { get; }

    /// <summary>True for a week that ended at this site before the request's NotBefore: nothing is owed for it any more.</summary>
    public IReadOnlyList<bool> WeekOver { get; }

    public static SiteSchedule Build(CampaignSite site, IReadOnlyList<PlanWeek> weeks, PlanRequest request, PacingRules pacing)
    {
        var slots = weeks.Select(_ => new List<PlanSlot>()).ToList();
        var periodIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < site.Periods.Count; i++)
        {
            periodIndex.TryAdd(site.Periods[i].Name, i);
        }

        foreach (var occurrence in ServiceCalendar.Occurrences(site, request.From, request.To))
        {
            var open = request.NotBefore is { } notBefore
                ? ServiceCalendar.Intersect(occurrence.Open, [new UtcInterval(notBefore, DateTimeOffset.MaxValue.ToUniversalTime())])
                : occurrence.Open;
            var starts = StartRanges(open, pacing.CallSeconds);
            var capacity = pacing.Capacity(SecondRanges.Measure(starts));
            if (capacity == 0)
            {
                continue;
            }

            var week = PlanWeek.IndexOf(request.From, occurrence.LocalDate);
            var day = occurrence.LocalDate.DayNumber - request.From.DayNumber;
            slots[week].Add(new PlanSlot(occurrence, periodIndex[occurrence.Period], week, day, starts, capacity));
        }

        var weekOver = weeks.Select(w => request.NotBefore is { } notBefore && notBefore >= EndOfDay(site.TimeZone, w.Last)).ToList();
        return new SiteSchedule(site, slots, weekOver);
    }

    /// <summary>
    /// Whole seconds a call may start in: early enough to end before its open interval does, unless no interval is
    /// as long as a call (then anywhere in the open time, since a short period still needs its calls).
    /// </summary>
    internal static List<SecondRange> StartRanges(IReadOnlyList<UtcInterval> open, long callSeconds)
    {
        var callLength = TimeSpan.FromSeconds(callSeconds);
        var longEnough = open.Any(i => i.Length >= callLength);
        var ranges = new List<SecondRange>(open.Count);
        foreach (var interval in open)
        {
            var lo = CeilingSeconds(interval.Start);
            var hi = longEnough ? FloorSeconds(interval.End) - callSeconds : CeilingSeconds(interval.End) - 1;
            if (hi >= lo)
            {
                ranges.Add(new SecondRange(lo, hi));
            }
        }

        return ranges;
    }

    private static DateTimeOffset EndOfDay(TimeZoneInfo zone, DateOnly date) =>
        ServiceCalendar.LocalWindowToUtc(zone, date, new DailyWindow(TimeSpan.Zero, TimeSpan.FromHours(24))) is { Count: > 0 } day
            ? day[^1].End
            : new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue).AddDays(1), TimeSpan.Zero);

    private static long FloorSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    private static long CeilingSeconds(DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds) < instant ? seconds + 1 : seconds;
    }
}
