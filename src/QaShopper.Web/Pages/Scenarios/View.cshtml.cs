using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Core.Scenarios;
using QaShopper.Web.Scenarios;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Scenarios;

/// <summary>One scenario: its checklist, a preview of one rendered call, its YAML and every version kept.</summary>
public sealed class ScenarioViewModel(ScenarioLibrary library, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>Which draw the preview shows; a link moves to the next.</summary>
    [BindProperty(SupportsGet = true)]
    public int Draw { get; set; } = 1;

    /// <summary>The short hash of the version just saved, when the editor sent the user here.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public ScenarioEntry? Entry { get; private set; }

    public ScenarioPreview? Preview { get; private set; }

    public IReadOnlyList<ScenarioVersion> Versions { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Entry = library.Find(Id);
        if (Entry is null)
        {
            return NotFound();
        }

        if (Entry.File.Result.Scenario is { } scenario)
        {
            Preview = ScenarioPreview.Render(scenario, Draw);
        }

        Versions = await library.VersionsAsync(Id, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Manage)).Succeeded;
        return Page();
    }
}
