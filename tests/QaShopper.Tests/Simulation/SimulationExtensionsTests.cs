using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech;
using QaShopper.Simulation;

namespace QaShopper.Tests.Simulation;

public sealed class SimulationExtensionsTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddFlite();
        builder.AddSimulatedCallCentre();
        return builder.Build();
    }

    [Test]
    public async Task AddSimulatedCallCentre_ShippedFile_ResolvesTheCarrierAndTheLocalEngines()
    {
        using var host = Build(("Simulation:CallCentreFile", Shipped.CallCentreFile));
        await host.StartAsync();

        Assert.That(host.Services.GetRequiredService<ICarrier>(), Is.TypeOf<SimulatedCallCentre>());
        Assert.That(host.Services.GetRequiredService<ISpeechSynthesizer>(), Is.TypeOf<VoiceRoutingSynthesizer>());
        Assert.That(host.Services.GetRequiredService<ISpeechSynthesizer>().Engine, Is.EqualTo("flite+espeak-ng"));
        await host.StopAsync();
    }

    [Test]
    public void AddFlite_EspeakCacheUnset_FollowsFlitesCacheDirectory()
    {
        using var host = Build(("Simulation:CallCentreFile", Shipped.CallCentreFile), ("LocalSpeech:Flite:CacheDirectory", "somewhere/tts"));

        Assert.That(host.Services.GetRequiredService<IOptions<EspeakOptions>>().Value.CacheDirectory, Is.EqualTo("somewhere/tts"));
    }

    [Test]
    public void AddFlite_EspeakExecutablePathThatDoesNotExist_FailsAtStartNamingTheSetting()
    {
        using var host = Build(("Simulation:CallCentreFile", Shipped.CallCentreFile), ("LocalSpeech:Espeak:ExecutablePath", "/nonexistent/espeak-ng"));

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(ex!.Message, Does.Contain("LocalSpeech:Espeak:ExecutablePath '/nonexistent/espeak-ng'"));
    }

    [Test]
    public void AddSimulatedCallCentre_MissingFile_FailsAtStartNamingTheSetting()
    {
        using var host = Build(("Simulation:CallCentreFile", "nowhere/call-centre.yaml"));

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(ex!.Message, Does.Contain("Simulation:CallCentreFile 'nowhere/call-centre.yaml' does not exist"));
    }

    [Test]
    public void AddFlite_UnknownDefaultVoice_FailsAtStartNamingTheSetting()
    {
        using var host = Build(("Simulation:CallCentreFile", Shipped.CallCentreFile), ("LocalSpeech:Flite:DefaultVoice", "robot"));

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(ex!.Message, Does.Contain("LocalSpeech:Flite:DefaultVoice 'robot'"));
    }
}
