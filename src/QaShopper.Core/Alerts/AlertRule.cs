using System.Globalization;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Alerts;

/// <summary>
/// When a scored call must be escalated at once (call-centre norms: serious problems are escalated at once, not at the
/// month's end): every failed critical item, and a fail grade.
/// </summary>
public static class AlertRule
{
    /// <summary>The reasons <paramref name="score"/> calls for an alert, one line each; empty when it needs none.</summary>
    public static IReadOnlyList<string> ReasonsFor(CallScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var reasons = score.Items
            .Where(i => i.Critical && i.Outcome == ItemOutcome.Failed)
            .Select(i => $"critical item '{i.Id}' failed" + (i.Evidence.Reason is { } why ? $": {why}" : ""))
            .ToList();
        if (score.Grade == Grade.Fail)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"grade fail (score {score.Score:0.0})"));
        }

        return reasons;
    }
}

/// <summary>An alert sent, or tried, about one call through one channel.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Reason">Why it was sent: the reasons, one per line.</param>
/// <param name="Channel"><c>webhook</c> or <c>email</c>.</param>
/// <param name="SentAt">When it was sent or tried.</param>
/// <param name="Delivered">Whether the channel took it.</param>
/// <param name="Error">Why not, when it was not delivered.</param>
public sealed record AlertRecord(string CallId, string Reason, string Channel, DateTimeOffset SentAt, bool Delivered, string? Error);

/// <summary>
/// Told of every call the pipeline has just scored and stored; decides and sends alerts on its own time, so it must
/// return at once and never throw: a call is never slowed or failed by its alerts.
/// </summary>
public interface ICallScoredNotifier
{
    /// <summary>Takes note of a scored call.</summary>
    void CallScored(CallRecord callRecord, CallScore score);
}
