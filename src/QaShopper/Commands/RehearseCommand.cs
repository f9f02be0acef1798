using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaShopper.AzureSpeech.Emulator;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Scheduling;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Rehearsal;
using QaShopper.Simulation;
using QaShopper.Twilio;
using QaShopper.Twilio.Emulator;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper rehearse</c>: the production path run offline. A campaign is placed through the Twilio carrier (the
/// official SDK, TwiML, signed webhooks, recordings fetched and deleted) against the Twilio emulator, whose calls are
/// answered by the simulated call centre; the caller's lines are spoken and the recordings transcribed by the Azure
/// Speech adapters against the Azure Speech emulator. Then it reports as <c>demo</c> does.
/// </summary>
internal static class RehearseCommand
{
    /// <summary>Where a rehearsal keeps its data file and recordings unless <c>--db</c> says otherwise: apart from the demo's.</summary>
    public const string DataDirectory = "data/rehearsal";

    public static Command Create(CliConsole console)
    {
        var campaign = new Option<string>("--campaign") { Description = "The campaign to run", DefaultValueFactory = _ => DemoCommand.DefaultCampaign, HelpName = "FILE" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the plan (default: derived from the campaign file)", HelpName = "N" };
        var report = new Option<string>("--report") { Description = "Where to write the HTML report", DefaultValueFactory = _ => Path.Combine("reports", "rehearsal.html"), HelpName = "FILE" };
        var localSpeech = new Option<bool>("--local-speech") { Description = "Speak and transcribe with the local engines instead of the Azure Speech emulator" };
        var faults = new Option<string[]>("--fault") { Description = $"A fault the Twilio emulator plays, repeatable: {RehearsalFaults.Help}", HelpName = "KIND[:NUMBER]", AllowMultipleArgumentsPerToken = false };
        var concurrency = CallBatchOptions.CreateConcurrency();
        var command = new Command("rehearse", "Run a campaign offline through the production adapters: the Twilio carrier against the Twilio emulator, Azure Speech against its emulator")
        {
            campaign, seed, report, localSpeech, faults, concurrency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var file = parse.GetRequiredValue(campaign);
            var settings = AppHost.Settings(parse);
            var (callerNumbers, lines) = NumbersOf(file, AppHost.ScenarioFolder(settings));
            var faultsByLine = RehearsalFaults.Parse(parse.GetValue(faults) ?? [], lines);

            // The far ends' engines (flite speaks for the emulators, pocketsphinx hears for the Azure emulator) live in a
            // host of their own, so the data file is opened by the rehearsal's host only.
            using var engines = AppHost.Build(parse, HostFeatures.Speech, b =>
            {
                b.Configuration.AddInMemoryCollection([new("Speech:Kind", "local")]);
                b.AddPocketsphinxTranscriber();
            });
            var synthesizer = engines.Services.GetRequiredService<ISpeechSynthesizer>();
            var briefings = new RehearsalBriefings(new SimulatedCallSeeds());
            var callee = new SimulatedCallCentreCallee(
                settings.GetSection(SimulationOptions.SectionName).Get<SimulationOptions>()?.CallCentreFile ?? new SimulationOptions().CallCentreFile,
                synthesizer,
                briefings.For);

            var loggers = engines.Services.GetRequiredService<ILoggerFactory>();
            await using var twilio = await TwilioEmulator.StartAsync(new TwilioEmulatorOptions { OwnedNumbers = callerNumbers }, callee, TimeProvider.System, loggers, cancellationToken).ConfigureAwait(false);
            foreach (var (line, fault) in faultsByLine)
            {
                twilio.Faults.ForNumber(line, fault);
            }

            var azureKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await using var azure = parse.GetValue(localSpeech)
                ? null
                : await AzureSpeechEmulator.StartAsync(synthesizer, azureKey, TimeProvider.System, transcriber: engines.Services.GetRequiredService<ITranscriber>(), cancellationToken: cancellationToken).ConfigureAwait(false);

            // Recordings and the speech cache go beside the data file: --db moves them all.
            var data = parse.GetValue(GlobalOptions.Database) is { } db ? Path.GetDirectoryName(Path.GetFullPath(db))! : DataDirectory;
            var webhooks = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}";
            var overrides = new Dictionary<string, string?>
            {
                ["Carrier:Kind"] = "twilio",
                ["Twilio:AccountSid"] = twilio.AccountSid,
                ["Twilio:AuthToken"] = twilio.AuthToken,
                ["Twilio:ApiBaseUrl"] = twilio.BaseAddress.ToString(),
                ["Twilio:PublicBaseUrl"] = webhooks,
                ["Twilio:WebhookListenUrl"] = webhooks,
                ["Store:Path"] = Path.Combine(DataDirectory, "qashopper.db"),
                ["Recordings:Directory"] = Path.Combine(data, "recordings"),
                ["Scheduler:MaxConcurrentCalls"] = parse.GetRequiredValue(concurrency).ToString(CultureInfo.InvariantCulture),
            };
            if (azure is not null)
            {
                overrides["Speech:Kind"] = "azure";
                overrides["Transcription:Kind"] = "azure";
                overrides["AzureSpeech:Endpoint"] = azure.Endpoint.ToString();
                overrides["AzureSpeech:Key"] = azure.Key;
                overrides["AzureSpeech:CacheDirectory"] = Path.Combine(data, "cache", "tts-azure");

                // The emulator transcribes with pocketsphinx on this machine, each channel on its own, several calls at a
                // time: far slower than the service, so a request may take minutes rather than the 30 s allowed by default.
                overrides["AzureSpeech:Timeout"] = "00:10:00";
                overrides["AzureSpeech:BatchContainerUrl"] = azure.BatchContainerUrl.ToString();
            }

            await console.Error.WriteLineAsync(
                $"rehearse: Twilio emulator at {twilio.BaseAddress}, webhooks at {webhooks}" +
                (azure is null ? ", local speech" : $", Azure Speech emulator at {azure.Endpoint}")).ConfigureAwait(false);
            var request = new LaunchRequest(file, ScheduleMode.Now, From: null, To: null, parse.GetValue(seed));
            var launched = await CampaignLauncher.LaunchAsync(parse, request, console, cancellationToken, b =>
            {
                b.Configuration.AddInMemoryCollection(overrides);

                // Registered before the composition root's Twilio registrations, which then leave these in place.
                b.Services.AddSingleton(briefings);
                b.Services.AddSingleton<IResumableCarrier>(sp => new BriefingCarrier(sp.GetRequiredService<TwilioCarrier>(), briefings));
                b.Services.AddSingleton<ICarrier>(sp => sp.GetRequiredService<IResumableCarrier>());

                // The far end is the simulated call centre: the QA team knows its roster, as it knows its real one.
                b.AddSimulatedCallCentre();
                b.Services.AddHostedService<SimulatedRosterSeeder>();
            }).ConfigureAwait(false);
            using var host = launched.Host;
            if (host is null || launched.Status is null)
            {
                return launched.ExitCode;
            }

            var exit = await DemoCommand.ReportAsync(host, launched, parse.GetRequiredValue(report), TimeProvider.System.GetElapsedTime(started), console, "rehearse").ConfigureAwait(false);
            var calls = twilio.Calls;
            await console.Out.WriteLineAsync(
                $"rehearse: Twilio emulator: {calls.Count} calls created, {twilio.Deliveries.Count} webhooks sent ({twilio.Deliveries.Count(d => d.ResponseStatus is null or >= 400)} refused or failed), " +
                $"{calls.Count(c => c.RecordingSid is not null)} recordings, {calls.Count(c => c.RecordingDeleted)} deleted after download" +
                (azure is null ? string.Empty : $"; Azure Speech emulator: {azure.RequestCount(EmulatorRoute.Synthesis)} syntheses, {azure.RequestCount(EmulatorRoute.FastTranscription)} transcriptions")).ConfigureAwait(false);
            return exit;
        });
        return command;
    }

    /// <summary>The campaign's caller-id pool (the numbers the emulated account owns) and the lines it calls.</summary>
    private static (IReadOnlyList<string> CallerNumbers, IReadOnlyList<string> Lines) NumbersOf(string file, string scenarioFolder)
    {
        var (campaign, _) = CampaignFiles.LoadValid(file, CampaignFiles.ScenarioIds(scenarioFolder));
        return (campaign.Anonymity.CallerNumbers, [.. campaign.Lines.Select(l => l.Number).Distinct(StringComparer.Ordinal)]);
    }
}
