using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Web.Scenarios;

namespace QaShopper.Web.Pages.Scenarios;

/// <summary>The text of one stored scenario version, exactly as it was saved.</summary>
public sealed class ScenarioVersionModel(ScenarioLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Hash { get; set; } = "";

    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var text = await library.VersionTextAsync(Id, Hash, cancellationToken);
        if (text is null)
        {
            return NotFound();
        }

        Text = text;
        return Page();
    }
}
