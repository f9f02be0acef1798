using QaShopper.Core.Campaigns;
using QaShopper.Core.Results;

namespace QaShopper.Tests.Campaigns;

public sealed class CampaignCallPolicyTests
{
    // Monday 2 March 2026; the morning period is 09:00-11:00 UTC on weekdays.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly ServicePeriod Morning = new(
        "morning",
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new DailyWindow(TimeSpan.FromHours(9), TimeSpan.FromHours(11)));

    private static readonly CampaignRetries TwoRetries = new(
        new RetryRule(1, TimeSpan.FromMinutes(10)),
        new RetryRule(2, TimeSpan.FromMinutes(20)),
        RetryRule.None);

    private static Campaign Campaign(DateOnly? to = null) =>
        CampaignTestKit.Campaign(retries: TwoRetries, periods: [Morning], to: to, from: new DateOnly(2026, 3, 2));

    private static PlannedCall MorningCall(int seed = 7) =>
        CampaignTestKit.Call("acme-20260302-0001", Monday.AddHours(9).AddMinutes(10), Monday.AddHours(11), period: "morning", seed: seed);

    [Test]
    public void AfterAttempt_NoAnswerWithRetriesLeftThatFit_RetriesAfterTheDelay()
    {
        var now = Monday.AddHours(9).AddMinutes(12);

        var decision = CampaignCallPolicy.AfterAttempt(Campaign(), MorningCall(), 1, CallStatus.NoAnswer, now);

        Assert.That(decision, Is.EqualTo(new AttemptDecision.Retry(now.AddMinutes(20), "retry 1 of 2 after no answer")));
    }

    [Test]
    public void AfterAttempt_AllRetriesUsed_IsFinalWithNoRetryLeft()
    {
        var decision = CampaignCallPolicy.AfterAttempt(Campaign(), MorningCall(), 3, CallStatus.NoAnswer, Monday.AddHours(9).AddMinutes(50));

        Assert.That(decision, Is.EqualTo(new AttemptDecision.Final(CampaignCallState.NoAnswer, "no retry left")));
    }

    [Test]
    public void AfterAttempt_RetryWouldNotEndBeforeThePeriodCloses_IsFinalPeriodClosed()
    {
        // 10:40 + 20 min delay + 5 min call = 11:05, after the 11:00 close.
        var decision = CampaignCallPolicy.AfterAttempt(Campaign(), MorningCall(), 1, CallStatus.NoAnswer, Monday.AddHours(10).AddMinutes(40));

        Assert.That(decision, Is.EqualTo(new AttemptDecision.Final(CampaignCallState.NoAnswer, "period closed before a retry could fit")));
    }

    [Test]
    public void AfterAttempt_RetryOutsideThePeriodWhenPeriodsDoNotBind_StillRetries()
    {
        var decision = CampaignCallPolicy.AfterAttempt(Campaign(), MorningCall(), 1, CallStatus.Busy, Monday.AddHours(10).AddMinutes(58), enforceWindow: false);

        Assert.That(decision, Is.TypeOf<AttemptDecision.Retry>());
    }

    [Test]
    public void AfterAttempt_FailedWithoutRetryRule_IsFinalFailed()
    {
        var decision = CampaignCallPolicy.AfterAttempt(Campaign(), MorningCall(), 1, CallStatus.Failed, Monday.AddHours(9).AddMinutes(12));

        Assert.That(decision, Is.EqualTo(new AttemptDecision.Final(CampaignCallState.Failed, "no retry for this outcome")));
    }

    [Test]
    public void AfterAttempt_Completed_IsFinalCompleted()
    {
        var decision = CampaignCallPolicy.AfterAttempt(Campaign(), MorningCall(), 1, CallStatus.Completed, Monday.AddHours(9).AddMinutes(12));

        Assert.That(decision, Is.EqualTo(new AttemptDecision.Final(CampaignCallState.Completed, null)));
    }

    [Test]
    public void OnFire_WithinTheMisfireThreshold_Runs()
    {
        var call = MorningCall();

        var decision = CampaignCallPolicy.OnFire(Campaign(), call, call.At, call.At.AddSeconds(30), TimeSpan.FromMinutes(1));

        Assert.That(decision, Is.TypeOf<FireDecision.Run>());
    }

    [Test]
    public void OnFire_LateWhileThePeriodIsStillOpen_RunsLate()
    {
        var call = MorningCall();

        var decision = CampaignCallPolicy.OnFire(Campaign(), call, call.At, Monday.AddHours(10).AddMinutes(30), TimeSpan.FromMinutes(1));

        Assert.That(decision, Is.TypeOf<FireDecision.RunLate>());
        Assert.That(((FireDecision.RunLate)decision).Reason, Does.StartWith("80 min late"));
    }

    [Test]
    public void OnFire_TooLateForAWholeCallBeforeTheClose_ReplansIntoTheNextOccurrence()
    {
        var call = MorningCall();

        // 10:57: three minutes left, a call takes five. Tuesday's morning is next.
        var decision = CampaignCallPolicy.OnFire(Campaign(), call, call.At, Monday.AddHours(10).AddMinutes(57), TimeSpan.FromMinutes(1));

        var replan = (FireDecision.Replan)decision;
        var tuesday = Monday.AddDays(1);
        Assert.That(replan.LocalDate, Is.EqualTo(new DateOnly(2026, 3, 3)));
        Assert.That(replan.At, Is.InRange(tuesday.AddHours(9), tuesday.AddHours(10).AddMinutes(55)));
        Assert.That(replan.WindowEnd, Is.EqualTo(tuesday.AddHours(11)));
        Assert.That(replan.Reason, Does.Contain("moved to"));
    }

    [Test]
    public void OnFire_ReplanAfterTheWeekend_SkipsToMonday()
    {
        var friday = Monday.AddDays(4);
        var call = CampaignTestKit.Call("acme-20260306-0001", friday.AddHours(9), friday.AddHours(11), period: "morning");

        var decision = CampaignCallPolicy.OnFire(Campaign(), call, call.At, friday.AddHours(12), TimeSpan.FromMinutes(1));

        Assert.That(((FireDecision.Replan)decision).LocalDate, Is.EqualTo(new DateOnly(2026, 3, 9)));
    }

    [Test]
    public void OnFire_ReplanWithTheSameSeed_PicksTheSameTime()
    {
        var now = Monday.AddHours(12);

        var first = CampaignCallPolicy.OnFire(Campaign(), MorningCall(seed: 3), Monday.AddHours(9), now, TimeSpan.FromMinutes(1));
        var second = CampaignCallPolicy.OnFire(Campaign(), MorningCall(seed: 3), Monday.AddHours(9), now, TimeSpan.FromMinutes(1));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void OnFire_PeriodDoesNotComeRoundBeforeTheCampaignEnds_Skips()
    {
        var call = MorningCall();

        var decision = CampaignCallPolicy.OnFire(Campaign(to: new DateOnly(2026, 3, 2)), call, call.At, Monday.AddHours(12), TimeSpan.FromMinutes(1));

        Assert.That(decision, Is.TypeOf<FireDecision.Skip>());
        Assert.That(((FireDecision.Skip)decision).Reason, Does.Contain("period morning does not come round again before the campaign ends on 2026-03-02"));
    }
}
