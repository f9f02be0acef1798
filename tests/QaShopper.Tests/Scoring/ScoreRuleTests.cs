using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Scoring;

public sealed class ScoreRuleTests
{
    [Test]
    public void WithOverrides_FailedItemPassed_RecomputesScoreGradeAndKeepsEvidence()
    {
        var automatic = SampleCalls.Score();
        var effective = ScoreRule.WithOverrides(automatic, [new ItemOverride("call-1", "all-details", ItemOutcome.Passed, "r", "said", SampleCalls.Monday)], GradeThresholds.Default);

        Assert.That((effective.Score, effective.Grade), Is.EqualTo((100.0, Grade.Excellent)));
        Assert.That(effective.Items.Single(i => i.Id == "all-details").Evidence, Is.SameAs(automatic.Items.Single(i => i.Id == "all-details").Evidence));
        Assert.That(effective.NeedsReview, Is.True, "the uncertain item still waits for a reviewer");
    }

    [Test]
    public void WithOverrides_UncertainItemDecided_NoLongerNeedsReview_AndLatestOverrideWins()
    {
        var effective = ScoreRule.WithOverrides(SampleCalls.Score(),
        [
            new ItemOverride("call-1", "silence", ItemOutcome.Passed, "r", "fine", SampleCalls.Monday.AddHours(2)),
            new ItemOverride("call-1", "silence", ItemOutcome.Failed, "r", "long hold", SampleCalls.Monday.AddHours(1)),
        ], GradeThresholds.Default);

        Assert.That(effective.Items.Single(i => i.Id == "silence").Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(effective.NeedsReview, Is.False);
    }

    [Test]
    public void Summarise_FailedCriticalItem_FailsWhateverTheScore() =>
        Assert.That(
            ScoreRule.Summarise([(ItemOutcome.Failed, 1, true), (ItemOutcome.Passed, 99, false)], GradeThresholds.Default),
            Is.EqualTo((99.0, Grade.Fail, false)));
}
