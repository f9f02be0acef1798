using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;
using QaShopper.Web.Api;
using QaShopper.Web.Campaigns;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages.Campaigns;

/// <summary>
/// Upload or write a campaign file, check it and see its plan (everyone signed in); start it in the running scheduler
/// (manage policy). <c>?from=ID</c> starts from a stored campaign's text.
/// </summary>
public sealed class CampaignEditModel(ICampaignControl control, ICampaignStore store, IAuthorizationService authorization, ILogger<CampaignEditModel> logger) : PageModel
{
    /// <summary>The largest upload read: the CLI's limit for campaign files.</summary>
    public const long MaxUploadBytes = 4L * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty]
    public string Text { get; set; } = "";

    [BindProperty]
    public string FileName { get; set; } = CampaignApi.DefaultFileName;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    public CampaignCheck? Check { get; private set; }

    public bool CanManage { get; private set; }

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = await ManagesAsync();
        if (From is not null)
        {
            var stored = await store.GetCampaignAsync(From, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }

            Text = stored.SourceText;
            FileName = $"{stored.Campaign.Id}.yaml";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken cancellationToken)
    {
        CanManage = await ManagesAsync();
        if (!await ReadUploadAsync(cancellationToken))
        {
            return Page();
        }

        Check = control.Check(Text, FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        CanManage = await ManagesAsync();
        var user = User.Identity!.Name!;
        if (!CanManage)
        {
            ManageLog.ManageRefused(logger, user, User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "", "starting a campaign");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Refused = "Your role cannot start campaigns: it needs a manager or an admin. Nothing was scheduled.";
            return Page();
        }

        if (!await ReadUploadAsync(cancellationToken))
        {
            return Page();
        }

        if (!CampaignApi.TryMode(Mode, null, out var mode, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Refused = error;
            return Page();
        }

        var result = await control.StartAsync(Text, FileName, mode, cancellationToken);
        Check = result.Check;
        if (!result.Check.IsValid || !result.Started)
        {
            Refused = result.Refusal is null ? "The campaign file has problems; nothing was scheduled." : $"Not started: {result.Refusal}";
            ManageLog.CampaignRefused(logger, user, Refused);
            Response.StatusCode = result.Check.IsValid ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        var modeName = CampaignApi.ModeName(mode);
        ManageLog.CampaignStarted(logger, user, result.CampaignId!, modeName, result.Planned, result.Added);
        return Redirect($"/campaigns/{Uri.EscapeDataString(result.CampaignId!)}?started={result.Added}");
    }

    /// <summary>An uploaded file replaces the text; one too big or not text is refused with the reason.</summary>
    private async Task<bool> ReadUploadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return true;
        }

        if (Upload.Length > MaxUploadBytes)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Refused = $"{Upload.FileName}: the file is {Upload.Length} bytes; campaign files are at most {MaxUploadBytes} bytes";
            return false;
        }

        using var reader = new StreamReader(Upload.OpenReadStream());
        Text = await reader.ReadToEndAsync(cancellationToken);
        FileName = Path.GetFileName(Upload.FileName);
        return true;
    }

    private async Task<bool> ManagesAsync() => (await authorization.AuthorizeAsync(User, Policies.Manage)).Succeeded;
}
