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

/// <summary>
/// The emulator on loopback, and the adapter (synthesizer and transcriber) registered by its own extensions and pointed at
/// it, on a simulated clock.
/// </summary>
internal sealed class AzureSpeechHarness : IAsyncDisposable
{
    public const string Key = "emulator-key-3f9a1c";

    private readonly IHost host;
    private readonly TempDirectory cache;
    private readonly FakeSynthesizer? voice;

    private AzureSpeechHarness(AzureSpeechEmulator emulator, FakeSynthesizer? voice, SimulatedClock clock, IHost host, TempDirectory cache)
    {
        Emulator = emulator;
        this.voice = voice;
        Clock = clock;
        this.host = host;
        this.cache = cache;
    }

    public AzureSpeechEmulator Emulator { get; }

    /// <summary>The fake behind the emulator (null when a real engine was given).</summary>
    public FakeSynthesizer Voice => voice ?? throw new InvalidOperationException("the emulator speaks through a real engine");

    public SimulatedClock Clock { get; }

    public ISpeechSynthesizer Synthesizer => host.Services.GetRequiredService<ISpeechSynthesizer>();

    /// <summary>The adapter's transcriber, registered next to the synthesizer.</summary>
    public ITranscriber Transcriber => host.Services.GetRequiredService<ITranscriber>();

    /// <param name="key">The key the adapter is given (the emulator's by default).</param>
    /// <param name="settings">More <c>AzureSpeech</c> settings.</param>
    /// <param name="voice">The emulator's voice (a fake by default).</param>
    /// <param name="recogniser">The emulator's recogniser for transcription requests.</param>
    /// <param name="batch">Sets <c>AzureSpeech:BatchContainerUrl</c> to the emulator's container, for batch transcription.</param>
    /// <param name="logs">Receives every log entry of the adapter's host, at every level.</param>
    public static async Task<AzureSpeechHarness> StartAsync(
        string? key = null, IDictionary<string, string?>? settings = null, ISpeechSynthesizer? voice = null, ITranscriber? recogniser = null,
        bool batch = false, ILoggerProvider? logs = null)
    {
        var clock = new SimulatedClock();
        var fake = voice is null ? new FakeSynthesizer() : null;
        var emulator = await AzureSpeechEmulator.StartAsync(voice ?? fake!, Key, clock, transcriber: recogniser);
        var cache = new TempDirectory();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureSpeech:Endpoint"] = emulator.Endpoint.ToString(),
            ["AzureSpeech:Key"] = key ?? Key,
            ["AzureSpeech:CacheDirectory"] = cache.Path,
            ["AzureSpeech:BatchContainerUrl"] = batch ? emulator.BatchContainerUrl.AbsoluteUri : null,
        });
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddAzureSpeechSynthesis();
        builder.AddAzureSpeechTranscription();
        return new AzureSpeechHarness(emulator, fake, clock, builder.Build(), cache);
    }

    /// <summary>Starts the host, which validates the options (ValidateOnStart).</summary>
    public Task StartHostAsync() => host.StartAsync();

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Emulator.DisposeAsync();
        cache.Dispose();
    }
}
