using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Web.Calls;

namespace QaShopper.Web.Pages.Calls;

/// <summary>The calls list: filtered by agent, site, scenario, grade, dates and needs-review; newest first, paged.</summary>
public sealed class IndexModel : PageModel
{
    private readonly CallListing listing;

    public IndexModel(CallListing listing) => this.listing = listing;

    [BindProperty(SupportsGet = true)]
    public string? Agent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scenario { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grade { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NeedsReview { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public CallPage? Calls { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Problem = "dates are written yyyy-mm-dd and the page is a number: " + string.Join("; ", ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key));
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return;
        }

        (Calls, Problem) = await listing.ListAsync(new CallFilter(Agent, Site, Scenario, Grade, From, To, NeedsReview, PageNumber), cancellationToken);
        if (Problem is not null)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The query string of this filter on another page of the list.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["agent"] = Agent,
        ["site"] = Site,
        ["scenario"] = Scenario,
        ["grade"] = Grade,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["needsReview"] = NeedsReview ? "true" : null,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
