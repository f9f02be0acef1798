using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QaShopper.Alerts;
using QaShopper.AzureSpeech;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Configuration;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Scheduling;
using QaShopper.Simulation;
using QaShopper.LiteDb;
using QaShopper.Twilio;
using QaShopper.Web;

namespace QaShopper.Hosting;

/// <summary>
/// The composition root: the one place that chooses which adapter serves each port, from settings —
/// <c>Store:Kind</c>, <c>Carrier:Kind</c>, <c>Speech:Kind</c>, <c>Transcription:Kind</c> — and registers it through
/// the adapter's own <c>AddXxx</c> extension. Commands say only which <see cref="HostFeatures"/> they need.
/// </summary>
internal static class Composition
{
    /// <summary>The adapters each setting may name; the first is the default.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Store:Kind"] = ["litedb"],
        ["Carrier:Kind"] = ["simulated", "twilio"],
        ["Speech:Kind"] = ["local", "azure"],
        ["Transcription:Kind"] = ["local", "azure"],
    };

    /// <summary>Registers what <paramref name="features"/> need, with the adapters the settings choose.</summary>
    /// <param name="builder">The host.</param>
    /// <param name="features">What the command needs.</param>
    /// <param name="campaignId">With <see cref="HostFeatures.Campaigns"/>: run only this campaign's calls; null runs every campaign.</param>
    /// <exception cref="CliException">A kind setting names an adapter that does not exist.</exception>
    public static IHostApplicationBuilder AddQaShopper(this IHostApplicationBuilder builder, HostFeatures features, string? campaignId = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Read every kind first, so a typo anywhere stops start-up before anything is registered.
        var store = Kind(builder.Configuration, "Store:Kind");
        var carrier = Kind(builder.Configuration, "Carrier:Kind");
        var speech = Kind(builder.Configuration, "Speech:Kind");
        var transcription = Kind(builder.Configuration, "Transcription:Kind");

        // And every value of every section, whether this host uses it or not: a value of the wrong type is a typo, and
        // the binder would report it with a stack trace, or, for an object where one value belongs, not at all.
        SettingValues.Check(builder.Configuration);

        builder.Services.TryAddSingleton(TimeProvider.System);
        AddFolders(builder);

        builder.AddScoring();
        if (features.HasFlag(HostFeatures.Store))
        {
            // One store is built in today; PostgreSQL (for more than one host) will be the second kind.
            switch (store)
            {
                case "litedb":
                    builder.AddLiteDbStore();
                    break;
            }

            builder.Services.TryAddSingleton<CampaignBook>();

            // The accounts live in the data file; a host that opens it checks the web app's settings too, so a bad value
            // is found by any command rather than first by serve.
            builder.AddQaShopperAccounts();
            builder.Services.AddOptions<Server.RunningServerOptions>().Bind(builder.Configuration.GetSection(Server.RunningServerOptions.SectionName)).ValidateOnStart();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<Server.RunningServerOptions>, Server.RunningServerOptionsValidator>());
        }

        if (features.HasFlag(HostFeatures.Transcription))
        {
            switch (transcription)
            {
                case "local":
                    builder.AddPocketsphinxTranscriber();
                    break;
                case "azure":
                    builder.AddAzureSpeechTranscription();
                    break;
            }
        }

        if (features.HasFlag(HostFeatures.Speech))
        {
            switch (speech)
            {
                case "local":
                    builder.AddFlite();
                    break;
                case "azure":
                    builder.AddAzureSpeechSynthesis();
                    break;
            }
        }

        if (features.HasFlag(HostFeatures.Calls))
        {
            switch (carrier)
            {
                case "simulated":
                    builder.AddSimulatedCallCentre();
                    builder.Services.AddHostedService<SimulatedRosterSeeder>();

                    // Only the simulator knows the truth of a call; the store keeps it for the evaluation.
                    builder.Services.TryAddSingleton<IGroundTruthStore>(sp => sp.GetRequiredService<LiteDbGroundTruthStore>());
                    break;
                case "twilio":
                    builder.AddTwilioCarrier();

                    // Twilio's callbacks need somewhere to land: serve maps them onto its own endpoints, other hosts
                    // that place calls (campaign start --now, demo) listen on Twilio:WebhookListenUrl.
                    if (!features.HasFlag(HostFeatures.WebHost))
                    {
                        builder.AddTwilioWebhookListener();
                    }

                    break;
            }

            // Alerts hang off the pipeline: every host that scores calls sends them.
            builder.AddAlerts();
            builder.Services.TryAddSingleton<CallPipeline>();
            builder.Services.TryAddSingleton<CallRunner>();
        }

        if (features.HasFlag(HostFeatures.Campaigns))
        {
            builder.AddCampaignScheduling(campaignId);
        }

        return builder;
    }

    /// <summary>The adapter a kind setting names (its default when unset), or a <see cref="CliException"/> naming the setting and the allowed values.</summary>
    internal static string Kind(IConfiguration configuration, string setting)
    {
        var allowed = Kinds[setting];
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return allowed[0];
        }

        var kind = value.Trim().ToLowerInvariant();
        return allowed.Contains(kind, StringComparer.Ordinal)
            ? kind
            : throw new CliException($"configuration: {setting} is '{SettingValues.Shown(setting, value)}'; allowed: {string.Join(", ", allowed)}", ExitCodes.BadInput);
    }

    private static void AddFolders(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScenarioFolderOptions>()
            .Bind(builder.Configuration.GetSection(ScenarioFolderOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Scenarios:Directory is empty; set it to the folder of scenario files, for example 'scenarios'.")
            .ValidateOnStart();
        builder.Services.AddOptions<RecordingFolderOptions>()
            .Bind(builder.Configuration.GetSection(RecordingFolderOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Recordings:Directory is empty; set it to a folder for call recordings, for example 'data/recordings'.")
            .ValidateOnStart();
    }
}
