using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Core.Results;
using QaShopper.Web.Calls;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Calls;

/// <summary>
/// A reviewer's blind scoring of a call for calibration: the recording, the transcript and each item's wording, but
/// neither the automatic outcomes nor other reviewers' scorings, until the scoring is submitted.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class ReviewModel(CallDetailsReader reader, CallReviews reviews) : PageModel
{
    public CallDetails? Details { get; private set; }

    [BindProperty]
    public Dictionary<string, string?> Outcomes { get; set; } = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Details = await reader.ReadAsync(id, cancellationToken);
        return Details is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var result = await reviews.ScoreForCalibrationAsync(id, Outcomes, User.Identity!.Name!, cancellationToken);
        if (result.Status == ReviewStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == ReviewStatus.Done)
        {
            return RedirectToPage("/Calibration/Index", null, null, fragment: "call-" + id);
        }

        Problem = result.Problem;
        Details = await reader.ReadAsync(id, cancellationToken);
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The outcome this form last had for an item (kept when a scoring is refused).</summary>
    public string? Given(string itemId) => Outcomes.GetValueOrDefault(itemId);

    internal static IEnumerable<ItemOutcome> Choices => OutcomeNames.ReviewerOutcomes;
}
