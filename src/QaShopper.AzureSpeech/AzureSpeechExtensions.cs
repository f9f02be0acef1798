using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>Registers the Azure Speech synthesizer with a host.</summary>
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
        builder.Services.AddOptions<AzureSpeechOptions>()
            .Bind(builder.Configuration.GetSection(AzureSpeechOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureSpeechOptions>, AzureSpeechOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(AzureSpeechTransport.ClientName)
            .ConfigureHttpClient((services, client) =>
            {
                var options = services.GetRequiredService<IOptions<AzureSpeechOptions>>().Value;
                client.Timeout = options.Timeout;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            });
        builder.Services.TryAddSingleton<AzureSpeechSynthesizer>();
        builder.Services.TryAddSingleton<ISpeechSynthesizer>(services => services.GetRequiredService<AzureSpeechSynthesizer>());
        return builder;
    }
}
