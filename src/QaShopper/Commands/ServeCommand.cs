using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Cli;
using QaShopper.Hosting;
using QaShopper.LiteDb;
using QaShopper.Twilio;
using QaShopper.Web;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper serve</c>: the long-running host. Quartz places scheduled campaign calls, a health endpoint reports
/// whether the scheduler and the store are up, Twilio's webhooks land on <c>/twilio/</c> when Twilio is the carrier,
/// and Ctrl+C (SIGTERM) lets calls in progress finish before it stops.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (health check at /health); default {DefaultUrl}, loopback only",
            DefaultValueFactory = _ => DefaultUrl,
            HelpName = "URL",
        };
        var command = new Command("serve", "Run the scheduler host: places scheduled campaign calls until stopped; GET /health for a health check; Twilio's webhooks under /twilio/ with Carrier:Kind twilio")
        {
            urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = Build(parse, parse.GetRequiredValue(urls), configure: null);
            await AppHost.StartBuiltAsync(app, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"qashopper serve: listening on {string.Join(", ", app.Urls)}; health at /health; Ctrl+C stops after calls in progress finish").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The session keys live beside the data file unless <c>Web:KeysDirectory</c> says otherwise.</summary>
    private static string KeysBesideStore(ConfigurationManager settings)
    {
        var store = settings[$"{LiteDbStoreOptions.SectionName}:{nameof(LiteDbStoreOptions.Path)}"];
        var folder = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrWhiteSpace(store) ? LiteDbStoreOptions.DefaultPath : store));
        return Path.Combine(folder ?? Directory.GetCurrentDirectory(), "keys");
    }

    /// <summary>The serve host; tests pass <paramref name="configure"/> to swap the carrier or the clock.</summary>
    internal static WebApplication Build(ParseResult parse, string urls, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddRoutingCore();
        AppHost.Configure(builder, parse, HostFeatures.Campaigns | HostFeatures.WebHost);
        builder.AddQaShopperWeb(KeysBesideStore(builder.Configuration));
        builder.AddServedManagement();
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store")
            .AddQuartz(o => o.Name = "scheduler");
        configure?.Invoke(builder);

        WebApplication app;
        try
        {
            app = builder.Build();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException(AppHost.ConfigurationProblem(ex));
        }

        // Every page and API route needs sign-in; the web app's fallback policy sees to it. Health is for probes, and
        // Twilio's webhooks prove themselves by signature (TwilioWebhooks allows them anonymous access).
        app.UseQaShopperWeb();
        if (app.Services.GetService<TwilioWebhookHandler>() is not null)
        {
            app.MapTwilioWebhooks();
        }

        // GET and HEAD only, so a probe cannot be mistaken for an action; the other methods get 405 from an endpoint of
        // their own, since routing's built-in 405 is not open to anonymous probes and would send them to sign in.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous();
        app.MapMethods("/health", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Options], (HttpContext context) =>
            {
                context.Response.Headers.Allow = "GET, HEAD";
                return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
            })
            .AllowAnonymous();
        return app;
    }
}
