using LiteDB;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>Agent reports from the day and month aggregates.</summary>
public sealed partial class LiteDbResultStore
{
    /// <summary>
    /// Answers from the aggregates: whole months from month buckets, the remaining whole UTC days from day buckets, the
    /// partial days at either end from the calls themselves, and each agent's last calls through the agent-time index.
    /// A scenario filter (not aggregated) or an agent filter of <see cref="AgentReportBuilder.Unidentified"/> builds
    /// from the calls instead.
    /// </summary>
    /// <inheritdoc />
    public Task<IReadOnlyList<AgentReport>> GetAgentReportsAsync(CallQuery query, int lastCalls = 5, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(query);
        var db = file.Database;
        var calls = db.GetCollection<CallDocument>(Collections.Calls);
        if (query.ScenarioId is not null || query.AgentId == AgentReportBuilder.Unidentified)
        {
            return Task.FromResult(AgentReportBuilder.Build([.. Newest(Select(calls, query)).Select(ToStoredCall)], lastCalls));
        }

        var from = query.From?.UtcTicks ?? 0;
        var to = query.To?.UtcTicks ?? DateTime.MaxValue.Ticks;
        var totals = Sum(db.GetCollection<AgentDayDocument>(Collections.AgentDays), calls, from, to, query.AgentId);

        var reports = totals.Values
            .Where(t => t.Calls > 0)
            .Select(t => ToReport(calls, t, from, to, lastCalls))
            .ToList();
        if (query.AgentId is { } agent)
        {
            // Calls planned for this agent but filed under another (the scorer heard someone else) are selected by the
            // agent filter too, and make reports of their own; they are few, so they are built from the calls.
            var reassigned = calls.Find(x => x.ReassignedFrom == agent).Where(c => c.ReportedTicks() >= from && c.ReportedTicks() < to);
            reports.AddRange(AgentReportBuilder.Build([.. Newest(reassigned).Select(ToStoredCall)], lastCalls));
        }

        return Task.FromResult<IReadOnlyList<AgentReport>>([.. reports.OrderBy(r => r.Agent, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportDay>> GetReportDaysAsync(string? agentId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var agent = agentId ?? ReportBuckets.Team;
        var days = file.Database.GetCollection<AgentDayDocument>(Collections.AgentDays)
            .Find(Query.Between("_id", AgentDayDocument.DayKey(agent, firstDay.DayNumber), AgentDayDocument.DayKey(agent, lastDay.DayNumber)))
            .Where(b => b.Day >= 0 && string.Equals(b.Agent, agent, StringComparison.Ordinal))
            .OrderBy(b => b.Day)
            .Select(b => new ReportDay(
                DateOnly.FromDayNumber(b.Day),
                b.Calls,
                b.Scored,
                b.ScoreSum,
                ReportBuckets.Grades.ToDictionary(g => g, g => b.Grades[Array.IndexOf(ReportBuckets.Grades, g)]),
                b.NeedsReview,
                [.. b.Items.Select(i => new ItemPassRate(i.ItemId, i.Passed, i.Failed, i.Uncertain, ItemPassRate.RoundPoints(i.PointsLost), i.Critical))]))
            .ToList();
        return Task.FromResult<IReadOnlyList<ReportDay>>(days);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredCallItems>> GetScoredCallItemsAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(query);
        var from = query.From?.UtcTicks ?? 0;
        var to = query.To?.UtcTicks ?? DateTime.MaxValue.Ticks;

        // Projected in the engine: mapping whole call documents (transcript, evidence) would cost most of the time.
        var selected = file.Database.GetCollection<CallDocument>(Collections.Calls).Query()
            .Where(Query.Between(nameof(CallDocument.ReportTicks), from, to - 1))
            .Select(ScoredItemFields)
            .ToEnumerable()
            .Where(d => !d["sc"].IsNull
                && (query.ScenarioId is null || d["s"].AsString == query.ScenarioId)
                && (query.AgentId is null || (!d["a"].IsNull && d["a"].AsString == query.AgentId)))
            .Select(ToScoredCallItems)
            .ToList();
        return Task.FromResult<IReadOnlyList<ScoredCallItems>>(selected);
    }

    private static readonly BsonExpression ScoredItemFields = BsonExpression.Create(
        "{ id: $._id, a: $.ResultAgent, t: $.ReportTicks, s: $.ScenarioId, sc: $.Score.Score, g: $.Score.Grade, " +
        "ii: $.Score.Items[*]._id, io: $.Score.Items[*].Outcome, iw: $.Score.Items[*].Weight, ic: $.Score.Items[*].Critical }");

    private static ScoredCallItems ToScoredCallItems(BsonDocument d)
    {
        // Parallel arrays of one projection, in the items' order (a score without items projects no arrays); LiteDB stores
        // an Id property as _id, in sub-documents too.
        if (!d["ii"].IsArray)
        {
            return ToScoredCallItems(d, []);
        }

        var ids = d["ii"].AsArray;
        var outcomes = d["io"].AsArray;
        var weights = d["iw"].AsArray;
        var critical = d["ic"].AsArray;
        var items = new List<ScoredItem>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            items.Add(new ScoredItem(ids[i].AsString, Enum.Parse<ItemOutcome>(outcomes[i].AsString), weights[i].IsDouble ? weights[i].AsDouble : weights[i].AsInt64, critical[i].AsBoolean));
        }

        return ToScoredCallItems(d, items);
    }

    private static ScoredCallItems ToScoredCallItems(BsonDocument d, List<ScoredItem> items)
    {
        return new ScoredCallItems(
            d["id"].AsString,
            d["a"].IsNull ? null : d["a"].AsString,
            new DateTimeOffset(d["t"].AsInt64, TimeSpan.Zero),
            d["s"].AsString,
            d["sc"].AsDouble,
            Enum.Parse<Core.Scenarios.Grade>(d["g"].AsString),
            items);
    }

    private static Dictionary<string, AgentDayDocument> Sum(ILiteCollection<AgentDayDocument> buckets, ILiteCollection<CallDocument> calls, long from, long to, string? agent)
    {
        var totals = new Dictionary<string, AgentDayDocument>(StringComparer.Ordinal);
        AgentDayDocument Total(string name)
        {
            if (!totals.TryGetValue(name, out var total))
            {
                total = new AgentDayDocument { Agent = name, Grades = [.. ReportBuckets.Grades.Select(_ => 0)] };
                totals[name] = total;
            }

            return total;
        }

        void AddBuckets(int first, int last, bool months)
        {
            // With an agent filter, that agent's buckets only, through the _id index: the ids hold fixed-width day and
            // month numbers, so one agent's ids sort by day.
            var range = agent is null
                ? Query.Between(nameof(AgentDayDocument.Day), months ? -(last + 1) : first, months ? -(first + 1) : last)
                : months
                    ? Query.Between("_id", AgentDayDocument.MonthKey(agent, first), AgentDayDocument.MonthKey(agent, last))
                    : Query.Between("_id", AgentDayDocument.DayKey(agent, first), AgentDayDocument.DayKey(agent, last));
            foreach (var bucket in buckets.Find(range))
            {
                if (agent is null ? !string.Equals(bucket.Agent, ReportBuckets.Team, StringComparison.Ordinal) : string.Equals(bucket.Agent, agent, StringComparison.Ordinal))
                {
                    ReportBuckets.Add(Total(bucket.Agent), bucket);
                }
            }
        }

        void AddCalls(long start, long end)
        {
            if (start >= end)
            {
                return;
            }

            var selected = agent is null
                ? calls.Find(Query.Between(nameof(CallDocument.ReportTicks), start, end - 1))
                : calls.Find(AgentRange(agent, start, end));
            foreach (var call in selected)
            {
                ReportBuckets.Add(Total(call.ReportAgent), call, +1);
            }
        }

        // Whole UTC days inside [from, to); what is left at either end is summed from the calls.
        var firstDay = (int)((from + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay);
        var endDay = (int)Math.Min(to / TimeSpan.TicksPerDay, DateOnly.MaxValue.DayNumber);
        if (firstDay >= endDay)
        {
            AddCalls(from, to);
            return totals;
        }

        AddCalls(from, Instant.DayStart(firstDay));
        AddCalls(Instant.DayStart(endDay), to);

        // Whole months inside the whole days, from month buckets (Day = -(month + 1)); the days around them from day buckets.
        var firstMonth = ReportBuckets.MonthOf(firstDay);
        if (ReportBuckets.FirstDayOf(firstMonth) != firstDay)
        {
            firstMonth++;
        }

        var endMonth = ReportBuckets.MonthOf(endDay);
        if (firstMonth < endMonth)
        {
            AddBuckets(firstMonth, endMonth - 1, months: true);
            AddDays(firstDay, ReportBuckets.FirstDayOf(firstMonth));
            AddDays(ReportBuckets.FirstDayOf(endMonth), endDay);
        }
        else
        {
            AddDays(firstDay, endDay);
        }

        return totals;

        void AddDays(int start, int end)
        {
            if (start < end)
            {
                AddBuckets(start, end - 1, months: false);
            }
        }
    }

    // Parsed once: a report asks for the last calls of every agent, and a fresh process runs this code unoptimised.
    private static readonly BsonExpression NewestFirst = BsonExpression.Create("$." + nameof(CallDocument.AgentTimeKey));

    // Only what a report lists of a call: mapping whole call documents (score items, evidence) costs most of a report.
    private static readonly BsonExpression SummaryFields = BsonExpression.Create(
        "{ id: $._id, t: $.PlacedTicks, o: $.PlacedOffset, p: $.PlannedTicks, po: $.PlannedOffset, s: $.ScenarioId, st: $.Status, sc: $.Score.Score, g: $.Score.Grade, r: $.Score.NeedsReview }");

    private static AgentReport ToReport(ILiteCollection<CallDocument> calls, AgentDayDocument total, long from, long to, int lastCalls)
    {
        ILiteQueryable<CallDocument> InRange() => calls.Query().Where(AgentRange(total.Agent, from, to)).OrderByDescending(NewestFirst);

        var grades = ReportBuckets.Grades.ToDictionary(g => g, g => total.Grades[Array.IndexOf(ReportBuckets.Grades, g)]);
        var items = total.Items
            .Select(i => new ItemPassRate(i.ItemId, i.Passed, i.Failed, i.Uncertain, ItemPassRate.RoundPoints(i.PointsLost), i.Critical))
            .OrderBy(i => i.PassRate ?? 2)
            .ThenByDescending(i => i.Failed)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .ToList();
        var recent = lastCalls <= 0
            ? []
            : InRange().Select(SummaryFields).Limit(lastCalls).ToList().Select(ToSummary).ToList();
        return new AgentReport(total.Agent, total.Scored, Average(total, () => InRange().ToList()), grades, total.NeedsReview, items, recent);
    }

    private static CallSummary ToSummary(BsonDocument d) => new(
        d["id"].AsString,
        Instant.From(d["t"].AsInt64, d["o"].AsInt32),
        d["s"].AsString,
        Enum.Parse<CallStatus>(d["st"].AsString),
        d["sc"].IsNull ? null : d["sc"].AsDouble,
        d["g"].IsNull ? null : Enum.Parse<Core.Scenarios.Grade>(d["g"].AsString),
        !d["r"].IsNull && d["r"].AsBoolean,
        d["p"].IsNull ? null : Instant.From(d["p"].AsInt64, d["po"].IsNull ? 0 : d["po"].AsInt32));

    /// <summary>
    /// The builder's mean: <c>Math.Round(scores.Average(), 1, AwayFromZero)</c> over doubles summed newest first. The
    /// exact (decimal) mean rounds the same way unless it lies within a hair of a rounding midpoint (x.x5), where the
    /// builder's floating-point sum could fall either side; only then are the agent's scores read and averaged exactly
    /// as the builder does.
    /// </summary>
    private static double? Average(AgentDayDocument total, Func<List<CallDocument>> callsNewestFirst)
    {
        if (total.Scored == 0)
        {
            return null;
        }

        var exact = total.ScoreSum / total.Scored;
        var tenths = exact * 10;
        if (Math.Abs(tenths - decimal.Floor(tenths) - 0.5m) > 0.000001m)
        {
            return Math.Round((double)exact, 1, MidpointRounding.AwayFromZero);
        }

        var scores = callsNewestFirst().Where(c => c.Score is not null).Select(c => c.Score!.Score).ToList();
        return Math.Round(scores.Average(s => s), 1, MidpointRounding.AwayFromZero);
    }
}
