using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Web.Api;
using QaShopper.Web.Calls;
using QaShopper.Web.Security;

namespace QaShopper.Web;

/// <summary>Adds the web app to the <c>serve</c> host: its services, then its middleware and endpoints.</summary>
public static class WebAppExtensions
{
    /// <summary>The scheme that picks the API token handler for a Bearer header and the session cookie otherwise.</summary>
    internal const string SignInScheme = "qashopper";

    /// <summary>
    /// Registers sign-in (session cookie, API tokens), the role policies with sign-in required everywhere by default,
    /// anti-forgery, Razor Pages, the OpenAPI document and the <see cref="WebOptions"/> bound from <c>Web</c>.
    /// <paramref name="defaultKeysDirectory"/> is where the cookie keys go when <c>Web:KeysDirectory</c> is empty.
    /// </summary>
    public static IHostApplicationBuilder AddQaShopperWeb(this IHostApplicationBuilder builder, string defaultKeysDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddQaShopperAccounts();
        var services = builder.Services;
        services.AddSingleton<SignInThrottle>();
        services.AddQaShopperCalls();
        services.AddSingleton<Reports.ItemTexts>();
        services.AddScoped<Reports.ReportService>();

        // The key ring lies in the data folder, guarded by its file permissions as the data file is; Linux has no
        // machine-wide key encryption to add, and the warning saying so at every start would only train users to ignore
        // warnings.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        var keys = builder.Configuration[$"{WebOptions.SectionName}:{nameof(WebOptions.KeysDirectory)}"];
        services.AddDataProtection()
            .SetApplicationName("qashopper")
            .PersistKeysToFileSystem(new DirectoryInfo(string.IsNullOrWhiteSpace(keys) ? defaultKeysDirectory : keys));

        services.AddAuthentication(SignInScheme)
            .AddPolicyScheme(SignInScheme, "session or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "qashopper.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/denied";
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;

                // The API answers with a status, never a redirect to a page a script cannot use.
                o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebOptions>, TimeProvider>((cookie, web, clock) =>
            {
                cookie.ExpireTimeSpan = web.Value.SessionIdleTimeout;
                cookie.TimeProvider = clock;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SignInScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Manage, p => p.AddAuthenticationSchemes(SignInScheme).RequireRole(Names(Policies.Manage)))
            .AddPolicy(Policies.Review, p => p.AddAuthenticationSchemes(SignInScheme).RequireRole(Names(Policies.Review)))
            .AddPolicy(Policies.Administer, p => p.AddAuthenticationSchemes(SignInScheme).RequireRole(Names(Policies.Administer)));

        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiAntiforgery.HeaderName;
            o.Cookie.Name = "qashopper.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorPages(o => o.Conventions.AllowAnonymousToPage("/SignIn"))
            .ConfigureApplicationPartManager(parts =>
            {
                // Found through the entry assembly's references as a rule; added when a test host's entry assembly is another.
                var assembly = typeof(WebAppExtensions).Assembly;
                if (!parts.ApplicationParts.Any(p => p is Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart a && a.Assembly == assembly))
                {
                    parts.ApplicationParts.Add(new Microsoft.AspNetCore.Mvc.ApplicationParts.CompiledRazorAssemblyPart(assembly));
                    parts.ApplicationParts.Add(new Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart(assembly));
                }
            });
        services.AddOpenApi("v1");
        services.TryAddSingleton<Scenarios.ScenarioLibrary>();
        services.TryAddSingleton<Campaigns.CampaignBoard>();
        return builder;
    }

    /// <summary>
    /// What making and checking accounts needs, in the web host and in <c>qashopper user</c>: <see cref="WebOptions"/>
    /// (validated at start), <see cref="PasswordHashing"/> and <see cref="AccountService"/>. The account store comes with
    /// the data file's store.
    /// </summary>
    public static IHostApplicationBuilder AddQaShopperAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebOptions>, WebOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PasswordHashing>();
        services.TryAddSingleton<AccountService>();
        return builder;
    }

    /// <summary>
    /// The web app's middleware and endpoints: assets (public, so the sign-in page has its styles), sign-in, the pages,
    /// <c>/api/</c> and its OpenAPI document at <c>/api/openapi.json</c>. Endpoints mapped elsewhere stay behind
    /// sign-in unless they allow anonymous access themselves (health, Twilio's signature-checked webhooks).
    /// </summary>
    public static WebApplication UseQaShopperWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebAppExtensions).Assembly, "QaShopper.Web.Assets"),
            RequestPath = "/assets",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(SecurityHeaders);

        app.MapRazorPages();
        app.MapOpenApi("/api/openapi.json");
        var api = app.MapGroup("/api").AddEndpointFilter<ApiAntiforgery>().DisableAntiforgery();
        api.MapAccountApi();
        api.MapScenarioApi();
        api.MapCampaignApi();
        api.MapCallsApi();
        api.MapReportsApi();
        return app;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        // Pages are never framed and load nothing from elsewhere: every asset ships with the app.
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        context.Response.Headers["Referrer-Policy"] = "same-origin";
        await next().ConfigureAwait(false);
    }

    private static string[] Names(string policy) => [.. Policies.Roles[policy].Select(r => r.ToString())];
}
