using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;

namespace QaShopper.Core.Reviews;

/// <summary>
/// How far reviewers who scored the same calls agree: per call scored by two or more reviewers, each reviewer's score
/// (by <see cref="ScoreRule"/>, with the call's item weights), the spread in points against the norm that two reviewers
/// differ by at most <see cref="AllowedSpread"/> points on the same call, and the items they judged differently.
/// </summary>
/// <param name="Calls">The calls with two or more scorings, newest scoring first.</param>
public sealed record CalibrationReport(IReadOnlyList<CalibratedCall> Calls)
{
    /// <summary>The call-centre norm: two reviewers of one call differ by at most 5% of the score (5 points of 100).</summary>
    public const double AllowedSpread = 5.0;

    /// <summary>Share of the calls whose reviewers stay within <see cref="AllowedSpread"/>, 0..1; null without calls.</summary>
    public double? CallAgreement => Calls.Count == 0 ? null : (double)Calls.Count(c => c.WithinNorm) / Calls.Count;

    /// <summary>Share of the judged items (over all calls) every reviewer of the call judged alike, 0..1; null without items.</summary>
    public double? ItemAgreement
    {
        get
        {
            var judged = Calls.Sum(c => c.ItemsJudged);
            return judged == 0 ? null : (double)(judged - Calls.Sum(c => c.Differences.Count)) / judged;
        }
    }
}

/// <summary>One call's scorings compared.</summary>
/// <param name="CallId">The call.</param>
/// <param name="AgentId">Its agent, when known.</param>
/// <param name="AutomaticScore">The scorer's score, for reference.</param>
/// <param name="Scores">Each reviewer's score and grade, in the order they scored.</param>
/// <param name="ItemsJudged">Items at least one reviewer judged.</param>
/// <param name="Differences">The items reviewers judged differently.</param>
public sealed record CalibratedCall(string CallId, string? AgentId, double? AutomaticScore, IReadOnlyList<ReviewerScore> Scores, int ItemsJudged, IReadOnlyList<ItemDifference> Differences)
{
    /// <summary>Highest minus lowest reviewer score, in points.</summary>
    public double Spread => Scores.Count == 0 ? 0 : Math.Round(Scores.Max(s => s.Score) - Scores.Min(s => s.Score), 1, MidpointRounding.AwayFromZero);

    /// <summary>Whether the reviewers stay within <see cref="CalibrationReport.AllowedSpread"/>.</summary>
    public bool WithinNorm => Spread <= CalibrationReport.AllowedSpread;
}

/// <summary>One reviewer's score of a call.</summary>
public sealed record ReviewerScore(string Reviewer, DateTimeOffset At, double Score, Grade Grade);

/// <summary>An item reviewers judged differently: each reviewer's outcome, and the item's weight (the points at stake).</summary>
public sealed record ItemDifference(string ItemId, double Weight, IReadOnlyDictionary<string, ItemOutcome> ByReviewer);

/// <summary>Builds a <see cref="CalibrationReport"/>. Pure: the caller reads the stores.</summary>
public static class CalibrationReportBuilder
{
    /// <summary>
    /// Compares the scorings of every call scored by two or more reviewers. <paramref name="calls"/> gives each call's
    /// automatic score (its items' weights and critical flags) and <paramref name="grades"/> each call's thresholds;
    /// a call missing from <paramref name="calls"/> is left out.
    /// </summary>
    public static CalibrationReport Build(IEnumerable<CalibrationReview> reviews, IReadOnlyDictionary<string, StoredCall> calls, Func<StoredCall, GradeThresholds> grades)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(grades);
        var compared = new List<CalibratedCall>();
        foreach (var group in reviews.GroupBy(r => r.CallId, StringComparer.Ordinal))
        {
            var byReviewer = group.OrderBy(r => r.At).ToList();
            if (byReviewer.Count < 2 || !calls.TryGetValue(group.Key, out var call) || call.AutomaticScore is not { } automatic)
            {
                continue;
            }

            var thresholds = grades(call);
            var scores = byReviewer.Select(r =>
            {
                var (score, grade, _) = ScoreRule.Summarise(
                    automatic.Items.Select(i => (r.Items.GetValueOrDefault(i.Id, ItemOutcome.NotApplicable), i.Weight, i.Critical)),
                    thresholds);
                return new ReviewerScore(r.Reviewer, r.At, score, grade);
            }).ToList();

            var judged = automatic.Items.Where(i => byReviewer.Any(r => r.Items.ContainsKey(i.Id))).ToList();
            var differences = judged
                .Where(i => byReviewer.Select(r => r.Items.GetValueOrDefault(i.Id, ItemOutcome.NotApplicable)).Distinct().Count() > 1)
                .Select(i => new ItemDifference(i.Id, i.Weight, byReviewer.ToDictionary(r => r.Reviewer, r => r.Items.GetValueOrDefault(i.Id, ItemOutcome.NotApplicable), StringComparer.Ordinal)))
                .ToList();
            compared.Add(new CalibratedCall(group.Key, automatic.Agent ?? call.Call.AgentId, automatic.Score, scores, judged.Count, differences));
        }

        return new CalibrationReport([.. compared.OrderByDescending(c => c.Scores.Max(s => s.At)).ThenBy(c => c.CallId, StringComparer.Ordinal)]);
    }
}
