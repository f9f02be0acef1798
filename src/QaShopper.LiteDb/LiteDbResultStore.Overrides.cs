using System.Collections.Concurrent;
using LiteDB;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// Reviewers' overrides. Every override is kept (the audit trail); a call's stored <see cref="CallDocument.Score"/> is
/// its effective score (latest override per item applied, by <see cref="ScoreRule"/>) with the scorer's own kept in
/// <see cref="CallDocument.AutomaticScore"/>, and the report aggregates follow the effective score in the same
/// transaction, so every report counts an overridden item as the reviewer decided.
/// </summary>
public sealed partial class LiteDbResultStore
{
    // Grade thresholds of the scenario versions seen, parsed once: versions never change under their hash.
    private readonly ConcurrentDictionary<string, GradeThresholds> thresholds = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task SaveOverrideAsync(ItemOverride itemOverride, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(itemOverride);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemOverride.CallId, nameof(itemOverride));
        ArgumentException.ThrowIfNullOrWhiteSpace(itemOverride.ItemId, nameof(itemOverride));
        ArgumentException.ThrowIfNullOrWhiteSpace(itemOverride.Reviewer, nameof(itemOverride));

        file.InTransaction(db =>
        {
            var calls = db.GetCollection<CallDocument>(Collections.Calls);
            var old = calls.Query().Where(x => x.Id == itemOverride.CallId).ForUpdate().FirstOrDefault()
                ?? throw new InvalidOperationException($"Cannot override item '{itemOverride.ItemId}': no call '{itemOverride.CallId}' is stored.");
            var automatic = (old.AutomaticScore ?? old.Score)?.ToScore();
            if (automatic is not null && !automatic.Items.Any(i => string.Equals(i.Id, itemOverride.ItemId, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Cannot override item '{itemOverride.ItemId}': call '{itemOverride.CallId}' has no such item.");
            }

            // Always an insert: every override is kept, so the review trail shows who changed what and when.
            var overrides = db.GetCollection<OverrideDocument>(Collections.Overrides);
            overrides.Insert(new OverrideDocument
            {
                CallId = itemOverride.CallId,
                ItemId = itemOverride.ItemId,
                Outcome = itemOverride.Outcome,
                Reviewer = itemOverride.Reviewer,
                Note = itemOverride.Note,
                AtTicks = Instant.Ticks(itemOverride.At),
                AtOffset = Instant.Offset(itemOverride.At),
            });
            if (automatic is null)
            {
                return true;
            }

            // The old contribution leaves the aggregates before the document changes in place to the effective score.
            var days = db.GetCollection<AgentDayDocument>(Collections.AgentDays);
            ReportBuckets.Apply(days, old, -1);
            var updated = WithEffectiveScore(db, old, automatic);
            calls.Update(updated);
            ReportBuckets.Apply(days, updated, +1);
            return true;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemOverride>> GetOverridesAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        return Task.FromResult<IReadOnlyList<ItemOverride>>(ReadOverrides(file.Database, callId));
    }

    private static List<ItemOverride> ReadOverrides(LiteDatabase db, string callId) =>
        db.GetCollection<OverrideDocument>(Collections.Overrides).Find(x => x.CallId == callId)
            .OrderBy(o => o.AtTicks)
            .ThenBy(o => o.Id)
            .Select(o => new ItemOverride(o.CallId, o.ItemId, o.Outcome, o.Reviewer, o.Note, Instant.From(o.AtTicks, o.AtOffset)))
            .ToList();

    /// <summary>
    /// <paramref name="document"/> with <paramref name="automatic"/> as its scorer's score and the call's stored
    /// overrides applied to make its effective score (the same document, unchanged, when the call has no override).
    /// </summary>
    private CallDocument WithEffectiveScore(LiteDatabase db, CallDocument document, CallScore automatic)
    {
        var overrides = ReadOverrides(db, document.Id);
        if (overrides.Count == 0)
        {
            document.Score = ScoreDocument.From(automatic);
            document.AutomaticScore = null;
            return document;
        }

        var effective = ScoreRule.WithOverrides(automatic, overrides, GradesOf(db, automatic.ScenarioId, automatic.ScenarioHash));
        document.Score = ScoreDocument.From(effective);
        document.AutomaticScore = ScoreDocument.From(automatic);
        return document;
    }

    /// <summary>
    /// The grade thresholds of the scenario version a call was scored against, from its stored text; the format's
    /// defaults when that version was never stored (a score saved without its scenario).
    /// </summary>
    private GradeThresholds GradesOf(LiteDatabase db, string scenarioId, string contentHash)
    {
        var key = ScenarioDocument.Key(scenarioId, contentHash);
        if (thresholds.TryGetValue(key, out var known))
        {
            return known;
        }

        var source = db.GetCollection<ScenarioDocument>(Collections.Scenarios).FindById(key)?.SourceText;
        if (source is null)
        {
            return GradeThresholds.Default;
        }

        var grades = ScenarioParser.Parse(source, scenarioId + ".yaml").Scenario?.Grades ?? GradeThresholds.Default;
        return thresholds.GetOrAdd(key, grades);
    }
}
