using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Sqlite.Json;

namespace QaShopper.Sqlite;

/// <summary>
/// <see cref="ICampaignStore"/> in the result store's database (schema migration 3; migrate through
/// <see cref="SqliteResultStore.MigrateAsync"/>). Each transition is one IMMEDIATE transaction: an UPDATE guarded
/// by the expected state, and the history entry, so a transition and its record never part.
/// </summary>
public sealed class SqliteCampaignStore : ICampaignStore
{
    private const string SelectCampaigns =
        "SELECT source_text AS SourceText, campaign_json AS CampaignJson, seed AS Seed, mode AS Mode, started_at AS StartedAt FROM campaigns";

    private const string SelectCalls = """
        SELECT cc.call_id AS CallId, cc.campaign_id AS CampaignId, cc.site_id AS SiteId, cc.line AS Line, cc.period AS Period,
               cc.local_date AS LocalDate, cc.at AS At, cc.window_end AS WindowEnd, cc.scenario_id AS ScenarioId,
               cc.caller_number AS CallerNumber, cc.caller_voice AS CallerVoice, cc.seed AS Seed, cc.state AS State,
               cc.attempts AS Attempts, cc.attempt_call_id AS AttemptCallId, cc.due_at AS DueAt, cc.reason AS Reason,
               COALESCE(r.agent_id, c.agent_id) AS AgentId, r.score AS Score
        FROM campaign_calls cc
        LEFT JOIN calls c ON c.call_id = cc.attempt_call_id
        LEFT JOIN results r ON r.call_id = cc.attempt_call_id
        """;

    private readonly SqliteConnectionFactory connections;

    /// <summary>Creates a store on the file named by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="SqliteStoreOptions.Path"/> is empty or a directory.</exception>
    public SqliteCampaignStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = SqliteStoreOptionsValidator.Check(options.Path);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        connections = new SqliteConnectionFactory(options.Path);
    }

    /// <summary>Opens a campaign store on <paramref name="path"/>.</summary>
    public static SqliteCampaignStore Open(string path) => new(new SqliteStoreOptions { Path = path });

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SaveCampaignAsync(ScheduledCampaign campaign, IReadOnlyList<PlannedCallDue> calls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(calls);
        var c = campaign.Campaign;
        var json = StoreJson.Serialize(c);
        var now = StoreText.Time(campaign.StartedAt);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO campaigns (id, name, content_hash, source_text, campaign_json, seed, mode, started_at)
            VALUES (@Id, @Name, @ContentHash, @SourceText, @Json, @Seed, @Mode, @StartedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            new { c.Id, c.Name, c.ContentHash, campaign.SourceText, Json = json, campaign.Seed, campaign.Mode, StartedAt = now },
            transaction,
            cancellationToken: cancellationToken));

        var next = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(ordinal), -1) + 1 FROM campaign_calls WHERE campaign_id = @Id", new { c.Id }, transaction, cancellationToken: cancellationToken));
        var added = new List<string>();
        foreach (var due in calls)
        {
            var p = due.Call;
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO campaign_calls (call_id, campaign_id, ordinal, site_id, line, period, local_date, at, window_end,
                                            scenario_id, caller_number, caller_voice, seed, state, attempts, due_at, updated_at)
                VALUES (@CallId, @CampaignId, @Ordinal, @SiteId, @Line, @Period, @LocalDate, @At, @WindowEnd,
                        @ScenarioId, @CallerNumber, @CallerVoice, @Seed, 'planned', 0, @DueAt, @Now)
                ON CONFLICT (call_id) DO NOTHING
                """,
                new
                {
                    p.CallId,
                    CampaignId = c.Id,
                    Ordinal = next,
                    p.SiteId,
                    p.Line,
                    p.Period,
                    LocalDate = Date(p.LocalDate),
                    At = StoreText.Time(p.At),
                    WindowEnd = StoreText.Time(p.WindowEnd),
                    p.ScenarioId,
                    p.CallerNumber,
                    p.CallerVoice,
                    p.Seed,
                    DueAt = StoreText.Time(due.DueAt),
                    Now = now,
                },
                transaction,
                cancellationToken: cancellationToken));
            if (inserted == 1)
            {
                next++;
                added.Add(p.CallId);
                await InsertEventAsync(connection, transaction, p.CallId, CampaignCallEventKind.Planned, $"due {StoreText.Time(due.DueAt)}", campaign.StartedAt, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <inheritdoc />
    public async Task<ScheduledCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            SelectCampaigns + " WHERE id = @Id",
            new { Id = campaignId },
            cancellationToken: cancellationToken));
        return row is null ? null : ToCampaign(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CampaignRow>(new CommandDefinition(
            SelectCampaigns + " ORDER BY started_at DESC, id",
            cancellationToken: cancellationToken));
        return [.. rows.Select(ToCampaign)];
    }

    private static ScheduledCampaign ToCampaign(CampaignRow row) =>
        new(StoreJson.DeserializeCampaign(row.CampaignJson), row.SourceText, checked((int)row.Seed), StoreText.ParseTime(row.StartedAt), row.Mode, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <inheritdoc />
    public async Task<CampaignCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CampaignCallRow>(new CommandDefinition(
            SelectCalls + " WHERE cc.call_id = @CallId", new { CallId = callId }, cancellationToken: cancellationToken));
        return row is null ? null : ToCall(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CampaignCall>> GetCallsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CampaignCallRow>(new CommandDefinition(
            SelectCalls + " WHERE cc.campaign_id = @CampaignId ORDER BY cc.ordinal", new { CampaignId = campaignId }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToCall)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CampaignCall>> GetCallsInStateAsync(CampaignCallState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CampaignCallRow>(new CommandDefinition(
            SelectCalls + " WHERE cc.state = @State ORDER BY cc.campaign_id, cc.ordinal", new { State = StoreText.Enum(state) }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToCall)];
    }

    /// <inheritdoc />
    public Task<bool> TryStartAsync(string callId, string attemptCallId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attemptCallId);
        return TransitionAsync(
            callId,
            "state = 'running', attempts = attempts + 1, attempt_call_id = @Attempt",
            "state = 'planned'",
            new { Attempt = attemptCallId },
            CampaignCallEventKind.Started,
            attemptCallId,
            now,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> FinishAsync(string callId, string? attemptCallId, CampaignCallState state, string? reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!state.IsFinal())
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "a call can only finish in a final state");
        }

        return TransitionAsync(
            callId,
            "state = @State, reason = @Reason",
            attemptCallId is null ? "state = 'planned'" : "state = 'running' AND attempt_call_id = @Attempt",
            new { State = StoreText.Enum(state), Reason = reason, Attempt = attemptCallId },
            state.FinalEvent(),
            reason,
            now,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ScheduleRetryAsync(string callId, string attemptCallId, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attemptCallId);
        return TransitionAsync(
            callId,
            "state = 'planned', due_at = @DueAt",
            """
            state = 'running' AND attempt_call_id = @Attempt
            AND NOT EXISTS (SELECT 1 FROM campaigns k WHERE k.id = campaign_calls.campaign_id AND k.cancelled_at IS NOT NULL)
            """,
            new { DueAt = StoreText.Time(dueAt), Attempt = attemptCallId },
            CampaignCallEventKind.RetryScheduled,
            $"{reason}; due {StoreText.Time(dueAt)}",
            now,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(string callId, DateTimeOffset at, DateTimeOffset windowEnd, DateOnly localDate, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        TransitionAsync(
            callId,
            "at = @At, window_end = @WindowEnd, local_date = @LocalDate, due_at = @DueAt",
            "state = 'planned'",
            new { At = StoreText.Time(at), WindowEnd = StoreText.Time(windowEnd), LocalDate = Date(localDate), DueAt = StoreText.Time(dueAt) },
            CampaignCallEventKind.Replanned,
            reason,
            now,
            cancellationToken);

    /// <inheritdoc />
    public async Task AddEventAsync(string callId, CampaignCallEventKind kind, string? detail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await InsertEventAsync(connection, null, callId, kind, detail, now, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CampaignCallEvent>> GetEventsAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CampaignEventRow>(new CommandDefinition(
            "SELECT call_id AS CallId, at AS At, kind AS Kind, detail AS Detail FROM campaign_call_events WHERE call_id = @CallId ORDER BY id",
            new { CallId = callId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CampaignCallEvent(r.CallId, StoreText.ParseTime(r.At), StoreText.ParseEnum<CampaignCallEventKind>(r.Kind), r.Detail))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> CancelCampaignAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT call_id FROM campaign_calls WHERE campaign_id = @CampaignId AND state = 'planned' ORDER BY ordinal",
            new { CampaignId = campaignId },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE campaigns SET cancelled_at = COALESCE(cancelled_at, @Now) WHERE id = @CampaignId;
            UPDATE campaign_calls SET state = 'cancelled', reason = @Reason, updated_at = @Now WHERE campaign_id = @CampaignId AND state = 'planned';
            """,
            new { CampaignId = campaignId, Reason = reason, Now = StoreText.Time(now) },
            transaction,
            cancellationToken: cancellationToken));
        foreach (var id in ids)
        {
            await InsertEventAsync(connection, transaction, id, CampaignCallEventKind.Cancelled, reason, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private async Task<bool> TransitionAsync(
        string callId, string set, string guard, object parameters, CampaignCallEventKind kind, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callId);
        var values = new DynamicParameters(parameters);
        values.Add("CallId", callId);
        values.Add("Now", StoreText.Time(now));

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE campaign_calls SET {set}, updated_at = @Now WHERE call_id = @CallId AND {guard}",
            values,
            transaction,
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await InsertEventAsync(connection, transaction, callId, kind, detail, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<int> InsertEventAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string callId, CampaignCallEventKind kind, string? detail, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO campaign_call_events (call_id, at, kind, detail) VALUES (@CallId, @At, @Kind, @Detail)",
            new { CallId = callId, At = StoreText.Time(now), Kind = StoreText.Enum(kind), Detail = detail },
            transaction,
            cancellationToken: cancellationToken));

    private static CampaignCall ToCall(CampaignCallRow r) => new(
        new PlannedCall(
            r.CallId,
            r.CampaignId,
            r.SiteId,
            r.Line,
            r.Period,
            DateOnly.ParseExact(r.LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoreText.ParseTime(r.At),
            StoreText.ParseTime(r.WindowEnd),
            r.ScenarioId,
            r.CallerNumber,
            r.CallerVoice,
            checked((int)r.Seed)),
        StoreText.ParseEnum<CampaignCallState>(r.State),
        checked((int)r.Attempts),
        r.AttemptCallId,
        StoreText.ParseTime(r.DueAt),
        r.Reason,
        r.AgentId,
        r.Score);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class CampaignRow
    {
        public string SourceText { get; set; } = "";

        public string CampaignJson { get; set; } = "";

        public long Seed { get; set; }

        public string Mode { get; set; } = "";

        public string StartedAt { get; set; } = "";
    }

    private sealed class CampaignCallRow
    {
        public string CallId { get; set; } = "";

        public string CampaignId { get; set; } = "";

        public string SiteId { get; set; } = "";

        public string Line { get; set; } = "";

        public string Period { get; set; } = "";

        public string LocalDate { get; set; } = "";

        public string At { get; set; } = "";

        public string WindowEnd { get; set; } = "";

        public string ScenarioId { get; set; } = "";

        public string CallerNumber { get; set; } = "";

        public string? CallerVoice { get; set; }

        public long Seed { get; set; }

        public string State { get; set; } = "";

        public long Attempts { get; set; }

        public string? AttemptCallId { get; set; }

        public string DueAt { get; set; } = "";

        public string? Reason { get; set; }

        public string? AgentId { get; set; }

        public double? Score { get; set; }
    }

    private sealed class CampaignEventRow
    {
        public string CallId { get; set; } = "";

        public string At { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? Detail { get; set; }
    }
}
