using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Campaigns;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Campaigns;

/// <summary>
/// One campaign live: calls by state, per period, agents against their weekly quota, calls reached but not identified, agents not tested, every call;
/// campaign-status.js refreshes it from <c>/api/campaigns/{id}/status</c>. Cancel needs the manage policy.
/// </summary>
public sealed class CampaignViewModel(CampaignBoard board, ICampaignControl control, IAuthorizationService authorization, ILogger<CampaignViewModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>How many calls the start just scheduled, when the start form sent the user here.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Started { get; set; }

    public CampaignSummary? Summary { get; private set; }

    public bool CanManage { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        CanManage = await ManagesAsync();
        var user = User.Identity!.Name!;
        if (!CanManage)
        {
            ManageLog.ManageRefused(logger, user, User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "", "cancelling a campaign");
            Message = "Your role cannot cancel campaigns: it needs a manager or an admin. Nothing was cancelled.";
            MessageIsError = true;
            var page = await ShowAsync(cancellationToken);
            if (page is PageResult)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return page;
        }

        var cancelled = await control.CancelAsync(Id, cancellationToken);
        if (cancelled is null)
        {
            return NotFound();
        }

        var count = cancelled.Count;
        ManageLog.CampaignCancelled(logger, user, Id, count);
        Message = $"Cancelled: {count} planned call(s) will not be placed; calls in progress finish.";
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        CanManage = await ManagesAsync();
        Summary = await board.GetAsync(Id, cancellationToken);
        return Summary is null ? NotFound() : Page();
    }

    private async Task<bool> ManagesAsync() => (await authorization.AuthorizeAsync(User, Policies.Manage)).Succeeded;
}
