namespace QaShopper.Core.Campaigns;

/// <summary>What one line needs in one quota week.</summary>
/// <param name="Total">Calls in the week: the larger of the agents' shares and the sum of the period minimums.</param>
/// <param name="AgentCalls">The agents' shares alone (rounded up).</param>
/// <param name="PeriodMinimum">Calls needed in each period listed in <paramref name="Periods"/>.</param>
/// <param name="Periods">Indexes of the site's periods that are open that week.</param>
internal sealed record LineDemand(int Total, int AgentCalls, int PeriodMinimum, IReadOnlyList<int> Periods);

/// <summary>Turns the campaign's quotas into calls per line per week.</summary>
internal static class DemandCalculator
{
    /// <summary>How many of the campaign's lines list each agent: an agent's quota is split evenly over them.</summary>
    public static Dictionary<string, int> LinesPerAgent(IReadOnlyList<TargetLine> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var agent in line.Agents.Distinct(StringComparer.Ordinal))
            {
                counts[agent] = counts.GetValueOrDefault(agent) + 1;
            }
        }

        return counts;
    }

    /// <summary>The line's demand in <paramref name="week"/>, given the slots its site has open that week.</summary>
    public static LineDemand Demand(TargetLine line, CampaignQuotas quotas, IReadOnlyDictionary<string, int> linesPerAgent, PlanWeek week, IReadOnlyList<PlanSlot> slots)
    {
        // Exact decimal fractions: a share like 3 × 5/7 ÷ 2 must not round up to one call too many through binary error.
        var share = 0m;
        foreach (var agent in line.Agents.Distinct(StringComparer.Ordinal))
        {
            share += (decimal)quotas.PerAgentPerWeek * week.Days / (7m * linesPerAgent[agent]);
        }

        var agentCalls = (int)Math.Ceiling(share - 0.000000001m);
        var periods = slots.Select(s => s.PeriodIndex).Distinct().Order().ToList();
        var minimum = week.Share(Math.Max(0, quotas.PerLinePerPeriod));
        var total = Math.Max(agentCalls, minimum * periods.Count);
        return new LineDemand(total, agentCalls, minimum, periods);
    }
}
