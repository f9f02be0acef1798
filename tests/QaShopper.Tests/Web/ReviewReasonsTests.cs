using QaShopper.Core.Attribution;
using QaShopper.Core.Results;
using QaShopper.Web.Calls;

namespace QaShopper.Tests.Web;

public sealed class ReviewReasonsTests
{
    [Test]
    public void Reasons_NameTheItemsLeftOpen_AndAnAgentNamedWithoutConfidence()
    {
        ItemView[] items = [Item("greeting", ItemOutcome.Uncertain), Item("closing", ItemOutcome.Passed), Item("hours", ItemOutcome.Uncertain)];

        var reasons = ReviewReasons.Of(items, new AgentMatch("sir", AgentMatchKind.Unsure, 0.7));

        Assert.That(reasons, Is.EqualTo(new[]
        {
            "2 items left for a person to decide: greeting, hours",
            "the agent was named from \u2018sir\u2019 without confidence: check who answered",
        }));
    }

    [Test]
    public void Reasons_AnUncertainItemOverridden_AndASureAgent_LeaveNothingOpen()
    {
        ItemView[] items = [Item("greeting", ItemOutcome.Uncertain) with { Outcome = ItemOutcome.Passed }];

        Assert.That(ReviewReasons.Of(items, new AgentMatch("sarah", AgentMatchKind.Exact, 1)), Is.Empty);
    }

    private static ItemView Item(string id, ItemOutcome outcome) => new(id, null, 1, false, outcome, outcome, Evidence.Because("test"), null);
}
