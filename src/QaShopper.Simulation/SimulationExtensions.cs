using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Configuration;
using QaShopper.Core.Ports;

namespace QaShopper.Simulation;

/// <summary>Registers the simulated call centre with a host.</summary>
public static class SimulationExtensions
{
    /// <summary>
    /// Binds <see cref="SimulationOptions"/> from <c>Simulation</c> (validated at start-up, the call-centre file
    /// included) and registers <see cref="SimulatedCallCentre"/> as the singleton <see cref="ICarrier"/>, writing
    /// recordings to the folder <see cref="RecordingFolderOptions"/> names (bound and validated by the composition root). Needs an <see cref="ISpeechSynthesizer"/> (for example from <c>AddFlite</c>).
    /// </summary>
    public static IHostApplicationBuilder AddSimulatedCallCentre(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SimulationOptions>()
            .Bind(builder.Configuration.GetSection(SimulationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulationOptions>, SimulationOptionsValidator>());
        builder.Services.TryAddSingleton<SimulatedCallSeeds>();
        builder.Services.TryAddSingleton(sp => new SimulatedCallCentre(
            sp.GetRequiredService<IOptions<SimulationOptions>>().Value.CallCentreFile,
            sp.GetRequiredService<ISpeechSynthesizer>(),
            sp.GetRequiredService<IOptions<RecordingFolderOptions>>().Value.Directory,
            sp.GetRequiredService<SimulatedCallSeeds>()));
        builder.Services.TryAddSingleton<ICarrier>(sp => sp.GetRequiredService<SimulatedCallCentre>());
        return builder;
    }
}
