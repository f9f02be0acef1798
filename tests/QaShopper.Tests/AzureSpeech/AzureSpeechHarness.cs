using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaShopper.AzureSpeech;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Core.Ports;
using QaShopper.Tests.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.AzureSpeech;

/// <summary>The emulator on loopback, and the adapter registered by its own extension and pointed at it, on a simulated clock.</summary>
internal sealed class AzureSpeechHarness : IAsyncDisposable
{
    public const string Key = "emulator-key-3f9a1c";

    private readonly IHost host;
    private readonly TempDirectory cache;

    private AzureSpeechHarness(AzureSpeechEmulator emulator, FakeSynthesizer voice, SimulatedClock clock, IHost host, TempDirectory cache)
    {
        Emulator = emulator;
        Voice = voice;
        Clock = clock;
        this.host = host;
        this.cache = cache;
    }

    public AzureSpeechEmulator Emulator { get; }

    public FakeSynthesizer Voice { get; }

    public SimulatedClock Clock { get; }

    public ISpeechSynthesizer Synthesizer => host.Services.GetRequiredService<ISpeechSynthesizer>();

    public static async Task<AzureSpeechHarness> StartAsync(string? key = null, IDictionary<string, string?>? settings = null)
    {
        var clock = new SimulatedClock();
        var voice = new FakeSynthesizer();
        var emulator = await AzureSpeechEmulator.StartAsync(voice, Key, clock);
        var cache = new TempDirectory();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureSpeech:Endpoint"] = emulator.Endpoint.ToString(),
            ["AzureSpeech:Key"] = key ?? Key,
            ["AzureSpeech:CacheDirectory"] = cache.Path,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddAzureSpeechSynthesis();
        return new AzureSpeechHarness(emulator, voice, clock, builder.Build(), cache);
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Emulator.DisposeAsync();
        cache.Dispose();
    }
}
