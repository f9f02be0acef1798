namespace QaShopper.Core.Results;

/// <summary>
/// What really happened on a simulated call, decided by the behaviour the simulated call centre drew and never by the
/// scorer: the agent who answered and the true outcome of every checklist item. Evaluation compares scores with it.
/// </summary>
/// <param name="CallId">The call.</param>
/// <param name="AgentId">The agent who answered (lower-case), null when nobody did.</param>
/// <param name="Items">True outcome per checklist item id.</param>
/// <param name="Behaviour">The behaviours drawn, by name (for example <c>greets</c> → <c>true</c>), for reports and debugging.</param>
public sealed record CallGroundTruth(
    string CallId,
    string? AgentId,
    IReadOnlyDictionary<string, ItemOutcome> Items,
    IReadOnlyDictionary<string, string> Behaviour);
