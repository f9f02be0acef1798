using Dapper;
using Microsoft.Data.Sqlite;
using QaShopper.Core.Results;
using QaShopper.Sqlite.Json;

namespace QaShopper.Sqlite;

/// <summary>Calls and their scores.</summary>
public sealed partial class SqliteResultStore
{
    private const string SelectCalls = """
        SELECT c.call_id AS CallId, c.scenario_id AS ScenarioId, c.scenario_hash AS ScenarioHash, c.agent_id AS AgentId,
               c.carrier AS Carrier, c.placed_at AS PlacedAt, c.status AS Status, c.answered_after AS AnsweredAfter,
               c.duration AS Duration, c.recording_path AS RecordingPath, c.transcript_json AS TranscriptJson,
               c.template_choices_json AS TemplateChoicesJson, r.result_json AS ResultJson, r.scored_at AS ScoredAt
        FROM calls c LEFT JOIN results r ON r.call_id = c.call_id
        """;

    // An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, which would cascade to the
    // reviewers' overrides of this call.
    private const string UpsertCall = """
        INSERT INTO calls (call_id, scenario_id, scenario_hash, agent_id, carrier, placed_at, status,
                           answered_after, duration, recording_path, transcript_json, template_choices_json)
        VALUES (@CallId, @ScenarioId, @ScenarioHash, @AgentId, @Carrier, @PlacedAt, @Status,
                @AnsweredAfter, @Duration, @RecordingPath, @TranscriptJson, @TemplateChoicesJson)
        ON CONFLICT (call_id) DO UPDATE SET
            scenario_id = excluded.scenario_id, scenario_hash = excluded.scenario_hash, agent_id = excluded.agent_id,
            carrier = excluded.carrier, placed_at = excluded.placed_at, status = excluded.status,
            answered_after = excluded.answered_after, duration = excluded.duration, recording_path = excluded.recording_path,
            transcript_json = excluded.transcript_json, template_choices_json = excluded.template_choices_json
        """;

    /// <inheritdoc />
    public async Task SaveCallAsync(CallRecord callRecord, CallScore? score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callRecord);
        ArgumentException.ThrowIfNullOrWhiteSpace(callRecord.CallId, nameof(callRecord));
        ArgumentNullException.ThrowIfNull(callRecord.TemplateChoices, nameof(callRecord));

        // Serialise before touching the database so a document that cannot be written never opens a transaction.
        var callParameters = new
        {
            callRecord.CallId,
            callRecord.ScenarioId,
            callRecord.ScenarioHash,
            callRecord.AgentId,
            callRecord.Carrier,
            PlacedAt = StoreText.Time(callRecord.PlacedAt),
            Status = StoreText.Enum(callRecord.Status),
            callRecord.AnsweredAfter,
            callRecord.Duration,
            callRecord.RecordingPath,
            TranscriptJson = callRecord.Transcript is null ? null : StoreJson.Serialize(callRecord.Transcript),
            TemplateChoicesJson = StoreJson.Serialize(callRecord.TemplateChoices),
        };
        var resultParameters = score is null ? null : new
        {
            callRecord.CallId,
            score.Score,
            Grade = StoreText.Enum(score.Grade),
            score.NeedsReview,
            AgentId = score.Agent ?? callRecord.AgentId,
            ScoredAt = StoreText.Time(timeProvider.GetUtcNow()),
            ResultJson = StoreJson.Serialize(score),
        };
        var itemParameters = score is null ? [] : score.Items.Select((item, ordinal) => new
        {
            callRecord.CallId,
            ItemId = item.Id,
            Ordinal = ordinal,
            Outcome = StoreText.Enum(item.Outcome),
            item.Weight,
            item.Critical,
            EvidenceJson = StoreJson.Serialize(item.Evidence),
        }).ToList();

        await using var connection = await connections.OpenAsync(cancellationToken);

        // One IMMEDIATE transaction: either the new version of the call replaces the old one completely or,
        // on any failure, disposing the uncommitted transaction rolls back and the old version stays.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertCall, callParameters, transaction, cancellationToken: cancellationToken));

        // Items are deleted explicitly rather than through the cascade, so idempotence does not hinge on a pragma.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM result_items WHERE call_id = @CallId; DELETE FROM results WHERE call_id = @CallId;",
            new { callRecord.CallId },
            transaction,
            cancellationToken: cancellationToken));

        if (resultParameters is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO results (call_id, score, grade, needs_review, agent_id, scored_at, result_json)
                VALUES (@CallId, @Score, @Grade, @NeedsReview, @AgentId, @ScoredAt, @ResultJson)
                """,
                resultParameters,
                transaction,
                cancellationToken: cancellationToken));

            // Dapper runs the statement once per element.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO result_items (call_id, item_id, ordinal, outcome, weight, critical, evidence_json)
                VALUES (@CallId, @ItemId, @Ordinal, @Outcome, @Weight, @Critical, @EvidenceJson)
                """,
                itemParameters,
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCall>> GetCallsAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        // The agent may be known from the call (assigned by the campaign) or only from the score
        // (identified by what was said), so either one matches.
        var sql = SelectCalls + """

            WHERE (@AgentId IS NULL OR c.agent_id = @AgentId OR r.agent_id = @AgentId)
              AND (@From IS NULL OR c.placed_at >= @From)
              AND (@To IS NULL OR c.placed_at < @To)
              AND (@ScenarioId IS NULL OR c.scenario_id = @ScenarioId)
            ORDER BY c.placed_at DESC, c.call_id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallRow>(new CommandDefinition(
            sql,
            new
            {
                query.AgentId,
                From = query.From is { } from ? StoreText.Time(from) : null,
                To = query.To is { } to ? StoreText.Time(to) : null,
                query.ScenarioId,
            },
            cancellationToken: cancellationToken));
        return [.. rows.Select(ToStoredCall)];
    }

    /// <inheritdoc />
    public async Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);

        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallRow>(new CommandDefinition(
            SelectCalls + "\nWHERE c.call_id = @CallId",
            new { CallId = callId },
            cancellationToken: cancellationToken));
        return row is null ? null : ToStoredCall(row);
    }

    private static StoredCall ToStoredCall(CallRow row)
    {
        var call = new CallRecord(
            row.CallId,
            row.ScenarioId,
            row.ScenarioHash,
            row.AgentId,
            row.Carrier,
            StoreText.ParseTime(row.PlacedAt),
            StoreText.ParseEnum<CallStatus>(row.Status),
            row.AnsweredAfter,
            row.Duration,
            row.RecordingPath,
            row.TranscriptJson is null ? null : StoreJson.DeserializeTranscript(row.TranscriptJson),
            StoreJson.DeserializeTemplateChoices(row.TemplateChoicesJson));
        var score = row.ResultJson is null ? null : StoreJson.DeserializeScore(row.ResultJson);
        var scoredAt = row.ScoredAt is null ? (DateTimeOffset?)null : StoreText.ParseTime(row.ScoredAt);
        return new StoredCall(call, score, scoredAt);
    }
}
