using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>Registers the Azure Speech synthesizer and transcriber with a host.</summary>
public static class AzureSpeechExtensions
{
    /// <summary>
    /// Binds <see cref="AzureSpeechOptions"/> from <c>AzureSpeech</c> (validated at start-up), configures the pooled
    /// HttpClient (timeout, User-Agent) and registers <see cref="AzureSpeechSynthesizer"/> as the singleton
    /// <see cref="ISpeechSynthesizer"/>. Uses the registered <see cref="TimeProvider"/> (the system clock if none).
    /// </summary>
    public static IHostApplicationBuilder AddAzureSpeechSynthesis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddShared(builder);
        builder.Services.TryAddSingleton<AzureSpeechSynthesizer>();
        builder.Services.TryAddSingleton<ISpeechSynthesizer>(services => services.GetRequiredService<AzureSpeechSynthesizer>());
        return builder;
    }

    /// <summary>
    /// Registers <see cref="AzureTranscriber"/> as the singleton <see cref="ITranscriber"/> (fast transcription, and batch
    /// transcription for recordings over the fast limits when <c>AzureSpeech:BatchContainerUrl</c> is set), with the same
    /// options, validation and HttpClient as <see cref="AddAzureSpeechSynthesis"/>; calling both registers those once.
    /// </summary>
    public static IHostApplicationBuilder AddAzureSpeechTranscription(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddShared(builder);
        builder.Services.TryAddSingleton<AzureFastTranscriber>();
        builder.Services.TryAddSingleton<AzureBatchTranscriber>();
        builder.Services.TryAddSingleton<AzureTranscriber>();
        builder.Services.TryAddSingleton<ITranscriber>(services => services.GetRequiredService<AzureTranscriber>());
        return builder;
    }

    /// <summary>Options, their validation and the named HttpClient: registered by the first of the two methods only.</summary>
    private static void AddShared(IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(SharedRegistration)))
        {
            return;
        }

        builder.Services.AddSingleton<SharedRegistration>();
        builder.Services.AddOptions<AzureSpeechOptions>()
            .Bind(builder.Configuration.GetSection(AzureSpeechOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureSpeechOptions>, AzureSpeechOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AzureSpeechConnection>();
        builder.Services.AddHttpClient(AzureSpeechTransport.ClientName)
            .ConfigureHttpClient((services, client) =>
            {
                var options = services.GetRequiredService<IOptions<AzureSpeechOptions>>().Value;
                client.Timeout = options.Timeout;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            });
    }

    /// <summary>Marks a service collection that already has the shared Azure Speech registrations.</summary>
    private sealed class SharedRegistration;
}
