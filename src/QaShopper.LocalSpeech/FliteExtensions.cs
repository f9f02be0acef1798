using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech;

/// <summary>Registers the flite synthesizer with a host.</summary>
public static class FliteExtensions
{
    /// <summary>
    /// Binds <see cref="FliteOptions"/> from <c>LocalSpeech:Flite</c> (validated at start-up) and registers
    /// <see cref="FliteSynthesizer"/> as the singleton <see cref="ISpeechSynthesizer"/>.
    /// </summary>
    public static IHostApplicationBuilder AddFlite(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FliteOptions>()
            .Bind(builder.Configuration.GetSection(FliteOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FliteOptions>, FliteOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new FliteSynthesizer(sp.GetRequiredService<IOptions<FliteOptions>>().Value));
        builder.Services.TryAddSingleton<ISpeechSynthesizer>(sp => sp.GetRequiredService<FliteSynthesizer>());
        return builder;
    }
}
