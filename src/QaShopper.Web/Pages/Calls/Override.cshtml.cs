using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Web.Calls;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Calls;

/// <summary>
/// Takes the call page's override form (reviewers and admins only; a page of its own because Razor Pages check
/// policies per page, not per handler). Back to the call page either way, with the reason when it was refused.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class OverrideModel(CallReviews reviews) : PageModel
{
    [BindProperty]
    public string? ItemId { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? OverrideProblem { get; set; }

    public IActionResult OnGet(string id) => RedirectToPage("/Calls/Call", new { id });

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var result = await reviews.OverrideAsync(id, ItemId, Outcome, Reason, User.Identity!.Name!, cancellationToken);
        if (result.Status == ReviewStatus.NotFound)
        {
            return NotFound();
        }

        OverrideProblem = result.Problem;
        return RedirectToPage("/Calls/Call", null, new { id }, fragment: result.Status == ReviewStatus.Done ? "history" : "items");
    }
}
