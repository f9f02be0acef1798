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
using QaShopper.Twilio;
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

    /// <summary>The serve host; tests pass <paramref name="configure"/> to swap the carrier or the clock.</summary>
    internal static WebApplication Build(ParseResult parse, string urls, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddRoutingCore();
        AppHost.Configure(builder, parse, HostFeatures.Campaigns | HostFeatures.WebHost);
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

        if (app.Services.GetService<TwilioWebhookHandler>() is not null)
        {
            app.MapTwilioWebhooks();
        }

        // GET and HEAD only: routing answers any other method with 405, so a probe cannot be mistaken for an action.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapGet("/", () => Results.Text("qashopper serve: see /health\n"));
        return app;
    }
}
