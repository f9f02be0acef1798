using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Reports;

/// <summary>What one UTC day's calls (by their report time) add up to, for one agent or for the whole team.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Calls">Every call filed that day, scored or not.</param>
/// <param name="Scored">Scored calls.</param>
/// <param name="ScoreSum">Exact sum of their scores (a mean over several days divides sums, never means).</param>
/// <param name="GradeCounts">Calls per grade.</param>
/// <param name="NeedsReview">Calls waiting for a reviewer.</param>
/// <param name="Items">Every checklist item's outcomes that day.</param>
public sealed record ReportDay(DateOnly Day, int Calls, int Scored, decimal ScoreSum, IReadOnlyDictionary<Grade, int> GradeCounts, int NeedsReview, IReadOnlyList<ItemPassRate> Items)
{
    /// <summary>Sums days into one total (over a week, a month or a whole range); <see cref="Day"/> is the first day's.</summary>
    public static ReportDay Sum(IReadOnlyCollection<ReportDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var items = days
            .SelectMany(d => d.Items)
            .GroupBy(i => i.ItemId, StringComparer.Ordinal)
            .Select(g => new ItemPassRate(g.Key, g.Sum(i => i.Passed), g.Sum(i => i.Failed), g.Sum(i => i.Uncertain), Math.Round(g.Sum(i => i.PointsLost), 2), g.Any(i => i.Critical)))
            .ToList();
        return new ReportDay(
            days.Count == 0 ? default : days.Min(d => d.Day),
            days.Sum(d => d.Calls),
            days.Sum(d => d.Scored),
            days.Sum(d => d.ScoreSum),
            Enum.GetValues<Grade>().ToDictionary(g => g, g => days.Sum(d => d.GradeCounts.GetValueOrDefault(g))),
            days.Sum(d => d.NeedsReview),
            items);
    }

    /// <summary>Mean score, one decimal; null when nothing was scored.</summary>
    public double? AverageScore => Scored == 0 ? null : Math.Round((double)(ScoreSum / Scored), 1, MidpointRounding.AwayFromZero);
}
