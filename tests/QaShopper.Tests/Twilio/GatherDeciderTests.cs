using QaShopper.Core.Scenarios;
using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

public sealed class GatherDeciderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(5);

    private static PlannedStep Listen(params string[] until) =>
        PlannedStep.Listen(new ListenStep(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), until, default));

    [Test]
    public void Decide_SpeechWithoutUntil_EndsTheListen()
    {
        var decision = GatherDecider.Decide(Listen(), "Good morning, Acme bank", Start, null, Start.AddSeconds(5), MaxHold);

        Assert.That(decision.Outcome, Is.EqualTo(GatherOutcome.Done));
    }

    [TestCase("please hold")]
    [TestCase("Could you hold on a second?")]
    [TestCase("Bear with me.")]
    [TestCase("One moment please")]
    [TestCase("好的，请稍等")]
    public void Decide_HoldCue_GathersAgainOnHold(string speech)
    {
        var decision = GatherDecider.Decide(Listen(), speech, Start, null, Start.AddSeconds(5), MaxHold);

        Assert.That(decision, Is.EqualTo(new GatherDecision(GatherOutcome.Hold, Start.AddSeconds(5))));
    }

    [Test]
    public void Decide_EmptyResultsOnHold_KeepWaitingPastMaxUntilMaxHold()
    {
        var holdSince = Start.AddSeconds(5);

        var during = GatherDecider.Decide(Listen(), "", Start, holdSince, Start.AddSeconds(120), MaxHold);
        var after = GatherDecider.Decide(Listen(), "", Start, holdSince, holdSince + MaxHold, MaxHold);

        Assert.That((during.Outcome, after.Outcome), Is.EqualTo((GatherOutcome.Hold, GatherOutcome.Done)));
    }

    [Test]
    public void Decide_UntilNotHeard_GathersAgainUntilMaxThenEnds()
    {
        var early = GatherDecider.Decide(Listen("nine to one"), "thanks for calling", Start, null, Start.AddSeconds(10), MaxHold);
        var late = GatherDecider.Decide(Listen("nine to one"), "thanks for calling", Start, null, Start.AddSeconds(30), MaxHold);
        var heard = GatherDecider.Decide(Listen("nine to one"), "We open Nine to One.", Start, null, Start.AddSeconds(10), MaxHold);

        Assert.That((early.Outcome, late.Outcome, heard.Outcome), Is.EqualTo((GatherOutcome.Again, GatherOutcome.Done, GatherOutcome.Done)));
    }

    [TestCase(0, "Again")]
    [TestCase(29, "Again")]
    [TestCase(30, "Done")]
    public void Decide_EmptyResult_GathersAgainUntilMaxFromTheListenStart(int secondsIn, string expected)
    {
        var decision = GatherDecider.Decide(Listen(), null, Start, null, Start.AddSeconds(secondsIn), MaxHold);

        Assert.That(decision.Outcome.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void HoldCue_WordInsideAnotherWord_IsNotACue()
    {
        Assert.That(HoldCues.IsHoldCue("the household one momentum"), Is.False);
    }
}
