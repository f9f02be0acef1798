using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using QaShopper.Web.Security;

namespace QaShopper.Web.Pages;

/// <summary>The sign-in form; failed attempts are counted by <see cref="SignInThrottle"/>.</summary>
public sealed class SignInModel(AccountService accounts, SignInThrottle throttle, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public string? Error { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.IsAllowed(UserName, address, out var retryAfter))
        {
            WebLog.SignInThrottled(logger, UserName, address);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Error = $"Too many failed sign-ins. Try again in {Math.Ceiling(retryAfter.TotalMinutes)} minute(s).";
            return Page();
        }

        var account = await accounts.VerifyAsync(UserName, Password, cancellationToken);
        if (account is null)
        {
            throttle.Failed(UserName, address);
            WebLog.SignInFailed(logger, UserName, address);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Error = "User name or password is wrong.";
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, accounts.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        WebLog.SignedIn(logger, account.UserName, account.Role);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
