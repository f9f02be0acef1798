using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>Registers the offline pocketsphinx transcriber with a host.</summary>
public static class PocketsphinxExtensions
{
    /// <summary>
    /// Binds <see cref="PocketsphinxOptions"/> from <c>LocalSpeech:Pocketsphinx</c> (validated at start-up) and registers
    /// <see cref="PocketsphinxTranscriber"/> as a singleton <see cref="ITranscriber"/>. The native libraries and the
    /// model load at the first transcription, so a host that never transcribes does not need them.
    /// </summary>
    public static IHostApplicationBuilder AddPocketsphinxTranscriber(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<PocketsphinxOptions>()
            .Bind(builder.Configuration.GetSection(PocketsphinxOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PocketsphinxOptions>, PocketsphinxOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new PocketsphinxTranscriber(
            sp.GetRequiredService<IOptions<PocketsphinxOptions>>().Value,
            sp.GetService<ILogger<PocketsphinxTranscriber>>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranscriber, PocketsphinxTranscriber>(sp => sp.GetRequiredService<PocketsphinxTranscriber>()));
        return builder;
    }
}
