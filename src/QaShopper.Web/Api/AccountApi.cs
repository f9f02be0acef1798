using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;

namespace QaShopper.Web.Api;

/// <summary><c>/api/me</c>: who the caller is signed in as, and what they may do.</summary>
internal static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                user.Identity!.Name!,
                user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity.Name!,
                user.FindFirstValue(ClaimTypes.Role) ?? "")))
            .WithName("GetMe")
            .WithSummary("The signed-in user and role");
        return api;
    }

    public sealed record MeResponse(string UserName, string DisplayName, string Role);
}
