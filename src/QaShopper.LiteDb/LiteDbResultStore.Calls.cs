using LiteDB;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>Calls and their scores.</summary>
public sealed partial class LiteDbResultStore
{
    /// <inheritdoc />
    public Task SaveCallAsync(CallRecord callRecord, CallScore? score, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callRecord);
        ArgumentException.ThrowIfNullOrWhiteSpace(callRecord.CallId, nameof(callRecord));
        ArgumentNullException.ThrowIfNull(callRecord.TemplateChoices, nameof(callRecord));
        if (score is not null)
        {
            // The SQLite store refused this through its primary key; a score sheet lists each item once.
            var duplicate = score.Items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ArgumentException($"The score of call '{callRecord.CallId}' lists item '{duplicate.Key}' more than once.", nameof(score));
            }
        }

        var document = ToDocument(callRecord, score, timeProvider.GetUtcNow());
        file.InTransaction(db =>
        {
            // Read with ForUpdate: the write lock is taken before the old version is read, so two saves of one call (or
            // of calls sharing an aggregate) cannot both subtract the same old contribution.
            var calls = db.GetCollection<CallDocument>(Collections.Calls);
            var old = calls.Query().Where(x => x.Id == document.Id).ForUpdate().FirstOrDefault();
            var days = db.GetCollection<AgentDayDocument>(Collections.AgentDays);
            if (old is not null)
            {
                ReportBuckets.Apply(days, old, -1);
            }

            // A call scored again keeps its reviewers' overrides: they apply to the new score as they did to the old.
            var saved = score is null ? document : WithEffectiveScore(db, document, score);
            calls.Upsert(saved);
            ReportBuckets.Apply(days, saved, +1);
            return true;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredCall>> GetCallsAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(query);
        var calls = file.Database.GetCollection<CallDocument>(Collections.Calls);
        return Task.FromResult<IReadOnlyList<StoredCall>>([.. Newest(Select(calls, query)).Select(ToStoredCall)]);
    }

    /// <inheritdoc />
    public Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        var document = file.Database.GetCollection<CallDocument>(Collections.Calls).FindById(callId);
        return Task.FromResult(document is null ? null : ToStoredCall(document));
    }

    /// <summary>The calls a query selects, through the most selective index it allows; unordered.</summary>
    private static IEnumerable<CallDocument> Select(ILiteCollection<CallDocument> calls, CallQuery query)
    {
        var from = query.From?.UtcTicks ?? long.MinValue;
        var to = query.To?.UtcTicks ?? long.MaxValue;
        IEnumerable<CallDocument> candidates;
        if (query.AgentId is { } agent)
        {
            // The agent may be known from the call (assigned by the campaign) or only from the score (identified by
            // what was said), so either one matches. A call whose score names the agent is filed under it (the
            // agent-time index); one planned for the agent but heard as someone else is found by ReassignedFrom.
            candidates = calls.Find(AgentRange(agent, from, to))
                .Concat(calls.Find(x => x.ReassignedFrom == agent))
                .Where(c => c.AgentId == agent || c.ResultAgent == agent);
        }
        else if (query.From is not null || query.To is not null)
        {
            candidates = calls.Find(Query.Between(nameof(CallDocument.ReportTicks), from, to == long.MaxValue ? to : to - 1));
        }
        else if (query.ScenarioId is { } scenario)
        {
            candidates = calls.Find(x => x.ScenarioId == scenario);
        }
        else
        {
            candidates = calls.FindAll();
        }

        return candidates.Where(c =>
            c.ReportedTicks() >= from && c.ReportedTicks() < to
            && (query.ScenarioId is null || c.ScenarioId == query.ScenarioId));
    }

    /// <summary>The calls filed under <paramref name="agent"/> with their report time in [<paramref name="from"/>, <paramref name="to"/>), through the agent-time index.</summary>
    internal static BsonExpression AgentRange(string agent, long from, long to) =>
        Query.Between(nameof(CallDocument.AgentTimeKey), CallDocument.KeyPrefix(agent, Math.Max(from, 0)), CallDocument.KeyPrefix(agent, Math.Min(to, DateTime.MaxValue.Ticks) - 1) + "\u0002");

    /// <summary>Newest report time first; the same instant by call id descending, as the SQLite store ordered them.</summary>
    private static IEnumerable<CallDocument> Newest(IEnumerable<CallDocument> calls) =>
        calls.OrderByDescending(c => c.ReportedTicks()).ThenByDescending(c => c.Id, StringComparer.Ordinal);

    internal static CallDocument ToDocument(CallRecord call, CallScore? score, DateTimeOffset scoredAt)
    {
        var resultAgent = score?.Agent ?? call.AgentId;
        var reportAgent = resultAgent ?? AgentReportBuilder.Unidentified;
        var placed = Instant.Ticks(call.PlacedAt);
        var reported = Instant.Ticks(call.ReportedAt);
        return new CallDocument
        {
            Id = call.CallId,
            ScenarioId = call.ScenarioId,
            ScenarioHash = call.ScenarioHash,
            AgentId = call.AgentId,
            Carrier = call.Carrier,
            PlacedTicks = placed,
            PlacedOffset = Instant.Offset(call.PlacedAt),
            PlannedTicks = call.PlannedFor is { } planned ? Instant.Ticks(planned) : null,
            PlannedOffset = call.PlannedFor is { } plannedAt ? Instant.Offset(plannedAt) : null,
            ReportTicks = reported,
            Status = call.Status,
            AnsweredAfter = call.AnsweredAfter,
            Duration = call.Duration,
            RecordingPath = call.RecordingPath,
            Transcript = call.Transcript is null ? null : TranscriptDocument.From(call.Transcript),
            TemplateChoices = Pair.Of(call.TemplateChoices),
            Score = score is null ? null : ScoreDocument.From(score),
            ScoredTicks = score is null ? null : Instant.Ticks(scoredAt),
            ScoredOffset = score is null ? null : Instant.Offset(scoredAt),
            ResultAgent = resultAgent,
            ReportAgent = reportAgent,
            AgentTimeKey = CallDocument.Key(reportAgent, reported, call.CallId),
            ReassignedFrom = call.AgentId is not null && !string.Equals(call.AgentId, reportAgent, StringComparison.Ordinal) ? call.AgentId : null,
        };
    }

    internal static StoredCall ToStoredCall(CallDocument d)
    {
        var call = new CallRecord(
            d.Id,
            d.ScenarioId,
            d.ScenarioHash,
            d.AgentId,
            d.Carrier,
            Instant.From(d.PlacedTicks, d.PlacedOffset),
            d.Status,
            d.AnsweredAfter,
            d.Duration,
            d.RecordingPath,
            d.Transcript?.ToTranscript(),
            Pair.ToDictionary(d.TemplateChoices),
            d.PlannedTicks is { } planned ? Instant.From(planned, d.PlannedOffset ?? 0) : null);
        DateTimeOffset? scoredAt = d.ScoredTicks is { } ticks ? Instant.From(ticks, d.ScoredOffset ?? 0) : null;
        return new StoredCall(call, d.Score?.ToScore(), scoredAt) { ScoreBeforeOverrides = d.AutomaticScore?.ToScore() };
    }
}
