using QaShopper.Core.Results;
using QaShopper.Core.Scoring;
using static QaShopper.Tests.Scoring.TestScenarios;

namespace QaShopper.Tests.Scoring;

/// <summary>A failed item shows what was said instead and the nearest candidate; a forbidden-phrase item lists every phrase said.</summary>
public sealed class FailedItemEvidenceTests
{
    private static readonly ChecklistScorer Scorer = new(new ScoringOptions(), new IdentityPhraseResolver());

    [Test]
    public void MissingGreeting_QuotesTheFirstUtteranceInTheWindow_AndTheClosestCandidate()
    {
        var result = Scorer.Score(
            Scenario(Item("greeting", Any("thank you for calling acme bank"), within: 10)),
            Call(60, Agent(0.5, 3, "Hello, bank, how can I help?"), Caller(3.5, 5, "Hi."), Agent(30, 34, "Thank you for calling, this is the bank."))).Items.Single();

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Heard!.Text, Is.EqualTo("Hello, bank, how can I help?"), "what the agent said where the greeting should have been");
        Assert.That(result.Evidence.Heard.Start, Is.EqualTo(0.5));
        Assert.That(result.Evidence.Closest!.Text, Does.Contain("Thank you for calling"));
        Assert.That(result.Evidence.Closest.Similarity, Is.GreaterThan(0.5).And.LessThan(0.85));
    }

    [Test]
    public void MissingClosing_QuotesTheLastUtteranceInTheWindow()
    {
        var result = Scorer.Score(
            Scenario(Item("closing", Any("have a nice day"), inLast: 15)),
            Call(60, Agent(1, 3, "Acme, Sarah speaking."), Agent(50, 53, "Right, bye then."))).Items.Single();

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Heard!.Text, Is.EqualTo("Right, bye then."));
    }

    [Test]
    public void MissingPhraseOfAnAllItem_HasItsOwnEntryWithItsClosestCandidate()
    {
        var result = Scorer.Score(
            Scenario(Item("verify", All("date of birth", "post code"))),
            Call(60, Agent(10, 12, "What is your post code?"), Agent(20, 23, "And your date of death?"))).Items.Single();

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        var missing = result.Evidence.Matches!.Single(m => m.Text is null);
        Assert.That(missing.Phrase, Is.EqualTo("date of birth"));
        Assert.That(missing.Closest!.Text, Does.Contain("date of death"));
        Assert.That(result.Evidence.Matches!.Single(m => m.Text is not null).Phrase, Is.EqualTo("post code"));
    }

    [Test]
    public void ForbiddenPhrases_EveryOneSaidIsListedInOrder()
    {
        var result = Scorer.Score(
            Scenario(Item("polite", None("calm down", "i don't know", "not my problem"))),
            Call(60, Agent(5, 7, "I don't know, sir."), Agent(20, 23, "Please calm down."), Agent(40, 42, "That's not my problem, calm down."))).Items.Single();

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Text, Is.EqualTo("I don't know"), "the first one said leads");
        Assert.That(result.Evidence.Matches!.Select(m => (m.Phrase, m.Start)), Is.EqualTo(new (string?, double?)[]
        {
            ("i don't know", 5), ("calm down", 20), ("not my problem", 40), ("calm down", 40),
        }));
        Assert.That(result.Evidence.Reason, Is.EqualTo("said 'I don't know' at 5.0 s, 'calm down' at 20.0 s, 'not my problem' at 40.0 s, 'calm down' at 40.0 s"));
    }

    [Test]
    public void ScoreJson_WritesAndReadsHeardAndClosest()
    {
        var score = Scorer.Score(
            Scenario(Item("greeting", Any("thank you for calling acme bank"), within: 10)),
            Call(60, Agent(0.5, 3, "Hello, bank, how can I help?"), Agent(30, 34, "Thank you for calling, this is the bank.")));

        var json = CallScoreJson.Serialize(score);
        var back = CallScoreJson.Deserialize(json).Items.Single().Evidence;

        Assert.That(json, Does.Contain("\"heard\"").And.Contain("\"closest\""));
        Assert.That(back.Heard!.Text, Is.EqualTo("Hello, bank, how can I help?"));
        Assert.That(back.Closest!.Start, Is.EqualTo(30));
    }
}
