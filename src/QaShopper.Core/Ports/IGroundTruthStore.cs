using QaShopper.Core.Results;

namespace QaShopper.Core.Ports;

/// <summary>
/// Where the truth of simulated calls is kept (who really answered, what each item really was), for the evaluation.
/// Registered only in hosts that run the simulated call centre: real calls have no ground truth.
/// </summary>
public interface IGroundTruthStore
{
    /// <summary>Stores (or replaces) the ground truth of a stored call; the call must be saved first.</summary>
    Task SaveAsync(CallGroundTruth truth, CancellationToken cancellationToken = default);

    /// <summary>Reads the ground truth of a call, or null when it has none.</summary>
    Task<CallGroundTruth?> GetAsync(string callId, CancellationToken cancellationToken = default);
}
