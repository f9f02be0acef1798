using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech;

/// <summary>Registers the local synthesizers (flite, and espeak-ng for <c>espeak:…</c> voices) with a host.</summary>
public static class FliteExtensions
{
    /// <summary>
    /// Binds <see cref="FliteOptions"/> from <c>LocalSpeech:Flite</c> and <see cref="EspeakOptions"/> from
    /// <c>LocalSpeech:Espeak</c> (both validated at start-up) and registers a <see cref="VoiceRoutingSynthesizer"/> as the
    /// singleton <see cref="ISpeechSynthesizer"/>: flite speaks every voice but the <c>espeak:…</c> ones.
    /// </summary>
    public static IHostApplicationBuilder AddFlite(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FliteOptions>()
            .Bind(builder.Configuration.GetSection(FliteOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FliteOptions>, FliteOptionsValidator>());
        builder.Services.AddOptions<EspeakOptions>()
            .Bind(builder.Configuration.GetSection(EspeakOptions.SectionName))
            .PostConfigure<IConfiguration>((espeak, configuration) => espeak.CacheDirectory ??= FliteCacheDirectory(configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EspeakOptions>, EspeakOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new FliteSynthesizer(sp.GetRequiredService<IOptions<FliteOptions>>().Value));
        builder.Services.TryAddSingleton(sp => new EspeakSynthesizer(sp.GetRequiredService<IOptions<EspeakOptions>>().Value));
        builder.Services.TryAddSingleton<ISpeechSynthesizer>(sp =>
            new VoiceRoutingSynthesizer(sp.GetRequiredService<FliteSynthesizer>(), sp.GetRequiredService<EspeakSynthesizer>()));
        return builder;
    }

    /// <summary>
    /// flite's cache folder read from configuration, not from flite's options: resolving those would validate them a
    /// second time, and a bad flite setting would be reported twice. A blank value is flite's to report.
    /// </summary>
    private static string FliteCacheDirectory(IConfiguration configuration) =>
        configuration[$"{FliteOptions.SectionName}:{nameof(FliteOptions.CacheDirectory)}"] is { } folder && !string.IsNullOrWhiteSpace(folder)
            ? folder
            : new FliteOptions().CacheDirectory;
}
