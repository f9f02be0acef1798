using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Reports;

/// <summary>Turns stored calls into per-agent reports. Pure: the caller reads the store.</summary>
public static class AgentReportBuilder
{
    /// <summary>The name reports use for calls whose agent could not be identified.</summary>
    public const string Unidentified = "(unidentified)";

    /// <summary>Builds one report per agent, ordered by agent id; <paramref name="lastCalls"/> limits each agent's call list.</summary>
    public static IReadOnlyList<AgentReport> Build(IEnumerable<StoredCall> calls, int lastCalls = 5)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return calls
            .GroupBy(c => c.Score?.Agent ?? c.Call.AgentId ?? Unidentified, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => BuildOne(g.Key, g.ToList(), lastCalls))
            .ToList();
    }

    private static AgentReport BuildOne(string agent, List<StoredCall> calls, int lastCalls)
    {
        var scored = calls.Where(c => c.Score is not null).Select(c => c.Score!).ToList();
        double? average = scored.Count == 0
            ? null
            : Math.Round(scored.Average(s => s.Score), 1, MidpointRounding.AwayFromZero);
        var grades = Enum.GetValues<Grade>().ToDictionary(g => g, g => scored.Count(s => s.Grade == g));

        var lost = scored
            .SelectMany(ItemPassRate.PointsLostBy)
            .GroupBy(p => p.ItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Points), StringComparer.Ordinal);
        var items = scored
            .SelectMany(s => s.Items)
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .Select(g => new ItemPassRate(
                g.Key,
                g.Count(i => i.Outcome == ItemOutcome.Passed),
                g.Count(i => i.Outcome == ItemOutcome.Failed),
                g.Count(i => i.Outcome == ItemOutcome.Uncertain),
                ItemPassRate.RoundPoints(lost.GetValueOrDefault(g.Key)),
                g.Any(i => i.Critical)))
            .OrderBy(i => i.PassRate ?? 2)
            .ThenByDescending(i => i.Failed)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .ToList();

        var recent = calls
            .OrderByDescending(c => c.Call.ReportedAt)
            .Take(lastCalls)
            .Select(c => new CallSummary(c.Call.CallId, c.Call.PlacedAt, c.Call.ScenarioId, c.Call.Status, c.Score?.Score, c.Score?.Grade, c.Score?.NeedsReview ?? false, c.Call.PlannedFor))
            .ToList();

        return new AgentReport(agent, scored.Count, average, grades, scored.Count(s => s.NeedsReview), items, recent);
    }
}
