using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Ports;

/// <summary>Where scenarios, agents, calls and results are kept. Writes are transactional and never drop stored data.</summary>
public interface IResultStore
{
    /// <summary>Creates the store or brings its schema up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps this scenario version (by content hash) with its source text; a known version is left as it is.</summary>
    Task SaveScenarioAsync(Scenario scenario, string sourceText, CancellationToken cancellationToken = default);

    /// <summary>Adds or updates an agent.</summary>
    Task SaveAgentAsync(AgentRecord agent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a call and, when given, its score, in one transaction. Saving the same call id again
    /// replaces that call's record and score (idempotent per call); other calls are untouched.
    /// </summary>
    Task SaveCallAsync(CallRecord callRecord, CallScore? score, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) the ground truth of a stored call; the call must be saved first.</summary>
    Task SaveGroundTruthAsync(CallGroundTruth truth, CancellationToken cancellationToken = default);

    /// <summary>Reads the ground truth of a call, or null when it has none (real calls never do).</summary>
    Task<CallGroundTruth?> GetGroundTruthAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Stores a reviewer's override beside the automatic outcome.</summary>
    Task SaveOverrideAsync(ItemOverride itemOverride, CancellationToken cancellationToken = default);

    /// <summary>Reads calls with their scores, newest first.</summary>
    Task<IReadOnlyList<StoredCall>> GetCallsAsync(CallQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one call, or null.</summary>
    Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Reads the agents.</summary>
    Task<IReadOnlyList<AgentRecord>> GetAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the overrides of one call.</summary>
    Task<IReadOnlyList<ItemOverride>> GetOverridesAsync(string callId, CancellationToken cancellationToken = default);
}
