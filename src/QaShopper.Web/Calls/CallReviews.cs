using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Reviews;

namespace QaShopper.Web.Calls;

/// <summary>How a reviewer's change went: done, no such call, or refused with a reason to show.</summary>
public enum ReviewStatus
{
    Done,
    NotFound,
    Invalid,
}

/// <summary>The result of a reviewer's change, with the reason when it was refused.</summary>
public sealed record ReviewResult(ReviewStatus Status, string? Problem = null)
{
    public static ReviewResult Done { get; } = new(ReviewStatus.Done);

    public static ReviewResult Invalid(string problem) => new(ReviewStatus.Invalid, problem);
}

/// <summary>
/// Reviewers' changes to a call, checked the same way for the page and the API: an override of one item (with a
/// mandatory reason) and a calibration scoring of every item.
/// </summary>
public sealed partial class CallReviews(IResultStore store, ICalibrationStore calibration, TimeProvider clock, ILogger<CallReviews> logger)
{
    /// <summary>The longest reason kept; a reason is a sentence or two, not a document.</summary>
    public const int MaxReasonLength = 2000;

    public async Task<ReviewResult> OverrideAsync(string callId, string? itemId, string? outcome, string? reason, string reviewer, CancellationToken cancellationToken)
    {
        var stored = await store.GetCallAsync(callId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new ReviewResult(ReviewStatus.NotFound, $"no call '{callId}'");
        }

        if (stored.Score is null)
        {
            return ReviewResult.Invalid($"call '{callId}' has no score to override");
        }

        var item = stored.Score.Items.FirstOrDefault(i => string.Equals(i.Id, itemId?.Trim(), StringComparison.Ordinal));
        if (item is null)
        {
            return ReviewResult.Invalid($"call '{callId}' has no item '{itemId}'; its items: {string.Join(", ", stored.Score.Items.Select(i => i.Id))}");
        }

        if (OutcomeNames.ParseReviewerOutcome(outcome) is not { } verdict)
        {
            return ReviewResult.Invalid($"outcome '{outcome}' is none of {string.Join(", ", OutcomeNames.ReviewerOutcomes.Select(OutcomeNames.Of))}");
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return ReviewResult.Invalid("a reason is required: say why the outcome changes");
        }

        if (why.Length > MaxReasonLength)
        {
            return ReviewResult.Invalid($"the reason is {why.Length} characters long; at most {MaxReasonLength}");
        }

        await store.SaveOverrideAsync(new ItemOverride(callId, item.Id, verdict, reviewer, why, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        Overridden(logger, reviewer, callId, item.Id, item.Outcome, verdict);
        return ReviewResult.Done;
    }

    /// <summary>Keeps a reviewer's blind scoring: every item of the call judged, nothing else.</summary>
    public async Task<ReviewResult> ScoreForCalibrationAsync(string callId, IReadOnlyDictionary<string, string?> outcomes, string reviewer, CancellationToken cancellationToken)
    {
        var stored = await store.GetCallAsync(callId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new ReviewResult(ReviewStatus.NotFound, $"no call '{callId}'");
        }

        if (stored.AutomaticScore is not { } score)
        {
            return ReviewResult.Invalid($"call '{callId}' has no score sheet to score against");
        }

        var unknown = outcomes.Keys.Where(k => !score.Items.Any(i => string.Equals(i.Id, k, StringComparison.Ordinal))).ToList();
        if (unknown.Count > 0)
        {
            return ReviewResult.Invalid($"call '{callId}' has no item {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
        }

        var judged = new Dictionary<string, ItemOutcome>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var item in score.Items)
        {
            var given = outcomes.GetValueOrDefault(item.Id);
            if (OutcomeNames.ParseReviewerOutcome(given) is { } verdict)
            {
                judged[item.Id] = verdict;
            }
            else
            {
                problems.Add(given is null ? $"item '{item.Id}' is not judged" : $"item '{item.Id}': '{given}' is none of passed, failed, not_applicable");
            }
        }

        if (problems.Count > 0)
        {
            return ReviewResult.Invalid(string.Join("; ", problems));
        }

        await calibration.SaveReviewAsync(new CalibrationReview(callId, reviewer, clock.GetUtcNow(), judged), cancellationToken).ConfigureAwait(false);
        ScoredForCalibration(logger, reviewer, callId);
        return ReviewResult.Done;
    }

    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "{Reviewer} overrode item {ItemId} of call {CallId}: {From} to {To}")]
    private static partial void Overridden(ILogger logger, string reviewer, string callId, string itemId, ItemOutcome from, ItemOutcome to);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Information, Message = "{Reviewer} scored call {CallId} for calibration")]
    private static partial void ScoredForCalibration(ILogger logger, string reviewer, string callId);
}
