using QaShopper.Core.Ports;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// <see cref="ICarrierCallJournal"/> on a <see cref="LiteDbFile"/>. Each append is one transaction that reads the call
/// with <c>ForUpdate</c> (taking the write lock before the duplicate check), so two deliveries of one callback racing on
/// two threads store it once.
/// </summary>
public sealed class LiteDbCarrierCallJournal : ICarrierCallJournal
{
    private readonly LiteDbFile file;

    /// <summary>Creates the journal on an open file.</summary>
    public LiteDbCarrierCallJournal(LiteDbFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        this.file = file;
    }

    /// <inheritdoc />
    public Task<CarrierCallRecord> OpenAsync(string callId, string carrier, string plan, DateTimeOffset openedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentException.ThrowIfNullOrEmpty(carrier);
        ArgumentNullException.ThrowIfNull(plan);
        file.InTransaction(db =>
        {
            var calls = db.GetCollection<CarrierCallDocument>(Collections.CarrierCalls);
            if (calls.Query().Where(x => x.Id == callId).ForUpdate().FirstOrDefault() is null)
            {
                calls.Insert(new CarrierCallDocument
                {
                    Id = callId,
                    Carrier = carrier,
                    Plan = plan,
                    OpenedTicks = Instant.Ticks(openedAt),
                    OpenedOffset = Instant.Offset(openedAt),
                    InFlight = true,
                });
            }

            return true;
        });
        return Task.FromResult(Read(callId)!);
    }

    /// <inheritdoc />
    public Task<bool> AppendAsync(string callId, CarrierCallEvent callEvent, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(callEvent);
        ArgumentException.ThrowIfNullOrEmpty(callEvent.Key, nameof(callEvent));
        var stored = file.InTransaction(db =>
        {
            var calls = db.GetCollection<CarrierCallDocument>(Collections.CarrierCalls);
            var call = calls.Query().Where(x => x.Id == callId).ForUpdate().FirstOrDefault()
                ?? throw new InvalidOperationException($"Cannot journal an event of call '{callId}': the call was never opened.");
            var events = db.GetCollection<CarrierCallEventDocument>(Collections.CarrierCallEvents);
            var id = CarrierCallEventDocument.IdOf(callId, callEvent.Key);
            if (events.FindById(id) is not null)
            {
                return false;
            }

            call.Arrivals++;
            events.Insert(new CarrierCallEventDocument
            {
                Id = id,
                CallId = callId,
                Kind = callEvent.Kind,
                Key = callEvent.Key,
                Sequence = callEvent.Sequence,
                Arrival = call.Arrivals,
                ReceivedTicks = Instant.Ticks(callEvent.ReceivedAt),
                ReceivedOffset = Instant.Offset(callEvent.ReceivedAt),
                Data = Pair.Of(callEvent.Data),
            });
            calls.Update(call);
            return true;
        });
        return Task.FromResult(stored);
    }

    /// <inheritdoc />
    public Task<CarrierCallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        return Task.FromResult(Read(callId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListInFlightAsync(string carrier, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(carrier);
        IReadOnlyList<string> ids = [.. file.Database.GetCollection<CarrierCallDocument>(Collections.CarrierCalls)
            .Find(x => x.InFlight)
            .Where(x => x.Carrier == carrier)
            .OrderBy(x => x.OpenedTicks)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)];
        return Task.FromResult(ids);
    }

    /// <inheritdoc />
    public Task<bool> FinishAsync(string callId, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        var marked = file.InTransaction(db =>
        {
            var calls = db.GetCollection<CarrierCallDocument>(Collections.CarrierCalls);
            var call = calls.Query().Where(x => x.Id == callId).ForUpdate().FirstOrDefault();
            if (call is null || !call.InFlight)
            {
                return false;
            }

            call.InFlight = false;
            call.FinishedTicks = Instant.Ticks(finishedAt);
            call.FinishedOffset = Instant.Offset(finishedAt);
            return calls.Update(call);
        });
        return Task.FromResult(marked);
    }

    private CarrierCallRecord? Read(string callId)
    {
        var db = file.Database;
        var call = db.GetCollection<CarrierCallDocument>(Collections.CarrierCalls).FindById(callId);
        if (call is null)
        {
            return null;
        }

        var events = db.GetCollection<CarrierCallEventDocument>(Collections.CarrierCallEvents)
            .Find(x => x.CallId == callId)
            .OrderBy(x => x.Arrival)
            .Select(d => new CarrierCallEvent(d.Kind, d.Key, d.Sequence, Instant.From(d.ReceivedTicks, d.ReceivedOffset), Pair.ToDictionary(d.Data)))
            .ToList();
        return new CarrierCallRecord(
            call.Id,
            call.Carrier,
            call.Plan,
            Instant.From(call.OpenedTicks, call.OpenedOffset),
            call.FinishedTicks is { } finished ? Instant.From(finished, call.FinishedOffset) : null,
            CarrierCallOrder.Apply(events));
    }
}

/// <summary>The journal's read order, shared by every adapter: arrival order, each kind's sequenced events sorted into that kind's slots.</summary>
public static class CarrierCallOrder
{
    /// <summary>
    /// Keeps <paramref name="byArrival"/> in place except that, for each kind, the positions its sequenced events hold
    /// are refilled with those events sorted by sequence (stable, so equal sequences keep their arrival order).
    /// </summary>
    public static IReadOnlyList<CarrierCallEvent> Apply(IReadOnlyList<CarrierCallEvent> byArrival)
    {
        ArgumentNullException.ThrowIfNull(byArrival);
        var result = byArrival.ToArray();
        foreach (var kind in byArrival.Where(e => e.Sequence is not null).Select(e => e.Kind).Distinct(StringComparer.Ordinal))
        {
            var slots = Enumerable.Range(0, result.Length).Where(i => result[i].Kind == kind && result[i].Sequence is not null).ToArray();
            var sorted = slots.Select(i => result[i]).OrderBy(e => e.Sequence).ToArray();
            for (var i = 0; i < slots.Length; i++)
            {
                result[slots[i]] = sorted[i];
            }
        }

        return result;
    }
}
