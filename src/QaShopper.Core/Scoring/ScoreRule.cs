using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Scoring;

/// <summary>
/// The contract's rule from item outcomes to a call's score and grade, in one place for the scorer, the evaluation's
/// ground truth, reviewers' overrides and calibration scoring: 100 × passed weight ÷ applicable weight (one decimal,
/// halves away from zero); no applicable item or any failed critical item is a fail, otherwise the scenario's
/// thresholds decide; an uncertain item means the call needs review.
/// </summary>
public static class ScoreRule
{
    /// <summary>The score, grade and review flag of the given outcomes.</summary>
    public static (double Score, Grade Grade, bool NeedsReview) Summarise(IEnumerable<(ItemOutcome Outcome, double Weight, bool Critical)> items, GradeThresholds grades)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(grades);
        var list = items as IReadOnlyList<(ItemOutcome Outcome, double Weight, bool Critical)> ?? [.. items];
        double passed = 0, applicable = 0;
        var criticalFailed = false;
        var needsReview = false;

        // Weights too large to add up (infinity over infinity is a NaN score) are summed relative to the largest; the
        // parser bounds weights read from files, this covers a scenario built in code. Ordinary weights keep unit 1 so
        // every score is computed exactly as before.
        var total = list.Sum(r => r.Weight);
        var unit = double.IsFinite(total) || list.Count == 0 ? 1 : list.Max(r => r.Weight);
        foreach (var (outcome, rawWeight, critical) in list)
        {
            var weight = rawWeight / unit;
            switch (outcome)
            {
                case ItemOutcome.Passed:
                    passed += weight;
                    applicable += weight;
                    break;
                case ItemOutcome.Failed:
                    applicable += weight;
                    criticalFailed |= critical;
                    break;
                case ItemOutcome.Uncertain:
                    needsReview = true;
                    break;
                default:
                    break;
            }
        }

        var score = applicable > 0 ? Math.Round(100.0 * passed / applicable, 1, MidpointRounding.AwayFromZero) : 0.0;
        var grade = applicable <= 0 || criticalFailed ? Grade.Fail : grades.GradeFor(score);
        return (score, grade, needsReview);
    }

    /// <summary>
    /// The score a call has once reviewers' overrides are applied: each item takes its latest override (by time, then
    /// by the order given), keeps its automatic evidence, and score, grade and review flag are summed again.
    /// </summary>
    public static CallScore WithOverrides(CallScore automatic, IEnumerable<ItemOverride> overrides, GradeThresholds grades)
    {
        ArgumentNullException.ThrowIfNull(automatic);
        ArgumentNullException.ThrowIfNull(overrides);
        var latest = new Dictionary<string, ItemOverride>(StringComparer.Ordinal);
        foreach (var o in overrides.Select((o, i) => (o, i)).OrderBy(x => x.o.At).ThenBy(x => x.i).Select(x => x.o))
        {
            latest[o.ItemId] = o;
        }

        if (latest.Count == 0)
        {
            return automatic;
        }

        var items = automatic.Items
            .Select(i => latest.TryGetValue(i.Id, out var o) ? i with { Outcome = o.Outcome } : i)
            .ToList();
        var (score, grade, needsReview) = Summarise(items.Select(i => (i.Outcome, i.Weight, i.Critical)), grades);
        return automatic with { Score = score, Grade = grade, NeedsReview = needsReview, Items = items };
    }
}
