using Microsoft.AspNetCore.Mvc.RazorPages;
using QaShopper.Core.Reviews;
using QaShopper.Web.Calls;

namespace QaShopper.Web.Pages.Calibration;

/// <summary>The calibration report: calls scored by two or more reviewers, against the 5-point norm.</summary>
public sealed class IndexModel(CalibrationReader reader) : PageModel
{
    public CalibrationReport Report { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await reader.ReadAsync(cancellationToken);
}
