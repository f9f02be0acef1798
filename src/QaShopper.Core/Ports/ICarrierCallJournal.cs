namespace QaShopper.Core.Ports;

/// <summary>
/// The durable record of calls a webhook-driven carrier has placed: the call's plan written before dialling, then every
/// callback appended as it arrives. It is the queue between the webhook endpoints (writers) and the carrier's follower
/// (reader): a host restarted mid-call lists the calls still in flight and follows them to the end from here, without
/// dialling again. Carrier-agnostic: the kinds, keys and data of events are the carrier's own.
/// </summary>
public interface ICarrierCallJournal
{
    /// <summary>
    /// Opens the journal of <paramref name="callId"/> with its serialized plan; idempotent: a call already open keeps its
    /// first carrier, plan and time, and is returned as stored.
    /// </summary>
    Task<CarrierCallRecord> OpenAsync(string callId, string carrier, string plan, DateTimeOffset openedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends an event to an open call. <see cref="CarrierCallEvent.Key"/> is the dedupe key (for example a status
    /// callback's CallSid and SequenceNumber, a recording's RecordingSid): an event whose key the call already has is not
    /// stored again, whatever its data.
    /// </summary>
    /// <returns>True when stored; false for a duplicate.</returns>
    /// <exception cref="InvalidOperationException">The call was never opened.</exception>
    Task<bool> AppendAsync(string callId, CarrierCallEvent callEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// The call with its events: in arrival order, except that the events of one kind that carry a
    /// <see cref="CarrierCallEvent.Sequence"/> are in sequence order among themselves (callbacks can arrive out of order;
    /// their sequence numbers say the true order). Null when the call was never opened.
    /// </summary>
    Task<CarrierCallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the calls of <paramref name="carrier"/> opened and not yet finished, oldest first.</summary>
    Task<IReadOnlyList<string>> ListInFlightAsync(string carrier, CancellationToken cancellationToken = default);

    /// <summary>Marks the call finished (its outcome reported); idempotent, the first time is kept.</summary>
    /// <returns>True when this call marked it; false when it was already finished or was never opened.</returns>
    Task<bool> FinishAsync(string callId, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);
}

/// <summary>One event of a carrier's call.</summary>
/// <param name="Kind">What happened, in the carrier's words (<c>status</c>, <c>recording</c>, <c>step</c>).</param>
/// <param name="Key">The dedupe key, unique within the call.</param>
/// <param name="Sequence">The order the carrier gives events of this kind, when it gives one; null orders by arrival.</param>
/// <param name="ReceivedAt">When this host received it.</param>
/// <param name="Data">The event's fields.</param>
public sealed record CarrierCallEvent(string Kind, string Key, long? Sequence, DateTimeOffset ReceivedAt, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>A field, or null when absent.</summary>
    public string? this[string field] => Data.TryGetValue(field, out var value) ? value : null;
}

/// <summary>A journaled call.</summary>
/// <param name="CallId">Our call id.</param>
/// <param name="Carrier">The carrier that placed it.</param>
/// <param name="Plan">The carrier's serialized plan, written before dialling.</param>
/// <param name="OpenedAt">When the journal was opened.</param>
/// <param name="FinishedAt">When its outcome was reported; null while in flight.</param>
/// <param name="Events">Its events, ordered as <see cref="ICarrierCallJournal.GetAsync"/> says.</param>
public sealed record CarrierCallRecord(
    string CallId,
    string Carrier,
    string Plan,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<CarrierCallEvent> Events);
