using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace QaShopper.Web.Api;

/// <summary>
/// Anti-forgery for the JSON API: a change asked for with the session cookie (from the app's own pages) must carry the
/// anti-forgery token in <see cref="HeaderName"/>, since a browser sends the cookie whoever asks; a script with an API
/// token needs none, since no browser adds that header on its own.
/// </summary>
internal sealed class ApiAntiforgery : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        var byCookie = http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
        if (!safe && byCookie)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "missing or invalid anti-forgery token",
                    detail: $"a change made with the session cookie needs the page's anti-forgery token in the {HeaderName} header");
            }
        }

        return await next(context).ConfigureAwait(false);
    }
}
