namespace QaShopper.Core.Campaigns;

/// <summary>A block of up to seven local dates counted from the first date planned; quotas are per block.</summary>
internal readonly record struct PlanWeek(int Index, DateOnly Start, int Days)
{
    public DateOnly Last => Start.AddDays(Days - 1);

    public static IReadOnlyList<PlanWeek> Split(DateOnly from, DateOnly to)
    {
        var weeks = new List<PlanWeek>();
        for (var start = from; start <= to; start = start.AddDays(7))
        {
            weeks.Add(new PlanWeek(weeks.Count, start, Math.Min(7, to.DayNumber - start.DayNumber + 1)));
        }

        return weeks;
    }

    public static int IndexOf(DateOnly from, DateOnly date) => (date.DayNumber - from.DayNumber) / 7;

    /// <summary>A weekly quota scaled to this block's length, rounded up (a full week keeps it whole).</summary>
    public int Share(int weeklyQuota) => ((weeklyQuota * Days) + 6) / 7;
}
