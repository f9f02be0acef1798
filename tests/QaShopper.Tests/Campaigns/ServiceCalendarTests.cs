using QaShopper.Core.Campaigns;

namespace QaShopper.Tests.Campaigns;

public sealed class ServiceCalendarTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static DailyWindow Window(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(new TimeSpan(fromHour, fromMinute, 0), new TimeSpan(toHour, toMinute, 0));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Test]
    public void LocalWindowToUtc_OrdinaryDay_IsOneIntervalShiftedByTheOffset()
    {
        var open = ServiceCalendar.LocalWindowToUtc(London, new DateOnly(2026, 7, 1), Window(9, 0, 11, 0));

        Assert.That(open, Is.EqualTo(new[] { new UtcInterval(Utc(2026, 7, 1, 8, 0), Utc(2026, 7, 1, 10, 0)) }));
    }

    [Test]
    public void LocalWindowToUtc_ClocksGoForwardInsideTheWindow_LosesTheSkippedHour()
    {
        // 29 March 2026: at 01:00 GMT London's clocks jump to 02:00 BST.
        var open = ServiceCalendar.LocalWindowToUtc(London, new DateOnly(2026, 3, 29), Window(0, 30, 2, 30));

        Assert.That(open, Is.EqualTo(new[] { new UtcInterval(Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30)) }));
    }

    [Test]
    public void LocalWindowToUtc_ClocksGoBackInsideTheWindow_KeepsBothPassesOfTheRepeatedTime()
    {
        // 25 October 2026: at 02:00 BST London's clocks fall back to 01:00 GMT, so 01:00-01:59 happens twice.
        var open = ServiceCalendar.LocalWindowToUtc(London, new DateOnly(2026, 10, 25), Window(0, 30, 1, 30));

        Assert.That(open, Is.EqualTo(new[]
        {
            new UtcInterval(Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 25, 0, 30)),
            new UtcInterval(Utc(2026, 10, 25, 1, 0), Utc(2026, 10, 25, 1, 30)),
        }));
    }

    [Test]
    public void LocalWindowToUtc_WholeRepeatedHourInside_IsOneLongerInterval()
    {
        var open = ServiceCalendar.LocalWindowToUtc(London, new DateOnly(2026, 10, 25), Window(0, 0, 3, 0));

        Assert.That(open, Has.Count.EqualTo(1));
        Assert.That(open[0].Length, Is.EqualTo(TimeSpan.FromHours(4)));
    }

    [TestCase(2026, 3, 8)]
    [TestCase(2026, 11, 1)]
    public void LocalWindowToUtc_EveryInstantShowsAWallTimeInsideTheWindow(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var window = Window(1, 15, 3, 45);
        foreach (var interval in ServiceCalendar.LocalWindowToUtc(Chicago, date, window))
        {
            for (var t = interval.Start; t < interval.End; t += TimeSpan.FromMinutes(1))
            {
                var local = TimeZoneInfo.ConvertTime(t, Chicago);
                Assert.That(DateOnly.FromDateTime(local.DateTime), Is.EqualTo(date), $"{t:O}");
                Assert.That(window.Contains(local.TimeOfDay), Is.True, $"{t:O} is {local:HH:mm} local");
            }
        }
    }

    [Test]
    public void Occurrence_CutsThePeriodToOpeningHoursAndClosures()
    {
        var monday = new DateOnly(2026, 11, 23);
        var site = Site(
            openingHours: [new WeeklyWindow(new HashSet<DayOfWeek> { DayOfWeek.Monday }, Window(8, 0, 12, 0))],
            closures: [new Closure(new DateTime(2026, 11, 23, 9, 0, 0), new DateTime(2026, 11, 23, 9, 30, 0), "fire drill")],
            period: new ServicePeriod("morning", new HashSet<DayOfWeek> { DayOfWeek.Monday }, Window(7, 0, 10, 0)));

        var occurrence = ServiceCalendar.Occurrence(site, site.Periods[0], monday);

        Assert.That(occurrence, Is.Not.Null);
        Assert.That(occurrence!.Open, Is.EqualTo(new[]
        {
            new UtcInterval(Utc(2026, 11, 23, 8, 0), Utc(2026, 11, 23, 9, 0)),
            new UtcInterval(Utc(2026, 11, 23, 9, 30), Utc(2026, 11, 23, 10, 0)),
        }));
        Assert.That(occurrence.At(TimeSpan.FromMinutes(70)), Is.EqualTo(Utc(2026, 11, 23, 9, 40)));
    }

    [Test]
    public void Occurrence_OnAHoliday_IsNull()
    {
        var christmas = new DateOnly(2026, 12, 25);
        var site = Site(holidays: [christmas], period: new ServicePeriod("peak", AllDays, Window(9, 0, 11, 0)));

        Assert.That(ServiceCalendar.Occurrence(site, site.Periods[0], christmas), Is.Null);
        Assert.That(ServiceCalendar.Occurrence(site, site.Periods[0], christmas.AddDays(-1)), Is.Not.Null);
    }

    [Test]
    public void NextOpen_PeriodAlreadyOver_IsTheNextDaysOccurrence()
    {
        var site = Site(period: new ServicePeriod("peak", AllDays, Window(9, 0, 11, 0)));

        var next = ServiceCalendar.NextOpen(site, "peak", Utc(2026, 11, 23, 12, 0), new DateOnly(2026, 11, 30));

        Assert.That(next, Is.Not.Null);
        Assert.That(next!.LocalDate, Is.EqualTo(new DateOnly(2026, 11, 24)));
        Assert.That(next.Start, Is.EqualTo(Utc(2026, 11, 24, 9, 0)));
    }

    [Test]
    public void NextOpen_InsideThePeriod_StartsNow()
    {
        var site = Site(period: new ServicePeriod("peak", AllDays, Window(9, 0, 11, 0)));

        var next = ServiceCalendar.NextOpen(site, "peak", Utc(2026, 11, 23, 10, 15), new DateOnly(2026, 11, 30));

        Assert.That(next!.Start, Is.EqualTo(Utc(2026, 11, 23, 10, 15)));
        Assert.That(next.End, Is.EqualTo(Utc(2026, 11, 23, 11, 0)));
    }

    [Test]
    public void NextOpen_NoOccurrenceBeforeTheLastDate_IsNull()
    {
        var site = Site(period: new ServicePeriod("peak", AllDays, Window(9, 0, 11, 0)));

        Assert.That(ServiceCalendar.NextOpen(site, "peak", Utc(2026, 11, 23, 12, 0), new DateOnly(2026, 11, 23)), Is.Null);
    }

    private static readonly HashSet<DayOfWeek> AllDays = [.. Enum.GetValues<DayOfWeek>()];

    private static CampaignSite Site(
        ServicePeriod period,
        IReadOnlyList<WeeklyWindow>? openingHours = null,
        IReadOnlyList<DateOnly>? holidays = null,
        IReadOnlyList<Closure>? closures = null) =>
        new("leeds", London, openingHours ?? [], holidays ?? [], closures ?? [], [period]);
}
