using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Configuration;
using QaShopper.Core.Ports;
using Twilio.Clients;
using Twilio.Http;

namespace QaShopper.Twilio;

/// <summary>Registers the Twilio carrier with a host.</summary>
public static class TwilioCarrierExtensions
{
    /// <summary>The named HttpClient of the SDK and of recording downloads.</summary>
    public const string HttpClientName = "twilio";

    /// <summary>
    /// Binds <see cref="TwilioOptions"/> from <c>Twilio</c> (validated at start-up, messages naming the setting) and
    /// registers one <see cref="ITwilioRestClient"/> (on the pooled <see cref="HttpClientName"/> client, with requests to
    /// api.twilio.com sent to <see cref="TwilioOptions.ApiBaseUrl"/>), <see cref="TwilioCarrier"/> as
    /// <see cref="ICarrier"/> and <see cref="IResumableCarrier"/>, the clip store, the journal notifier,
    /// <see cref="GatherTurnTaking"/> as <see cref="ITurnTaking"/>, the signature check and the webhook handler that
    /// <see cref="TwilioWebhookEndpoints.MapTwilioWebhooks"/> uses. Needs an <see cref="ICarrierCallJournal"/> (the
    /// LiteDB store registers one), an <see cref="ISpeechSynthesizer"/> and <c>Recordings</c> options.
    /// </summary>
    public static IHostApplicationBuilder AddTwilioCarrier(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddTwilioOptions(builder);
        services.AddOptions<RecordingFolderOptions>().Bind(builder.Configuration.GetSection(RecordingFolderOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ApiBaseRewriteHandler>();
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.HttpTimeout)
            .AddHttpMessageHandler<ApiBaseRewriteHandler>();
        services.TryAddSingleton<ITwilioRestClient>(sp => CreateRestClient(
            sp.GetRequiredService<IOptions<TwilioOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton<TwilioAudioStore>();
        services.TryAddSingleton<CallJournalNotifier>();
        services.TryAddSingleton<ITurnTaking, GatherTurnTaking>();
        services.TryAddSingleton<TwilioSignatureCheck>();
        services.TryAddSingleton<TwilioWebhookHandler>();
        services.TryAddSingleton<TwilioCarrier>();
        services.TryAddSingleton<ICarrier>(sp => sp.GetRequiredService<TwilioCarrier>());
        services.TryAddSingleton<IResumableCarrier>(sp => sp.GetRequiredService<TwilioCarrier>());
        return builder;
    }

    /// <summary>
    /// Adds <see cref="TwilioWebhookListener"/>: a small Kestrel server on <see cref="TwilioOptions.WebhookListenUrl"/>
    /// serving <see cref="TwilioWebhookEndpoints.MapTwilioWebhooks"/> with this host's singletons, for hosts without a
    /// web app of their own. Call after <see cref="AddTwilioCarrier"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTwilioWebhookListener(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<TwilioWebhookListener>();
        return builder;
    }

    /// <summary>Binds and validates the options only (for <c>qashopper twilio check</c>).</summary>
    public static IHostApplicationBuilder AddTwilioOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TwilioOptions>()
            .Bind(builder.Configuration.GetSection(TwilioOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        return builder;
    }

    /// <summary>The SDK client: the API key when set, else the account and its Auth Token, on <paramref name="http"/>.</summary>
    public static ITwilioRestClient CreateRestClient(TwilioOptions options, System.Net.Http.HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TwilioRestClient(options.RestUser, options.RestSecret, accountSid: options.AccountSid, httpClient: new SystemNetHttpClient(http));
    }
}
