using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QaShopper.Twilio;

/// <summary>
/// A minimal Kestrel server for Twilio's webhooks in hosts that have no web app (CLI commands placing calls). It shares
/// the main container's singletons (journal, notifier, turn-taking), so a webhook wakes the follower in this process.
/// </summary>
public sealed class TwilioWebhookListener : IHostedService, IAsyncDisposable
{
    private readonly IServiceProvider services;
    private readonly IOptions<TwilioOptions> options;
    private readonly ILogger<TwilioWebhookListener> logger;
    private WebApplication? app;

    /// <summary>Creates the listener on the main container.</summary>
    public TwilioWebhookListener(IServiceProvider services, IOptions<TwilioOptions> options, ILogger<TwilioWebhookListener> logger)
    {
        this.services = services;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The address it listens on once started (the configured one, with the actual port when 0 was asked).</summary>
    public Uri? Address { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(services.GetRequiredService<TwilioWebhookHandler>());
        builder.WebHost.UseUrls(options.Value.WebhookListenUrl.GetLeftPart(UriPartial.Authority));
        app = builder.Build();
        app.MapTwilioWebhooks();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Address = new Uri(app.Urls.First());
        var address = app.Urls.First();
        TwilioLog.ListenerStarted(logger, address);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
