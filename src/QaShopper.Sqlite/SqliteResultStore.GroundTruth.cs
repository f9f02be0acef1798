using Dapper;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Sqlite.Json;

namespace QaShopper.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>Stores (or replaces) the ground truth of a stored call; the call must be saved first.</summary>
    public async Task SaveGroundTruthAsync(CallGroundTruth truth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(truth);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM calls WHERE call_id = @CallId", new { truth.CallId }, cancellationToken: cancellationToken));
        if (known == 0)
        {
            throw new InvalidOperationException($"Cannot store the ground truth of call '{truth.CallId}': the call is not stored.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ground_truth (call_id, agent_id, items_json, behaviour_json)
            VALUES (@CallId, @AgentId, @Items, @Behaviour)
            ON CONFLICT (call_id) DO UPDATE SET
                agent_id = excluded.agent_id, items_json = excluded.items_json, behaviour_json = excluded.behaviour_json
            """,
            new
            {
                truth.CallId,
                truth.AgentId,
                Items = StoreJson.SerializeOutcomes(truth.Items),
                Behaviour = StoreJson.Serialize(truth.Behaviour),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Reads the ground truth of a call, or null.</summary>
    public async Task<CallGroundTruth?> GetGroundTruthAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GroundTruthRow>(new CommandDefinition(
            "SELECT call_id AS CallId, agent_id AS AgentId, items_json AS ItemsJson, behaviour_json AS BehaviourJson FROM ground_truth WHERE call_id = @CallId",
            new { CallId = callId },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new CallGroundTruth(row.CallId, row.AgentId, StoreJson.DeserializeOutcomes(row.ItemsJson), StoreJson.DeserializeTemplateChoices(row.BehaviourJson));
    }

    Task IGroundTruthStore.SaveAsync(CallGroundTruth truth, CancellationToken cancellationToken) => SaveGroundTruthAsync(truth, cancellationToken);

    Task<CallGroundTruth?> IGroundTruthStore.GetAsync(string callId, CancellationToken cancellationToken) => GetGroundTruthAsync(callId, cancellationToken);

    private sealed record GroundTruthRow(string CallId, string? AgentId, string ItemsJson, string BehaviourJson);
}
