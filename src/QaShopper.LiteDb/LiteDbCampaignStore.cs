using System.Globalization;
using LiteDB;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// <see cref="ICampaignStore"/> on a <see cref="LiteDbFile"/>. Every transition is one synchronous transaction that
/// reads the call with <c>ForUpdate</c> (taking the write lock before the state is checked, so racing triggers cannot
/// both see Planned), checks the expected state, writes the new state and appends the history entry.
/// </summary>
public sealed partial class LiteDbCampaignStore : ICampaignStore
{
    private readonly LiteDbFile file;

    /// <summary>Creates the store on an open file.</summary>
    public LiteDbCampaignStore(LiteDbFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        this.file = file;
    }

    /// <summary>For tests: runs between a transition's state write and its history entry (to fail a transition halfway).</summary>
    internal Action<CampaignCallEventKind>? BeforeHistoryWrite { get; set; }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> SaveCampaignAsync(ScheduledCampaign campaign, IReadOnlyList<PlannedCallDue> calls, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(calls);
        var c = campaign.Campaign;
        var record = new CampaignRecordDocument
        {
            Id = c.Id,
            Name = c.Name,
            ContentHash = c.ContentHash,
            SourceText = campaign.SourceText,
            CampaignJson = CampaignJson.Serialize(c),
            Seed = campaign.Seed,
            Mode = campaign.Mode,
            StartedTicks = Instant.Ticks(campaign.StartedAt),
            StartedOffset = Instant.Offset(campaign.StartedAt),
            ScenarioVersions = Pair.Of(campaign.ScenarioVersions),
        };

        var added = file.InTransaction(db =>
        {
            // Locks in one order everywhere (campaign calls, campaigns, events) so two writers never wait on each other.
            var callCollection = db.GetCollection<CampaignCallDocument>(Collections.CampaignCalls);
            var existing = callCollection.Query().Where(x => x.CampaignId == c.Id).ForUpdate().ToList();
            var campaigns = db.GetCollection<CampaignRecordDocument>(Collections.Campaigns);
            if (campaigns.FindById(c.Id) is null)
            {
                campaigns.Insert(record);
            }

            var next = existing.Count == 0 ? 0 : existing.Max(x => x.Ordinal) + 1;
            var added = new List<string>();
            foreach (var due in calls)
            {
                var p = due.Call;
                if (callCollection.FindById(p.CallId) is not null)
                {
                    continue;
                }

                callCollection.Insert(new CampaignCallDocument
                {
                    Id = p.CallId,
                    CampaignId = c.Id,
                    Ordinal = next++,
                    SiteId = p.SiteId,
                    Line = p.Line,
                    Period = p.Period,
                    LocalDate = p.LocalDate.DayNumber,
                    AtTicks = Instant.Ticks(p.At),
                    AtOffset = Instant.Offset(p.At),
                    WindowEndTicks = Instant.Ticks(p.WindowEnd),
                    WindowEndOffset = Instant.Offset(p.WindowEnd),
                    ScenarioId = p.ScenarioId,
                    CallerNumber = p.CallerNumber,
                    CallerVoice = p.CallerVoice,
                    Seed = p.Seed,
                    State = nameof(CampaignCallState.Planned),
                    DueTicks = Instant.Ticks(due.DueAt),
                    DueOffset = Instant.Offset(due.DueAt),
                    UpdatedTicks = Instant.Ticks(campaign.StartedAt),
                });
                added.Add(p.CallId);
                InsertEvent(db, p.CallId, CampaignCallEventKind.Planned, $"due {Text(due.DueAt)}", campaign.StartedAt);
            }

            return added;
        });
        return Task.FromResult<IReadOnlyList<string>>(added);
    }

    /// <inheritdoc />
    public Task<ScheduledCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(campaignId);
        var record = Collection<CampaignRecordDocument>(Collections.Campaigns).FindById(campaignId);
        return Task.FromResult(record is null ? null : ToCampaign(record));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduledCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var campaigns = Collection<CampaignRecordDocument>(Collections.Campaigns).FindAll()
            .OrderByDescending(r => r.StartedTicks)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(ToCampaign)
            .ToList();
        return Task.FromResult<IReadOnlyList<ScheduledCampaign>>(campaigns);
    }

    /// <inheritdoc />
    public Task<CampaignCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        var db = file.Database;
        var call = db.GetCollection<CampaignCallDocument>(Collections.CampaignCalls).FindById(callId);
        return Task.FromResult(call is null ? null : ToCall(db, call));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CampaignCall>> GetCallsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(campaignId);
        var db = file.Database;
        var calls = db.GetCollection<CampaignCallDocument>(Collections.CampaignCalls).Find(x => x.CampaignId == campaignId)
            .OrderBy(x => x.Ordinal)
            .Select(x => ToCall(db, x))
            .ToList();
        return Task.FromResult<IReadOnlyList<CampaignCall>>(calls);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CampaignCall>> GetCallsInStateAsync(CampaignCallState state, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = file.Database;
        var name = state.ToString();
        var calls = db.GetCollection<CampaignCallDocument>(Collections.CampaignCalls).Find(x => x.State == name)
            .OrderBy(x => x.CampaignId, StringComparer.Ordinal)
            .ThenBy(x => x.Ordinal)
            .Select(x => ToCall(db, x))
            .ToList();
        return Task.FromResult<IReadOnlyList<CampaignCall>>(calls);
    }

    /// <inheritdoc />
    public Task AddEventAsync(string callId, CampaignCallEventKind kind, string? detail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        file.InTransaction(db => InsertEvent(db, callId, kind, detail, now));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CampaignCallEvent>> GetEventsAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        var events = Collection<CampaignEventDocument>(Collections.CampaignEvents).Find(x => x.CallId == callId)
            .OrderBy(e => e.Id)
            .Select(e => new CampaignCallEvent(e.CallId, Instant.From(e.AtTicks, e.AtOffset), Enum.Parse<CampaignCallEventKind>(e.Kind), e.Detail))
            .ToList();
        return Task.FromResult<IReadOnlyList<CampaignCallEvent>>(events);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> CancelCampaignAsync(string campaignId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(campaignId);
        var planned = nameof(CampaignCallState.Planned);
        var cancelled = file.InTransaction(db =>
        {
            var calls = db.GetCollection<CampaignCallDocument>(Collections.CampaignCalls);
            var toCancel = calls.Query().Where(x => x.CampaignId == campaignId && x.State == planned).ForUpdate().ToList()
                .OrderBy(x => x.Ordinal)
                .ToList();
            var campaigns = db.GetCollection<CampaignRecordDocument>(Collections.Campaigns);
            if (campaigns.FindById(campaignId) is { CancelledTicks: null } record)
            {
                record.CancelledTicks = Instant.Ticks(now);
                campaigns.Update(record);
            }

            foreach (var call in toCancel)
            {
                call.State = nameof(CampaignCallState.Cancelled);
                call.Reason = reason;
                call.UpdatedTicks = Instant.Ticks(now);
                calls.Update(call);
                InsertEvent(db, call.Id, CampaignCallEventKind.Cancelled, reason, now);
            }

            return toCancel.Select(x => x.Id).ToList();
        });
        return Task.FromResult<IReadOnlyList<string>>(cancelled);
    }

    private ILiteCollection<T> Collection<T>(string name) => file.Database.GetCollection<T>(name);

    private static bool InsertEvent(LiteDatabase db, string callId, CampaignCallEventKind kind, string? detail, DateTimeOffset at)
    {
        db.GetCollection<CampaignEventDocument>(Collections.CampaignEvents).Insert(new CampaignEventDocument
        {
            CallId = callId,
            AtTicks = Instant.Ticks(at),
            AtOffset = Instant.Offset(at),
            Kind = kind.ToString(),
            Detail = detail,
        });
        return true;
    }

    /// <summary>The instant as the history details spell it (ISO 8601, UTC), as the SQLite store did.</summary>
    private static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

    private static ScheduledCampaign ToCampaign(CampaignRecordDocument r) =>
        new(CampaignJson.Deserialize(r.CampaignJson), r.SourceText, r.Seed, Instant.From(r.StartedTicks, r.StartedOffset), r.Mode, Pair.ToDictionary(r.ScenarioVersions));

    /// <summary>The call with its latest attempt's agent and score, read from the result store's call as the SQLite join did.</summary>
    private static CampaignCall ToCall(LiteDatabase db, CampaignCallDocument d)
    {
        var attempt = d.AttemptCallId is null ? null : db.GetCollection<CallDocument>(Collections.Calls).FindById(d.AttemptCallId);
        return new CampaignCall(
            new PlannedCall(
                d.Id,
                d.CampaignId,
                d.SiteId,
                d.Line,
                d.Period,
                DateOnly.FromDayNumber(d.LocalDate),
                Instant.From(d.AtTicks, d.AtOffset),
                Instant.From(d.WindowEndTicks, d.WindowEndOffset),
                d.ScenarioId,
                d.CallerNumber,
                d.CallerVoice,
                d.Seed),
            Enum.Parse<CampaignCallState>(d.State),
            d.Attempts,
            d.AttemptCallId,
            Instant.From(d.DueTicks, d.DueOffset),
            d.Reason,
            attempt?.ResultAgent,
            attempt?.Score?.Score);
    }
}
