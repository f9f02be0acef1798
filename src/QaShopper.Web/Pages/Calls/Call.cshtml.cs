using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Web.Calls;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Calls;

/// <summary>One call: recording, items with wording, outcome and evidence, transcript, override history and alerts.</summary>
public sealed class CallModel(CallDetailsReader reader, IAuthorizationService authorization) : PageModel
{
    public CallDetails? Details { get; private set; }

    /// <summary>Whether the signed-in user may override items and score the call for calibration.</summary>
    public bool Reviews { get; private set; }

    /// <summary>A refused override's reason, carried over from the override page.</summary>
    [TempData]
    public string? OverrideProblem { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Details = await reader.ReadAsync(id, cancellationToken);
        if (Details is null)
        {
            return NotFound();
        }

        Reviews = (await authorization.AuthorizeAsync(User, Policies.Review)).Succeeded;
        return Page();
    }
}
