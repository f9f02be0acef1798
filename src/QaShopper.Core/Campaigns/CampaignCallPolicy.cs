using System.Globalization;
using QaShopper.Core.Results;

namespace QaShopper.Core.Campaigns;

/// <summary>What to do after an attempt: end the call in a state, or try again at a time.</summary>
public abstract record AttemptDecision
{
    private AttemptDecision()
    {
    }

    /// <summary>The call ends here.</summary>
    public sealed record Final(CampaignCallState State, string? Reason) : AttemptDecision;

    /// <summary>Try again at <paramref name="At"/>.</summary>
    public sealed record Retry(DateTimeOffset At, string Reason) : AttemptDecision;
}

/// <summary>What to do with a trigger that fired: run now, or move or drop the call because its time passed.</summary>
public abstract record FireDecision
{
    private FireDecision()
    {
    }

    /// <summary>On time (or late within the misfire threshold): place the call.</summary>
    public sealed record Run : FireDecision;

    /// <summary>Late, but its period is still open long enough: place it now and record why.</summary>
    public sealed record RunLate(string Reason) : FireDecision;

    /// <summary>Its period closed: move it into the next open occurrence of the same period.</summary>
    public sealed record Replan(DateTimeOffset At, DateTimeOffset WindowEnd, DateOnly LocalDate, string Reason) : FireDecision;

    /// <summary>Its period does not come round again before the campaign ends.</summary>
    public sealed record Skip(string Reason) : FireDecision;
}

/// <summary>
/// The scheduler's decisions about one planned call, kept pure (no clock, no store) so that retry and misfire rules
/// are tested without Quartz. Times are instants; a period's open window comes from <see cref="ServiceCalendar"/>.
/// </summary>
public static class CampaignCallPolicy
{
    /// <summary>
    /// After attempt <paramref name="attempt"/> (1-based) ended with <paramref name="status"/> at <paramref name="now"/>:
    /// retry when the campaign's rule for that outcome has attempts left and, when <paramref name="enforceWindow"/>,
    /// a retry after the rule's delay plus the expected call length still ends before the period closes.
    /// </summary>
    public static AttemptDecision AfterAttempt(Campaign campaign, PlannedCall call, int attempt, CallStatus status, DateTimeOffset now, bool enforceWindow = true)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);

        var state = CampaignCallStates.FromCallStatus(status);
        var rule = status switch
        {
            CallStatus.Busy => campaign.Retries.Busy,
            CallStatus.NoAnswer => campaign.Retries.NoAnswer,
            CallStatus.Failed => campaign.Retries.Failed,
            _ => null,
        };
        if (rule is null)
        {
            return new AttemptDecision.Final(state, null);
        }

        var retriesDone = attempt - 1;
        if (retriesDone >= rule.MaxRetries)
        {
            return new AttemptDecision.Final(state, rule.MaxRetries == 0 ? "no retry for this outcome" : "no retry left");
        }

        var at = now + rule.Delay;
        if (enforceWindow && at + campaign.Pacing.ExpectedCallLength > call.WindowEnd)
        {
            return new AttemptDecision.Final(state, "period closed before a retry could fit");
        }

        return new AttemptDecision.Retry(at, string.Create(CultureInfo.InvariantCulture, $"retry {retriesDone + 1} of {rule.MaxRetries} after {Describe(status)}"));
    }

    /// <summary>
    /// A trigger due at <paramref name="dueAt"/> fired at <paramref name="now"/>. Within <paramref name="threshold"/>
    /// it runs; later, it runs late while the period is open for a whole expected call, else it is re-planned into the
    /// next open occurrence of its period (at a seeded offset, so a re-plan is reproducible), else skipped.
    /// </summary>
    public static FireDecision OnFire(Campaign campaign, PlannedCall call, DateTimeOffset dueAt, DateTimeOffset now, TimeSpan threshold)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(call);
        if (now <= dueAt + threshold)
        {
            return new FireDecision.Run();
        }

        var late = now - dueAt;
        var length = campaign.Pacing.ExpectedCallLength;
        if (now + length <= call.WindowEnd)
        {
            return new FireDecision.RunLate(string.Create(CultureInfo.InvariantCulture, $"{Minutes(late)} late; the {call.Period} period is open until {call.WindowEnd:O}"));
        }

        var site = campaign.Site(call.SiteId);
        var next = ServiceCalendar.NextOpen(site, call.Period, now, campaign.To);

        // An occurrence too short for a whole call is no better than none: look at the following one.
        while (next is not null && next.OpenLength < length)
        {
            next = ServiceCalendar.NextOpen(site, call.Period, next.End, campaign.To);
        }

        if (next is null)
        {
            return new FireDecision.Skip(string.Create(
                CultureInfo.InvariantCulture,
                $"{Minutes(late)} late; period {call.Period} does not come round again before the campaign ends on {campaign.To:yyyy-MM-dd}"));
        }

        var room = next.OpenLength - length;
        var offset = TimeSpan.FromTicks((long)(new Random(call.Seed).NextDouble() * room.Ticks));
        var at = next.At(offset);
        return new FireDecision.Replan(at, next.End, next.LocalDate, string.Create(
            CultureInfo.InvariantCulture,
            $"{Minutes(late)} late and the {call.Period} period of {call.LocalDate:yyyy-MM-dd} had closed; moved to {at:O} ({next.LocalDate:yyyy-MM-dd})"));
    }

    private static string Describe(CallStatus status) => status switch
    {
        CallStatus.NoAnswer => "no answer",
        CallStatus.Busy => "busy",
        _ => "failure",
    };

    private static string Minutes(TimeSpan late) => string.Create(CultureInfo.InvariantCulture, $"{late.TotalMinutes:0} min");
}
