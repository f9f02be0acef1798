using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.AzureSpeech;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.LocalSpeech;
using QaShopper.Tests.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary><c>Speech:Kind</c> picks the caller's voice engine for every host that places calls.</summary>
public sealed class SpeechKindTests
{
    private const string Key = "speech-kind-test-key";

    private static IHost Build(TempDirectory temp, IDictionary<string, string?> settings)
    {
        var parse = QaShopperCli.BuildRoot(CliConsole.System).Parse(["report", "--db", temp.File("qa.db")]);
        return AppHost.Build(parse, HostFeatures.Calls, b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Configuration.AddInMemoryCollection([new("Simulation:CallCentreFile", RepoPaths.Combine("scenarios", "call-centre.yaml"))]);
        });
    }

    [Test]
    public async Task Calls_SpeechKindAzure_SpeakThroughAzureSpeech()
    {
        using var temp = new TempDirectory();
        await using var emulator = await AzureSpeechEmulator.StartAsync(new FakeSynthesizer(), Key, TimeProvider.System);
        using var host = Build(temp, new Dictionary<string, string?>
        {
            ["Speech:Kind"] = "azure",
            ["AzureSpeech:Endpoint"] = emulator.Endpoint.ToString(),
            ["AzureSpeech:Key"] = Key,
            ["AzureSpeech:CacheDirectory"] = temp.File("tts"),
        });
        await AppHost.StartBuiltAsync(host, CancellationToken.None);

        var synthesizer = host.Services.GetRequiredService<ISpeechSynthesizer>();
        var voices = synthesizer.VoicesFor("en-US");
        await host.StopAsync();

        Assert.That(synthesizer, Is.TypeOf<AzureSpeechSynthesizer>());
        Assert.That(voices, Is.Not.Empty, "the voices come from the service");
    }

    [Test]
    public void Calls_SpeechKindAzureWithoutItsSettings_StopNamingTheSetting()
    {
        using var temp = new TempDirectory();
        using var host = Build(temp, new Dictionary<string, string?> { ["Speech:Kind"] = "azure" });

        var error = Assert.ThrowsAsync<CliException>(() => AppHost.StartBuiltAsync(host, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("AzureSpeech:"));
    }

    [Test]
    public async Task Calls_SpeechKindUnset_SpeakThroughFliteWithEspeakNgBeside()
    {
        using var temp = new TempDirectory();
        using var host = Build(temp, new Dictionary<string, string?>());
        await AppHost.StartBuiltAsync(host, CancellationToken.None);

        var synthesizer = host.Services.GetRequiredService<ISpeechSynthesizer>();
        await host.StopAsync();

        Assert.That(synthesizer, Is.TypeOf<VoiceRoutingSynthesizer>());
        Assert.That(synthesizer.Engine, Is.EqualTo("flite+espeak-ng"));
    }
}
