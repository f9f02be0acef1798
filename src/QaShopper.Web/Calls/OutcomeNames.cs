using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Calls;

/// <summary>The names outcomes and grades have in the pages, forms and API, as in <c>score --json</c>.</summary>
internal static class OutcomeNames
{
    /// <summary>The outcomes a reviewer may give an item (uncertain is the scorer's, never a reviewer's verdict).</summary>
    public static readonly ItemOutcome[] ReviewerOutcomes = [ItemOutcome.Passed, ItemOutcome.Failed, ItemOutcome.NotApplicable];

    public static string Of(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Passed => "passed",
        ItemOutcome.Failed => "failed",
        ItemOutcome.NotApplicable => "not_applicable",
        _ => "uncertain",
    };

    public static string Label(ItemOutcome outcome) => Of(outcome).Replace('_', ' ');

    public static string Of(Grade grade) => grade.ToString().ToLowerInvariant();

    /// <summary>A reviewer's outcome from its name, or null when it is none of <see cref="ReviewerOutcomes"/>.</summary>
    public static ItemOutcome? ParseReviewerOutcome(string? name) =>
        ReviewerOutcomes.Cast<ItemOutcome?>().FirstOrDefault(o => string.Equals(Of(o!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Grade? ParseGrade(string? name) =>
        Enum.GetValues<Grade>().Cast<Grade?>().FirstOrDefault(g => string.Equals(Of(g!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
