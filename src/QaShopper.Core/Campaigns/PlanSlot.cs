namespace QaShopper.Core.Campaigns;

/// <summary>
/// One open period occurrence at one site, as the planner uses it: the whole seconds a call may start in, how many
/// calls one line can take there, and how many the site already has there.
/// </summary>
internal sealed class PlanSlot(PeriodOccurrence occurrence, int periodIndex, int week, int day, IReadOnlyList<SecondRange> starts, int lineCapacity)
{
    public PeriodOccurrence Occurrence { get; } = occurrence;

    /// <summary>Index of the period in its site's list.</summary>
    public int PeriodIndex { get; } = periodIndex;

    public int Week { get; } = week;

    /// <summary>Local date as days after the first date planned.</summary>
    public int Day { get; } = day;

    public IReadOnlyList<SecondRange> Starts { get; } = starts;

    public int LineCapacity { get; } = lineCapacity;

    /// <summary>Calls of all the site's lines planned here so far.</summary>
    public int SiteCalls { get; set; }

    /// <summary>End of the open interval that contains <paramref name="at"/>.</summary>
    public DateTimeOffset WindowEnd(DateTimeOffset at) =>
        Occurrence.Open.FirstOrDefault(i => i.Contains(at)) is { IsEmpty: false } interval ? interval.End : Occurrence.End;
}
