using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Scenarios;
using QaShopper.Web.Scenarios;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Scenarios;

/// <summary>
/// The scenario editor (<c>/scenarios/{id}/edit</c> and <c>/scenarios/new</c>): check with the CLI's rules, each problem
/// at its line and column; save (manage policy) writes the file only when it is valid, keeping the user's text otherwise.
/// </summary>
public sealed class ScenarioEditModel(ScenarioLibrary library, IAuthorizationService authorization, ILogger<ScenarioEditModel> logger) : PageModel
{
    /// <summary>What a new scenario starts from: the smallest valid file, to be edited.</summary>
    public const string NewScenarioText = """
        # yaml-language-server: $schema=../schemas/scenario.schema.json
        id: my-new-scenario
        title: What the caller asks about
        locale: en-US
        caller:
          name: "{{pick 'Emma' 'Liam'}}"
        script:
          - listen: { max: 20s }
          - say: "Hi, my name is {{caller.name}}. I have a question."
          - listen: { max: 30s }
          - hangup
        checklist:
          - id: greeting
            text: Greets the caller with the company name
            weight: 10
            match: { any: ["thank you for calling"] }
            within: 10s

        """;

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string Text { get; set; } = "";

    public string FileName { get; private set; } = "";

    public IReadOnlyList<ScenarioDiagnostic> Problems { get; private set; } = [];

    public bool Checked { get; private set; }

    public bool CanManage { get; private set; }

    /// <summary>Why the save was refused when the user's role may not save.</summary>
    public string? Refused { get; private set; }

    public ScenarioPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        CanManage = await ManagesAsync();
        if (Id is null)
        {
            Text = NewScenarioText;
            return Page();
        }

        if (library.Find(Id) is not { } entry)
        {
            return NotFound();
        }

        Text = entry.File.Text;
        FileName = entry.File.RelativePath;
        Problems = entry.Problems;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        CanManage = await ManagesAsync();
        Show(library.Check(Id, Text));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        CanManage = await ManagesAsync();
        var user = User.Identity!.Name!;
        if (!CanManage)
        {
            ManageLog.ManageRefused(logger, user, RoleOf(), "saving a scenario");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Refused = "Your role cannot save scenarios: it needs a manager or an admin. Nothing was saved.";
            return Page();
        }

        ScenarioCheck check;
        try
        {
            check = await library.SaveAsync(Id, Text, cancellationToken);
        }
        catch (IOException ex)
        {
            ManageLog.ScenarioWriteFailed(logger, ex, Id ?? ScenarioLibrary.NewScenarioName, FileName);
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            Refused = "The file could not be written; the previous file is left as it was. Your text is still here.";
            return Page();
        }

        if (!check.IsValid)
        {
            ManageLog.ScenarioRefused(logger, user, Id ?? ScenarioLibrary.NewScenarioName, check.Problems.Count);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(check);
            return Page();
        }

        var scenario = check.Scenario!;
        ManageLog.ScenarioSaved(logger, user, scenario.Id, scenario.ShortHash, check.FileName);
        return Redirect($"/scenarios/{Uri.EscapeDataString(scenario.Id)}?saved={scenario.ShortHash}");
    }

    private void Show(ScenarioCheck check)
    {
        Checked = true;
        Text = ScenarioLibrary.Normalise(Text);
        FileName = check.FileName;
        Problems = check.Problems;
        if (check.Scenario is { } scenario)
        {
            Preview = ScenarioPreview.Render(scenario, 1);
        }
    }

    private async Task<bool> ManagesAsync() => (await authorization.AuthorizeAsync(User, Policies.Manage)).Succeeded;

    private string RoleOf() => User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "";
}
