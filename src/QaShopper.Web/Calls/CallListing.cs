using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Calls;

/// <summary>
/// What the calls list is asked for: every filter optional; dates are UTC days, both inclusive (as in
/// <c>qashopper report</c>); agent and site in any case.
/// </summary>
public sealed record CallFilter(
    string? Agent = null,
    string? Site = null,
    string? Scenario = null,
    string? Grade = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool NeedsReview = false,
    int Page = 1);

/// <summary>One call in the list, with its effective score (overrides applied).</summary>
public sealed record CallRow(
    string CallId,
    DateTimeOffset PlacedAt,
    string? Agent,
    string? Site,
    string ScenarioId,
    CallStatus Status,
    double? Score,
    Grade? Grade,
    bool NeedsReview,
    bool Overridden);

/// <summary>One page of the calls list, newest first.</summary>
public sealed record CallPage(IReadOnlyList<CallRow> Rows, int Page, int PageCount, int Total);

/// <summary>The calls list: filters the store's calls (newest first) and cuts one page.</summary>
public sealed class CallListing(IResultStore store)
{
    public const int PageSize = 50;

    /// <summary>The page, or the reason the filter cannot be used.</summary>
    public async Task<(CallPage? Page, string? Problem)> ListAsync(CallFilter filter, CancellationToken cancellationToken)
    {
        Grade? grade = null;
        if (!string.IsNullOrWhiteSpace(filter.Grade))
        {
            grade = OutcomeNames.ParseGrade(filter.Grade);
            if (grade is null)
            {
                return (null, $"grade '{filter.Grade}' is none of excellent, good, pass, fail");
            }
        }

        if (filter.From is { } first && filter.To is { } last && last < first)
        {
            return (null, $"to ({last:yyyy-MM-dd}) is before from ({first:yyyy-MM-dd})");
        }

        if (filter.Page < 1)
        {
            return (null, "page counts from 1");
        }

        var agents = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
        var siteOf = agents.Where(a => a.Site is not null).ToDictionary(a => a.Id, a => a.Site!, StringComparer.OrdinalIgnoreCase);
        var agent = string.IsNullOrWhiteSpace(filter.Agent) ? null : filter.Agent.Trim();
        var query = new CallQuery(
            AgentId: agent?.ToLowerInvariant(),
            From: filter.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To: filter.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            ScenarioId: string.IsNullOrWhiteSpace(filter.Scenario) ? null : filter.Scenario.Trim());
        var calls = await store.GetCallsAsync(query, cancellationToken).ConfigureAwait(false);
        var site = string.IsNullOrWhiteSpace(filter.Site) ? null : filter.Site.Trim();
        var rows = calls
            .Select(c => ToRow(c, siteOf))
            .Where(r => site is null || string.Equals(r.Site, site, StringComparison.OrdinalIgnoreCase))
            .Where(r => grade is null || r.Grade == grade)
            .Where(r => !filter.NeedsReview || r.NeedsReview)
            .ToList();
        var pageCount = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var page = rows.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToList();
        return (new CallPage(page, filter.Page, pageCount, rows.Count), null);
    }

    private static CallRow ToRow(StoredCall c, Dictionary<string, string> siteOf)
    {
        var agent = c.Score?.Agent ?? c.Call.AgentId;
        return new CallRow(
            c.Call.CallId,
            c.Call.PlacedAt,
            agent,
            agent is not null && siteOf.TryGetValue(agent, out var site) ? site : null,
            c.Call.ScenarioId,
            c.Call.Status,
            c.Score?.Score,
            c.Score?.Grade,
            c.Score?.NeedsReview ?? false,
            c.ScoreBeforeOverrides is not null);
    }
}
