using QaShopper.Core.Ports;

namespace QaShopper.Rehearsal;

/// <summary>The production carrier with the rehearsal's far end told each call's scenario before it is dialled.</summary>
internal sealed class BriefingCarrier(IResumableCarrier inner, RehearsalBriefings briefings) : IResumableCarrier
{
    public string Name => inner.Name;

    public IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        briefings.Brief(request);
        return inner.PlaceCallAsync(request, cancellationToken);
    }

    public Task<bool> IsInFlightAsync(string callId, CancellationToken cancellationToken = default) => inner.IsInFlightAsync(callId, cancellationToken);

    public IAsyncEnumerable<CallEvent> ResumeCallAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        briefings.Brief(request);
        return inner.ResumeCallAsync(request, cancellationToken);
    }
}
