using QaShopper.Core.Attribution;
using QaShopper.Core.Results;

namespace QaShopper.Web.Calls;

/// <summary>
/// Why a call is in the review queue, in words on the call page: which items are left for a person to decide, and
/// whether the agent was named only tentatively. A reviewer goes straight to those instead of reading every item.
/// </summary>
public static class ReviewReasons
{
    /// <summary>The reasons, empty when nothing is left open (every uncertain item overridden, the agent sure).</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<ItemView> items, AgentMatch? agentMatch)
    {
        ArgumentNullException.ThrowIfNull(items);
        var reasons = new List<string>(2);
        var open = items.Where(i => i.Outcome == ItemOutcome.Uncertain).Select(i => i.Id).ToList();
        if (open.Count > 0)
        {
            reasons.Add($"{open.Count} {(open.Count == 1 ? "item" : "items")} left for a person to decide: {string.Join(", ", open)}");
        }

        if (agentMatch is { Kind: AgentMatchKind.Unsure })
        {
            reasons.Add($"the agent was named from \u2018{agentMatch.Heard}\u2019 without confidence: check who answered");
        }

        return reasons;
    }
}
