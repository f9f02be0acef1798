using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Web.Scenarios;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Scenarios;

/// <summary>The scenario folder: every file with its id, title, locale, items, last change and validity.</summary>
public sealed class ScenarioListModel(ScenarioLibrary library, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<ScenarioEntry> Entries { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Entries = library.List();
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Manage)).Succeeded;
    }
}
