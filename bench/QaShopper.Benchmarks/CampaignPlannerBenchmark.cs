using BenchmarkDotNet.Attributes;
using QaShopper.Core.Campaigns;
using QaShopper.Tests.Campaigns;

namespace QaShopper.Benchmarks;

/// <summary>
/// Plans one week for 2,000 agents on about 270 lines over 20 sites in ten time zones (the tests' generated call
/// centre): about 6,000 calls. Target: at most 2 s on one core.
/// </summary>
[MemoryDiagnoser]
public class CampaignPlannerBenchmark
{
    private Campaign campaign = null!;
    private PlanRequest request = null!;

    [GlobalSetup]
    public void Setup()
    {
        campaign = TestCampaigns.Large(agents: 2000, sites: 20);
        request = new PlanRequest(campaign.From, campaign.From.AddDays(6), Seed: 2026);
        var plan = CampaignPlanner.Plan(campaign, request);
        if (!plan.IsFeasible)
        {
            throw new InvalidOperationException(string.Join('\n', plan.Problems));
        }
    }

    [Benchmark(Description = "plan 1 week, 2,000 agents, 20 sites")]
    public CampaignPlan PlanWeek() => CampaignPlanner.Plan(campaign, request);
}
