using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.Web.Security;

/// <summary>
/// Checks a session cookie on every request: older than <see cref="WebOptions.SessionMaxAge"/>, or its account
/// disabled or removed, and the session ends; a changed role takes effect at once rather than at the next sign-in.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var principal = context.Principal;
        var signedIn = principal?.FindFirst(AccountService.SignedInAtClaim)?.Value;
        if (principal?.Identity?.Name is not { } name
            || !long.TryParse(signedIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(seconds) + options.SessionMaxAge <= clock.GetUtcNow())
        {
            await Reject(context).ConfigureAwait(false);
            return;
        }

        var account = await services.GetRequiredService<IAccountStore>().GetAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (account is null || account.Disabled)
        {
            await Reject(context).ConfigureAwait(false);
            return;
        }

        if (!principal.IsInRole(account.Role.ToString()))
        {
            var identity = (ClaimsIdentity)principal.Identity!;
            foreach (var role in identity.FindAll(identity.RoleClaimType).ToList())
            {
                identity.RemoveClaim(role);
            }

            identity.AddClaim(new Claim(identity.RoleClaimType, account.Role.ToString()));
            context.ShouldRenew = true;
        }
    }

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }
}
