using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Core.Calls;
using QaShopper.LocalSpeech;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Simulation;

namespace QaShopper.Hosting;

/// <summary>Everything a command needs to place, transcribe and score calls offline.</summary>
internal static class OfflineCallsExtensions
{
    public static IHostApplicationBuilder AddOfflineCalls(this IHostApplicationBuilder builder)
    {
        builder.AddFlite();
        builder.AddPocketsphinxTranscriber();
        builder.AddSimulatedCallCentre();
        builder.Services.AddHostedService<SimulatedRosterSeeder>();
        builder.Services.AddSingleton<Core.Ports.IGroundTruthStore>(sp => sp.GetRequiredService<Sqlite.SqliteResultStore>());
        builder.AddCallPipeline();
        return builder;
    }

    public static IHostApplicationBuilder AddCallPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallPipeline>();
        builder.Services.AddSingleton<CallRunner>();
        return builder;
    }
}
