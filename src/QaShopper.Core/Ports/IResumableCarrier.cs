namespace QaShopper.Core.Ports;

/// <summary>
/// A carrier whose calls live outside this process (Twilio): a call placed before the host stopped goes on, and its
/// callbacks reach the next host. After a restart the call is taken up again from what the carrier stored, not placed
/// a second time.
/// </summary>
public interface IResumableCarrier : ICarrier
{
    /// <summary>
    /// True when this carrier placed (or began placing) <paramref name="callId"/> and has not yet reported its end:
    /// <see cref="ResumeCallAsync"/> can follow it to the end.
    /// </summary>
    Task<bool> IsInFlightAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows a call placed by an earlier host to its end without dialling it again; reports the same events as
    /// <see cref="ICarrier.PlaceCallAsync"/> would have (those already past included, in order).
    /// </summary>
    /// <param name="request">The call as it was placed (rebuilt from the campaign, same id).</param>
    /// <param name="cancellationToken">Stops following the call; the call itself goes on.</param>
    IAsyncEnumerable<CallEvent> ResumeCallAsync(CallRequest request, CancellationToken cancellationToken = default);
}
