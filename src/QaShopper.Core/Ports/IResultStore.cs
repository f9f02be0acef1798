using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Ports;

/// <summary>
/// Where scenarios, agents, calls and results are kept. Writes are transactional and never drop stored data. A store
/// brings its own schema up to date once, when its host starts (its registration does that), never per command.
/// </summary>
public interface IResultStore
{
    /// <summary>Keeps this scenario version (by content hash) with its source text; a known version is left as it is.</summary>
    Task SaveScenarioAsync(Scenario scenario, string sourceText, CancellationToken cancellationToken = default);

    /// <summary>The source text of one stored scenario version, or null when that version was never saved.</summary>
    Task<string?> GetScenarioSourceAsync(string scenarioId, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Every stored version of one scenario (without its source text), newest first; empty when none was saved.</summary>
    Task<IReadOnlyList<ScenarioVersion>> GetScenarioVersionsAsync(string scenarioId, CancellationToken cancellationToken = default);

    /// <summary>Adds or updates an agent.</summary>
    Task SaveAgentAsync(AgentRecord agent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a call and, when given, its score, in one transaction. Saving the same call id again
    /// replaces that call's record and score (idempotent per call); other calls are untouched.
    /// </summary>
    Task SaveCallAsync(CallRecord callRecord, CallScore? score, CancellationToken cancellationToken = default);

    /// <summary>Stores a reviewer's override beside the automatic outcome.</summary>
    Task SaveOverrideAsync(ItemOverride itemOverride, CancellationToken cancellationToken = default);

    /// <summary>Reads calls with their scores, newest first.</summary>
    Task<IReadOnlyList<StoredCall>> GetCallsAsync(CallQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The per-agent reports of the calls <paramref name="query"/> selects, exactly as
    /// <see cref="Reports.AgentReportBuilder.Build"/> makes them from <see cref="GetCallsAsync"/>; a store may answer from
    /// aggregates it keeps up to date in the same write as each call, so reports stay fast as results grow.
    /// </summary>
    Task<IReadOnlyList<Reports.AgentReport>> GetAgentReportsAsync(CallQuery query, int lastCalls = 5, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per UTC day (of the calls' report time) from <paramref name="firstDay"/> to <paramref name="lastDay"/>, what
    /// the calls filed under <paramref name="agentId"/> add up to, or every call's when it is null (the team). Days without
    /// calls are left out. For trends over long ranges: a store answers from its day aggregates.
    /// </summary>
    Task<IReadOnlyList<Reports.ReportDay>> GetReportDaysAsync(string? agentId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default);

    /// <summary>
    /// The scored calls <paramref name="query"/> selects, each as its score's figures and item outcomes only (no transcript,
    /// no evidence), in no particular order: what team reports read, cheaply, over many calls.
    /// </summary>
    Task<IReadOnlyList<Reports.ScoredCallItems>> GetScoredCallItemsAsync(CallQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one call, or null.</summary>
    Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Reads the agents.</summary>
    Task<IReadOnlyList<AgentRecord>> GetAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the overrides of one call.</summary>
    Task<IReadOnlyList<ItemOverride>> GetOverridesAsync(string callId, CancellationToken cancellationToken = default);
}
