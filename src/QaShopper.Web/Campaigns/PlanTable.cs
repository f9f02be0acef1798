using QaShopper.Core.Campaigns;

namespace QaShopper.Web.Campaigns;

/// <summary>
/// A plan as <c>campaign plan</c> shows it: per site, a day × service period table of planned calls, a cell being null
/// where the period does not open that day (so a zero means "open but not sampled").
/// </summary>
public sealed record PlanTable(string SiteId, string TimeZone, IReadOnlyList<string> Periods, IReadOnlyList<PlanTableRow> Rows, IReadOnlyList<int> PeriodTotals, int Total)
{
    /// <summary>One table per site of the plan's campaign.</summary>
    public static IReadOnlyList<PlanTable> Build(CampaignPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Campaign.Sites.Select(site => Build(plan, site))];
    }

    private static PlanTable Build(CampaignPlan plan, CampaignSite site)
    {
        var calls = plan.Calls.Where(c => c.SiteId == site.Id).ToList();
        var rows = new List<PlanTableRow>();
        for (var date = plan.From; date <= plan.To; date = date.AddDays(1))
        {
            var day = date;
            var cells = site.Periods
                .Select(p => ServiceCalendar.Occurrence(site, p, day) is null ? (int?)null : calls.Count(c => c.LocalDate == day && c.Period == p.Name))
                .ToList();
            rows.Add(new PlanTableRow(day, cells, calls.Count(c => c.LocalDate == day)));
        }

        return new PlanTable(
            site.Id,
            site.TimeZone.Id,
            [.. site.Periods.Select(p => p.Name)],
            rows,
            [.. site.Periods.Select(p => calls.Count(c => c.Period == p.Name))],
            calls.Count);
    }
}

/// <summary>One local day of a site's plan: calls per period (null: closed) and the day's total.</summary>
public sealed record PlanTableRow(DateOnly Date, IReadOnlyList<int?> Cells, int Total);
