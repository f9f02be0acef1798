using QaShopper.Core.Attribution;
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
    public void Evaluate_UncertainItems_AreLeftOutOfDecidedAgreementAndOfBothScores()
    {
        var truth = Truth("sarah", ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Failed), ("agent-name", ItemOutcome.Passed));

        // The scorer decided greeting and agent-name rightly and left closing uncertain: over the decided items it agrees
        // fully, and its score (both passed) equals the truth's over the same two items.
        var score = Score("sarah", 100, ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Uncertain), ("agent-name", ItemOutcome.Passed)) with { NeedsReview = true };

        var report = Evaluator.Evaluate([new EvaluatedCall(Example, truth, score)]);

        Assert.That(report.ItemAgreement, Is.EqualTo(2.0 / 3), "uncertain counts against plain agreement");
        Assert.That(report.ConfidentItems, Is.EqualTo(2));
        Assert.That(report.ConfidentItemAgreement, Is.EqualTo(1.0));
        Assert.That(report.ShareWithin5ConfidentPoints, Is.EqualTo(1.0));
        Assert.That(report.ShareWithin5Points, Is.Zero, "against the whole truth the call is 100 vs a score with closing failed");
        Assert.That(report.ReviewRate, Is.EqualTo(1.0));
    }

    [Test]
    public void Evaluate_SplitsReviewsIntoUncertainItemsAndUnsureAgentsOnly()
    {
        var truth = Truth("sarah", ("greeting", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed));
        var uncertainItem = Score("sarah", 50, ("greeting", ItemOutcome.Uncertain), ("agent-name", ItemOutcome.Passed)) with { NeedsReview = true };
        var unsureAgentOnly = Score("sarah", 100, ("greeting", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed)) with
        {
            NeedsReview = true,
            AgentMatch = new AgentMatch("sara", AgentMatchKind.Unsure, 0.7),
        };
        var decided = Score("sarah", 100, ("greeting", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed));

        var report = Evaluator.Evaluate([new EvaluatedCall(Example, truth, uncertainItem), new EvaluatedCall(Example, truth, unsureAgentOnly), new EvaluatedCall(Example, truth, decided)]);

        Assert.That(report.CallsNeedingReview, Is.EqualTo(2));
        Assert.That(report.CallsReviewedForUncertainItems, Is.EqualTo(1));
        Assert.That(report.CallsReviewedOnlyForTheAgent, Is.EqualTo(1));
    }

    [Test]
    public void Evaluate_GivesTheFiguresPerAgentVoice_AndNoneWhenNoVoiceIsKnown()
    {
        var truth = Truth("sarah", ("greeting", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed));
        var heard = Score("sarah", 100, ("greeting", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed));
        var doubted = Score(null, 50, ("greeting", ItemOutcome.Uncertain), ("agent-name", ItemOutcome.Uncertain)) with { NeedsReview = true };
        EvaluatedCall[] calls =
        [
            new(Example, truth, heard, AgentVoice: "rms"),
            new(Example, truth, doubted, AgentVoice: "espeak:en-gb+f2"),
            new(Example, truth, doubted, AgentVoice: "espeak:en-gb+f2"),
        ];

        var report = Evaluator.Evaluate(calls);
        var unvoiced = Evaluator.Evaluate(calls.Select(c => c with { AgentVoice = null }));

        Assert.That(report.ByVoice.Select(v => v.Voice), Is.EqualTo(new[] { "espeak:en-gb+f2", "rms" }));
        var espeak = report.ByVoice[0].Report;
        var rms = report.ByVoice[1].Report;
        Assert.That((espeak.Calls, espeak.ReviewRate, espeak.Uncertain, espeak.AgentAttributionRate), Is.EqualTo((2, 1.0, 4, 0.0)));
        Assert.That((rms.Calls, rms.ReviewRate, rms.Uncertain, rms.AgentAttributionRate), Is.EqualTo((1, 0.0, 0, 1.0)));
        Assert.That(report.ReviewRate, Is.EqualTo(2.0 / 3), "the whole set's figures are unchanged by the split");
        Assert.That(espeak.ByVoice, Is.Empty, "one level of split");
        Assert.That(unvoiced.ByVoice, Is.Empty);
    }

    [Test]
    public void Evaluate_CountsCriticalFalseFailsAndWrongAgentsNamedWithConfidence()
    {
        var truth = Truth("sarah", ("correct-hours", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed));
        var confident = Score("fiona", 50, ("correct-hours", ItemOutcome.Failed), ("agent-name", ItemOutcome.Passed)) with
        {
            AgentMatch = new AgentMatch("fee", AgentMatchKind.SoundsAlike, 0.7),
        };
        var unsure = Score("fiona", 50, ("correct-hours", ItemOutcome.Passed), ("agent-name", ItemOutcome.Passed)) with
        {
            AgentMatch = new AgentMatch("fee", AgentMatchKind.Unsure, 0.6),
        };

        var report = Evaluator.Evaluate([new EvaluatedCall(Example, truth, confident), new EvaluatedCall(Example, truth, unsure)]);

        Assert.That(report.CriticalFalseFails, Is.EqualTo(1));
        Assert.That(report.AgentsNamedWrongly, Is.EqualTo(2));
        Assert.That(report.AgentsNamedWronglyWithConfidence, Is.EqualTo(1));
        Assert.That(report.FalseFailsPerCall, Is.EqualTo(0.5));
        Assert.That(report.Disagreements.Single().ItemId, Is.EqualTo("correct-hours"));
        Assert.That(report.Disagreements.Single().Critical, Is.True);
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
