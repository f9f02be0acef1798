using System.Globalization;

namespace QaShopper.Core.Campaigns;

/// <summary>
/// Compares what each line got with what it needed, per week and per period, and says why the rest did not fit:
/// the line's own limits (its open periods under the pacing and site cap), the site cap shared with other lines, or
/// neighbouring calls leaving no room.
/// </summary>
internal static class ShortfallReporter
{
    public static IEnumerable<PlanProblem> Report(Campaign campaign, IReadOnlyList<PlanWeek> weeks, IReadOnlyList<LineState> lines, IReadOnlyList<PlacedCall> placed, PacingRules pacing)
    {
        var perWeek = new Dictionary<(int Line, int Week), int>();
        var perPeriod = new Dictionary<(int Line, int Week, int Period), int>();
        foreach (var call in placed)
        {
            var week = (call.Line.Index, call.Slot.Week);
            perWeek[week] = perWeek.GetValueOrDefault(week) + 1;
            var period = (call.Line.Index, call.Slot.Week, call.Slot.PeriodIndex);
            perPeriod[period] = perPeriod.GetValueOrDefault(period) + 1;
        }

        var limits = Limits(campaign, pacing);
        foreach (var week in weeks)
        {
            foreach (var line in lines)
            {
                if (line.Demands[week.Index] is not { } demand)
                {
                    continue;
                }

                var slots = line.Schedule.SlotsByWeek[week.Index];
                var site = line.Schedule.Site;
                foreach (var period in demand.Periods)
                {
                    var got = perPeriod.GetValueOrDefault((line.Index, week.Index, period));
                    if (got < demand.PeriodMinimum)
                    {
                        yield return new PlanProblem(
                            Invariant($"site {site.Id}, period {site.Periods[period].Name}"),
                            PeriodShortfall(line, week, demand, period, got, lines, limits, pacing));
                    }
                }

                var total = perWeek.GetValueOrDefault((line.Index, week.Index));
                if (total < demand.Total)
                {
                    yield return new PlanProblem(line.Line.Number, WeekShortfall(line, week, demand, total, lines, limits, pacing));
                }
            }
        }
    }

    private static string PeriodShortfall(LineState line, PlanWeek week, LineDemand demand, int period, int got, IReadOnlyList<LineState> lines, string limits, PacingRules pacing)
    {
        var slots = line.Schedule.SlotsByWeek[week.Index].Where(s => s.PeriodIndex == period).ToList();
        var needs = Invariant($"line {line.Line.Number} needs {PlanText.Calls(demand.PeriodMinimum)} in the week from {PlanText.Date(week.Start)} but got {got}");
        var bound = LineBound(slots, pacing);
        if (demand.PeriodMinimum > bound)
        {
            return Invariant($"{needs}: its {slots.Count} open occurrences allow at most {bound} {limits}");
        }

        var siteLines = lines.Where(l => l.Schedule == line.Schedule && l.Demands[week.Index] is { } d && d.Periods.Contains(period)).ToList();
        var siteNeed = siteLines.Sum(l => l.Demands[week.Index]!.PeriodMinimum);
        if (pacing.SiteCap is { } cap && siteNeed > (long)cap * slots.Count)
        {
            return Invariant($"{needs}: the site's {siteLines.Count} lines need {siteNeed} and max_per_period_per_day {cap} over its {slots.Count} open occurrences allows at most {(long)cap * slots.Count}");
        }

        return Invariant($"{needs}: calls in neighbouring periods left no more room {limits}");
    }

    private static string WeekShortfall(LineState line, PlanWeek week, LineDemand demand, int got, IReadOnlyList<LineState> lines, string limits, PacingRules pacing)
    {
        var slots = line.Schedule.SlotsByWeek[week.Index];
        var needs = Invariant($"needs {PlanText.Calls(demand.Total)} in the week from {PlanText.Date(week.Start)}");
        var bound = LineBound(slots, pacing);
        if (demand.Total > bound)
        {
            return Invariant($"{needs} but its open periods allow at most {bound} {limits}");
        }

        var siteLines = lines.Where(l => l.Schedule == line.Schedule && l.Demands[week.Index] is not null).ToList();
        var siteDemand = siteLines.Sum(l => l.Demands[week.Index]!.Total);
        if (pacing.SiteCap is { } cap && siteDemand > (long)cap * slots.Count)
        {
            return Invariant($"{needs} but got {got}: site {line.Schedule.Site.Id}'s {siteLines.Count} lines need {siteDemand} and max_per_period_per_day {cap} over its {slots.Count} open period occurrences allows at most {(long)cap * slots.Count}");
        }

        return Invariant($"{needs} but got {got}: calls in neighbouring periods left no more room {limits}");
    }

    /// <summary>Calls one line could get in these slots on its own: each slot's capacity under the pacing and the site cap.</summary>
    private static long LineBound(IEnumerable<PlanSlot> slots, PacingRules pacing) =>
        slots.Sum(s => (long)Math.Min(s.LineCapacity, pacing.SiteCap ?? int.MaxValue));

    private static string Limits(Campaign campaign, PacingRules pacing)
    {
        var text = "with min_gap_same_line " + PlanText.Duration(campaign.Pacing.MinGapSameLine);
        if (pacing.GapRaisedByConcurrency)
        {
            text += Invariant($" (starts {PlanText.Duration(TimeSpan.FromSeconds(pacing.GapSeconds))} apart for max_concurrent_per_line {campaign.Pacing.MaxConcurrentPerLine} with expected_call_length {PlanText.Duration(campaign.Pacing.ExpectedCallLength)})");
        }

        if (pacing.SiteCap is { } cap)
        {
            text += Invariant($" and max_per_period_per_day {cap}");
        }

        return text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
