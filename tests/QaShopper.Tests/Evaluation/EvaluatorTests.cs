using QaShopper.Core.Evaluation;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Scenarios;

namespace QaShopper.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static readonly Scenario Example = ScenarioParser.Parse(ExampleScenario.Yaml, "example.yaml").Scenario!;

    [Test]
    public void Evaluate_ScoreAgreesWithTruth_FullAgreementAndZeroError()
    {
        var truth = Truth("sarah", ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Failed), ("agent-name", ItemOutcome.Passed));
        var score = Score("sarah", 80, ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Failed), ("agent-name", ItemOutcome.Passed));

        var report = Evaluator.Evaluate([new EvaluatedCall(Example, truth, score with { Score = Evaluator.TruthScore(Example, truth).Score })]);

        Assert.That(report.Items, Is.EqualTo(3));
        Assert.That(report.ItemAgreement, Is.EqualTo(1.0));
        Assert.That(report.MeanAbsoluteScoreError, Is.Zero);
        Assert.That(report.ShareWithin5Points, Is.EqualTo(1.0));
        Assert.That(report.AgentAttributionRate, Is.EqualTo(1.0));
    }

    [Test]
    public void Evaluate_FalsePassFalseFailAndUncertain_CountedPerItem()
    {
        var truth = Truth("sarah", ("greeting", ItemOutcome.Failed), ("closing", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed));
        var score = Score(null, 50, ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Failed), ("agent-name", ItemOutcome.Uncertain));

        var report = Evaluator.Evaluate([new EvaluatedCall(Example, truth, score)]);

        Assert.That(report.Agreements, Is.Zero);
        Assert.That(report.Uncertain, Is.EqualTo(1));
        Assert.That(report.PerItem.Single(i => i.ItemId == "greeting").FalsePasses, Is.EqualTo(1));
        Assert.That(report.PerItem.Single(i => i.ItemId == "closing").FalseFails, Is.EqualTo(1));
        Assert.That(report.AgentAttributionRate, Is.Zero);
        Assert.That(report.MeetsTargets, Is.False);
    }

    [Test]
    public void Evaluate_AgentWhoGaveNoName_IsNotCountedForAttribution()
    {
        var silent = Truth("tom", ("agent-name", ItemOutcome.Failed));
        var named = Truth("sarah", ("agent-name", ItemOutcome.Passed));

        var report = Evaluator.Evaluate(
        [
            new EvaluatedCall(Example, silent, Score(null, 50, ("agent-name", ItemOutcome.Failed))),
            new EvaluatedCall(Example, named, Score("sarah", 50, ("agent-name", ItemOutcome.Passed))),
        ]);

        Assert.That(report.AgentsIntroduced, Is.EqualTo(1));
        Assert.That(report.AgentAttributionRate, Is.EqualTo(1.0));
    }

    [Test]
    public void TruthScore_FailedCriticalItem_GradesFail()
    {
        var truth = Truth("sarah", ("greeting", ItemOutcome.Passed), ("correct-hours", ItemOutcome.Failed), ("closing", ItemOutcome.Passed));

        var (score, grade) = Evaluator.TruthScore(Example, truth);

        Assert.That(score, Is.EqualTo(40.0), "20 of 50 points");
        Assert.That(grade, Is.EqualTo(Grade.Fail));
    }

    [Test]
    public void Evaluate_NotApplicableTruth_IsNotCompared()
    {
        var truth = Truth(null, ("answer-speed", ItemOutcome.Failed), ("greeting", ItemOutcome.NotApplicable));
        var score = Score(null, 0, ("answer-speed", ItemOutcome.Failed), ("greeting", ItemOutcome.NotApplicable));

        var report = Evaluator.Evaluate([new EvaluatedCall(Example, truth, score)]);

        Assert.That(report.Items, Is.EqualTo(1));
        Assert.That(report.ItemAgreement, Is.EqualTo(1.0));
    }

    private static CallGroundTruth Truth(string? agent, params (string Id, ItemOutcome Outcome)[] items) =>
        new("c1", agent, items.ToDictionary(i => i.Id, i => i.Outcome), new Dictionary<string, string>());

    private static CallScore Score(string? agent, double score, params (string Id, ItemOutcome Outcome)[] items) =>
        new(Example.Id, Example.ContentHash, agent, score, Grade.Pass, false,
            [.. items.Select(i => new ItemResult(i.Id, i.Outcome, 10, false, Evidence.Because("test")))]);
}
