using QaShopper.Core.Results;

namespace QaShopper.Core.Reviews;

/// <summary>
/// One reviewer's independent scoring of a call for calibration: every item judged passed, failed or not applicable,
/// made without seeing the automatic outcome or other reviewers' scoring.
/// </summary>
/// <param name="CallId">The call scored.</param>
/// <param name="Reviewer">The reviewer's user name.</param>
/// <param name="At">When the scoring was submitted.</param>
/// <param name="Items">The reviewer's outcome per item id.</param>
public sealed record CalibrationReview(string CallId, string Reviewer, DateTimeOffset At, IReadOnlyDictionary<string, ItemOutcome> Items);
