using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Web.Campaigns;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Campaigns;

/// <summary>Every stored campaign with its calls by state.</summary>
public sealed class CampaignListModel(CampaignBoard board, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Campaigns = await board.ListAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Manage)).Succeeded;
    }
}
