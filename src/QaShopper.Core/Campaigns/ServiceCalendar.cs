namespace QaShopper.Core.Campaigns;

/// <summary>
/// Turns a site's local rules (service periods, opening hours, holidays, closures) into instants, exactly across
/// daylight-saving changes: a local window on the day clocks go forward loses the skipped hour, on the day they go
/// back it gains the repeated one. Pure: no clock, no I/O.
/// </summary>
public static class ServiceCalendar
{
    // Offsets are sampled this often when looking for a transition; real zones change at most twice a day.
    private static readonly TimeSpan SampleStep = TimeSpan.FromMinutes(30);

    /// <summary>Every occurrence of every period of <paramref name="site"/> on the local dates from..to (inclusive) with some open time, ordered by start.</summary>
    public static IReadOnlyList<PeriodOccurrence> Occurrences(CampaignSite site, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(site);
        var occurrences = new List<PeriodOccurrence>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var period in site.Periods)
            {
                if (Occurrence(site, period, date) is { } occurrence)
                {
                    occurrences.Add(occurrence);
                }
            }
        }

        occurrences.Sort((a, b) => a.Start.CompareTo(b.Start));
        return occurrences;
    }

    /// <summary>The open part of <paramref name="period"/> on <paramref name="date"/>, or null when the site is closed for all of it.</summary>
    public static PeriodOccurrence? Occurrence(CampaignSite site, ServicePeriod period, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(period);
        if (!period.AppliesOn(date) || site.Holidays.Contains(date))
        {
            return null;
        }

        var open = LocalWindowToUtc(site.TimeZone, date, period.Window);
        if (site.OpeningHours.Count > 0)
        {
            var staffed = site.OpeningHours
                .Where(h => h.AppliesOn(date))
                .SelectMany(h => LocalWindowToUtc(site.TimeZone, date, h.Window))
                .ToList();
            open = Intersect(open, Union(staffed));
        }

        foreach (var closure in site.Closures)
        {
            open = Subtract(open, ClosureToUtc(site.TimeZone, closure));
        }

        return open.Count == 0 ? null : new PeriodOccurrence(site.Id, period.Name, date, open);
    }

    /// <summary>
    /// The first occurrence of the named period that is still open after <paramref name="after"/>, searching the
    /// local dates up to <paramref name="lastDate"/>; its open time is cut to start no earlier than <paramref name="after"/>.
    /// Null when there is none: the period never comes round again before the campaign ends.
    /// </summary>
    public static PeriodOccurrence? NextOpen(CampaignSite site, string periodName, DateTimeOffset after, DateOnly lastDate)
    {
        ArgumentNullException.ThrowIfNull(site);
        var period = site.Period(periodName);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, site.TimeZone).DateTime);
        for (var date = localToday.AddDays(-1); date <= lastDate; date = date.AddDays(1))
        {
            if (Occurrence(site, period, date) is not { } occurrence || occurrence.End <= after)
            {
                continue;
            }

            var rest = Intersect(occurrence.Open, [new UtcInterval(after, DateTimeOffset.MaxValue.ToUniversalTime())]);
            return occurrence with { Open = rest };
        }

        return null;
    }

    /// <summary>True when <paramref name="instant"/> is inside an open period of the site (any period).</summary>
    public static bool IsInOpenPeriod(CampaignSite site, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(site);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, site.TimeZone).DateTime);
        return site.Periods.Any(p => Occurrence(site, p, local) is { } o && o.Contains(instant));
    }

    /// <summary>
    /// The instants whose wall-clock time in <paramref name="zone"/> is on <paramref name="date"/> inside
    /// <paramref name="window"/>. Usually one interval; two when clocks go back inside the window and the
    /// window does not cover the whole repeated hour.
    /// </summary>
    public static IReadOnlyList<UtcInterval> LocalWindowToUtc(TimeZoneInfo zone, DateOnly date, DailyWindow window)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localStart = date.ToDateTime(TimeOnly.MinValue) + window.Start;
        var localEnd = date.ToDateTime(TimeOnly.MinValue) + window.End;

        // Every instant that could show a wall time in the window lies in this range: offsets span at most ±14 h.
        var scanStart = new DateTimeOffset(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), TimeSpan.Zero) - TimeSpan.FromHours(15);
        var scanEnd = new DateTimeOffset(DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified), TimeSpan.Zero) + TimeSpan.FromHours(15);

        var result = new List<UtcInterval>();
        foreach (var (pieceStart, pieceEnd, offset) in ConstantOffsetPieces(zone, scanStart, scanEnd))
        {
            // Within a piece wall time = instant + offset, so the window maps to one interval of instants.
            var start = new DateTimeOffset(localStart - offset, TimeSpan.Zero);
            var end = new DateTimeOffset(localEnd - offset, TimeSpan.Zero);
            var part = new UtcInterval(pieceStart, pieceEnd).Intersect(new UtcInterval(start, end));
            if (!part.IsEmpty)
            {
                result.Add(part);
            }
        }

        return Union(result);
    }

    private static List<UtcInterval> ClosureToUtc(TimeZoneInfo zone, Closure closure)
    {
        var result = new List<UtcInterval>();
        var firstDate = DateOnly.FromDateTime(closure.LocalStart);
        var lastDate = DateOnly.FromDateTime(closure.LocalEnd);
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            var dayStart = date.ToDateTime(TimeOnly.MinValue);
            var from = closure.LocalStart > dayStart ? closure.LocalStart - dayStart : TimeSpan.Zero;
            var to = closure.LocalEnd < dayStart.AddDays(1) ? closure.LocalEnd - dayStart : TimeSpan.FromHours(24);
            if (to > from)
            {
                result.AddRange(LocalWindowToUtc(zone, date, new DailyWindow(from, to)));
            }
        }

        return Union(result);
    }

    /// <summary>Splits [start, end) at the zone's offset changes.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, TimeSpan Offset)> ConstantOffsetPieces(
        TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var pieceStart = start;
        var offset = zone.GetUtcOffset(start);
        for (var probe = start + SampleStep; ; probe += SampleStep)
        {
            var clamped = probe < end ? probe : end;
            var probeOffset = zone.GetUtcOffset(clamped);
            if (probeOffset != offset)
            {
                var change = FindChange(zone, clamped - SampleStep < pieceStart ? pieceStart : clamped - SampleStep, clamped, offset);
                yield return (pieceStart, change, offset);
                pieceStart = change;
                offset = probeOffset;
            }

            if (clamped >= end)
            {
                yield return (pieceStart, end, offset);
                yield break;
            }
        }
    }

    /// <summary>The first instant in (low, high] whose offset is not <paramref name="before"/>, to the second.</summary>
    private static DateTimeOffset FindChange(TimeZoneInfo zone, DateTimeOffset low, DateTimeOffset high, TimeSpan before)
    {
        while (high - low > TimeSpan.FromSeconds(1))
        {
            var mid = low + ((high - low) / 2);
            if (zone.GetUtcOffset(mid) == before)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        // Transitions fall on whole minutes in every real zone.
        var minutes = new DateTimeOffset(high.Ticks - (high.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return zone.GetUtcOffset(minutes) == before ? high : minutes;
    }

    internal static List<UtcInterval> Union(IEnumerable<UtcInterval> intervals)
    {
        var sorted = intervals.Where(i => !i.IsEmpty).OrderBy(i => i.Start).ToList();
        var merged = new List<UtcInterval>(sorted.Count);
        foreach (var interval in sorted)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new UtcInterval(last.Start, interval.End > last.End ? interval.End : last.End);
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    internal static List<UtcInterval> Intersect(IReadOnlyList<UtcInterval> left, IReadOnlyList<UtcInterval> right)
    {
        var result = new List<UtcInterval>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                var part = a.Intersect(b);
                if (!part.IsEmpty)
                {
                    result.Add(part);
                }
            }
        }

        return Union(result);
    }

    internal static List<UtcInterval> Subtract(IReadOnlyList<UtcInterval> from, IReadOnlyList<UtcInterval> remove)
    {
        var result = from.ToList();
        foreach (var cut in remove)
        {
            var next = new List<UtcInterval>(result.Count + 1);
            foreach (var interval in result)
            {
                if (cut.End <= interval.Start || cut.Start >= interval.End)
                {
                    next.Add(interval);
                    continue;
                }

                if (cut.Start > interval.Start)
                {
                    next.Add(new UtcInterval(interval.Start, cut.Start));
                }

                if (cut.End < interval.End)
                {
                    next.Add(new UtcInterval(cut.End, interval.End));
                }
            }

            result = next;
        }

        return result;
    }
}
