using System.Globalization;
using System.Text.RegularExpressions;
using QaShopper.Core.Ports;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Reports;

/// <summary>
/// Builds the report pages' (and the API's) data from the stores. The agents list, the agent page and the monthly summary
/// answer from the store's aggregates (day buckets for trends, the agent report for the rest), so they stay fast over a
/// million results; the team page reads the scores of its range's calls (projected: no transcripts or evidence), because
/// a call's service period and site are not aggregated.
/// </summary>
public sealed partial class ReportService(IResultStore results, ICampaignStore campaigns, ItemTexts itemTexts)
{
    /// <summary>The service period of calls placed outside any campaign.</summary>
    public const string Unplanned = "unplanned";

    /// <summary>How many of an agent's calls the agent page lists.</summary>
    public const int LastCalls = 10;

    /// <summary>The agents list.</summary>
    public async Task<AgentListReport> AgentsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var roster = await RosterAsync(cancellationToken).ConfigureAwait(false);
        var reports = await results.GetAgentReportsAsync(filter.Query(), lastCalls: 0, cancellationToken).ConfigureAwait(false);
        var rows = reports
            .Select(r => (Report: r, Record: roster.GetValueOrDefault(r.Agent)))
            .Where(x => filter.Site is null || string.Equals(x.Record?.Site, filter.Site, StringComparison.OrdinalIgnoreCase))
            .Select(x => new AgentRow(x.Report.Agent, x.Record?.Name, x.Record?.Site, x.Report.Calls, x.Report.AverageScore, x.Report.GradeCounts, x.Report.NeedsReview, [.. x.Report.WeakestItems(3).Select(i => i.ItemId)]))
            .ToList();
        return new AgentListReport(filter, rows);
    }

    /// <summary>One agent's page (the id matched without regard to case), or null when the agent is unknown and has no calls.</summary>
    public async Task<AgentDetailReport?> AgentAsync(string agentId, ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(filter);

        // Agent ids are stored in lower case (the scorer and the roster write them so); what a user types may not be.
        var agent = agentId.Trim().ToLowerInvariant();
        if (agent.Length == 0 || agent.Any(char.IsControl))
        {
            // No agent id holds a control character; the store's keys use them as separators and for the team's buckets.
            return null;
        }

        var range = filter with { Site = null, Scenario = null };
        var roster = await RosterAsync(cancellationToken).ConfigureAwait(false);
        var reports = await results.GetAgentReportsAsync(range.Query(agent), LastCalls, cancellationToken).ConfigureAwait(false);
        var report = reports.FirstOrDefault(r => string.Equals(r.Agent, agent, StringComparison.Ordinal));
        var record = roster.GetValueOrDefault(agent);
        if (report is null && record is null)
        {
            return null;
        }

        var agentDays = await results.GetReportDaysAsync(agent, range.From, range.To, cancellationToken).ConfigureAwait(false);
        var teamDays = await results.GetReportDaysAsync(null, range.From, range.To, cancellationToken).ConfigureAwait(false);
        var team = ReportDay.Sum(teamDays);
        var teamRates = team.Items.ToDictionary(i => i.ItemId, i => i.PassRate, StringComparer.Ordinal);

        var items = (report?.Items ?? []).Select(i => new ItemComparison(i.ItemId, itemTexts.Of(i.ItemId), i, teamRates.GetValueOrDefault(i.ItemId))).ToList();
        var weakest = (report?.WeakestItems(5) ?? []).Select(i => new ItemComparison(i.ItemId, itemTexts.Of(i.ItemId), i, teamRates.GetValueOrDefault(i.ItemId))).ToList();
        return new AgentDetailReport(
            range,
            record?.Id ?? agent,
            record?.Name,
            record?.Site,
            report?.Calls ?? 0,
            report?.AverageScore,
            team.AverageScore,
            report?.GradeCounts ?? Enum.GetValues<Grade>().ToDictionary(g => g, _ => 0),
            report?.NeedsReview ?? 0,
            Trend(range, agentDays, teamDays),
            items,
            weakest,
            report?.LastCalls ?? []);
    }

    /// <summary>The team page.</summary>
    public async Task<TeamReport> TeamAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var roster = await RosterAsync(cancellationToken).ConfigureAwait(false);
        var periods = await PeriodsAsync(cancellationToken).ConfigureAwait(false);
        var calls = await results.GetScoredCallItemsAsync(filter.Query(), cancellationToken).ConfigureAwait(false);
        var scored = calls
            .Select(c => (Score: c, Site: (c.Agent is null ? null : roster.GetValueOrDefault(c.Agent)?.Site) ?? "(unknown)", Period: PeriodOf(periods, c.CallId)))
            .Where(c => filter.Site is null || string.Equals(c.Site, filter.Site, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var lost = scored
            .SelectMany(c => ItemPassRate.PointsLostBy(c.Score.Items, i => i.Id, i => i.Outcome, i => i.Weight))
            .GroupBy(p => p.ItemId, StringComparer.Ordinal)
            .Select(g => (ItemId: g.Key, Points: g.Sum(p => p.Points), Failures: g.Count()))
            .ToList();
        var critical = scored.SelectMany(c => c.Score.Items).Where(i => i.Critical).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var deductions = Pareto(lost.Select(l => (l.ItemId, ItemPassRate.RoundPoints(l.Points), l.Failures, critical.Contains(l.ItemId))));

        var judged = scored
            .SelectMany(c => c.Score.Items.Where(i => i.Outcome is ItemOutcome.Passed or ItemOutcome.Failed).Select(i => (c.Period, Item: i)))
            .GroupBy(x => (x.Period, x.Item.Id))
            .Select(g => new HeatCell(g.Key.Period, g.Key.Id, g.Count(x => x.Item.Outcome == ItemOutcome.Failed), g.Count()))
            .ToList();
        var periodOrder = judged.Select(h => h.Period).Distinct().OrderBy(p => p == Unplanned).ThenBy(p => p, StringComparer.Ordinal).ToList();
        var itemOrder = judged.Select(h => h.ItemId).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();

        var sites = scored
            .GroupBy(c => c.Site, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SiteGrades(
                g.Key,
                g.Count(),
                Math.Round(g.Average(c => c.Score.Score), 1, MidpointRounding.AwayFromZero),
                Enum.GetValues<Grade>().ToDictionary(grade => grade, grade => g.Count(c => c.Score.Grade == grade))))
            .ToList();
        return new TeamReport(filter, scored.Count, deductions, periodOrder, itemOrder, judged, sites);
    }

    /// <summary>The monthly summary of the month starting <paramref name="month"/>.</summary>
    public async Task<MonthlyReport> MonthlyAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var filter = new ReportFilter(month, last, null, null);
        var total = ReportDay.Sum(await results.GetReportDaysAsync(null, month, last, cancellationToken).ConfigureAwait(false));
        var reports = await results.GetAgentReportsAsync(filter.Query(), lastCalls: 0, cancellationToken).ConfigureAwait(false);
        var roster = await RosterAsync(cancellationToken).ConfigureAwait(false);
        var reached = reports.Select(r => r.Agent).Where(a => a != AgentReportBuilder.Unidentified).ToHashSet(StringComparer.Ordinal);
        var deductions = Pareto(total.Items.Where(i => i.Failed > 0).Select(i => (i.ItemId, i.PointsLost, i.Failed, i.Critical)));
        return new MonthlyReport(
            month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            total.Calls,
            total.Scored,
            total.AverageScore,
            total.GradeCounts,
            total.NeedsReview,
            reached.Count,
            [.. deductions.Take(10)],
            [.. roster.Keys.Where(a => !reached.Contains(a)).Order(StringComparer.Ordinal)],
            reports.FirstOrDefault(r => r.Agent == AgentReportBuilder.Unidentified)?.Calls ?? 0);
    }

    /// <summary>Monday of the (UTC) week a day falls in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private List<Deduction> Pareto(IEnumerable<(string ItemId, double Points, int Failures, bool Critical)> items)
    {
        var sorted = items.Where(i => i.Points > 0).OrderByDescending(i => i.Points).ThenBy(i => i.ItemId, StringComparer.Ordinal).ToList();
        var total = sorted.Sum(i => i.Points);
        var running = 0.0;
        var deductions = new List<Deduction>(sorted.Count);
        foreach (var (itemId, points, failures, critical) in sorted)
        {
            running += points;
            deductions.Add(new Deduction(itemId, itemTexts.Of(itemId), points, failures, critical, Math.Round(100 * running / total, 1)));
        }

        return deductions;
    }

    private static List<TrendWeek> Trend(ReportFilter range, IReadOnlyList<ReportDay> agentDays, IReadOnlyList<ReportDay> teamDays)
    {
        var agentWeeks = agentDays.GroupBy(d => WeekStart(d.Day)).ToDictionary(g => g.Key, g => ReportDay.Sum([.. g]));
        var teamWeeks = teamDays.GroupBy(d => WeekStart(d.Day)).ToDictionary(g => g.Key, g => ReportDay.Sum([.. g]));
        var weeks = new List<TrendWeek>();
        for (var week = WeekStart(range.From); week <= range.To; week = week.AddDays(7))
        {
            var mine = agentWeeks.GetValueOrDefault(week);
            var all = teamWeeks.GetValueOrDefault(week);
            weeks.Add(new TrendWeek(week, mine?.Scored ?? 0, mine?.AverageScore, all?.Scored ?? 0, all?.AverageScore));
        }

        return weeks;
    }

    private async Task<Dictionary<string, AgentRecord>> RosterAsync(CancellationToken cancellationToken)
    {
        var agents = await results.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
        var roster = new Dictionary<string, AgentRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var agent in agents)
        {
            roster.TryAdd(agent.Id, agent);
        }

        return roster;
    }

    /// <summary>Every campaign call's service period by its planned call id and its latest attempt's id.</summary>
    private async Task<Dictionary<string, string>> PeriodsAsync(CancellationToken cancellationToken)
    {
        var periods = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var campaign in await campaigns.GetCampaignsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var call in await campaigns.GetCallsAsync(campaign.Campaign.Id, cancellationToken).ConfigureAwait(false))
            {
                periods.TryAdd(call.Call.CallId, call.Call.Period);
                if (call.AttemptCallId is { } attempt)
                {
                    periods.TryAdd(attempt, call.Call.Period);
                }
            }
        }

        return periods;
    }

    /// <summary>A stored call's period: its own id, else the planned call its retry suffix (<c>-r1</c>) points to.</summary>
    private static string PeriodOf(Dictionary<string, string> periods, string callId) =>
        periods.GetValueOrDefault(callId)
        ?? (RetrySuffix().Match(callId) is { Success: true } retry ? periods.GetValueOrDefault(callId[..retry.Index]) : null)
        ?? Unplanned;

    [GeneratedRegex(@"-r\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex RetrySuffix();
}
