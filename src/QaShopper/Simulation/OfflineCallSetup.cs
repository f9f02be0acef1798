using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaShopper.Cli;
using QaShopper.Core.Configuration;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Scenarios;

namespace QaShopper.Simulation;

/// <summary>What a batch of offline calls needs: the simulated call centre and the scenarios the local engines can speak and hear.</summary>
internal sealed record OfflineCallSetup(SimulatedCallCentre CallCentre, IReadOnlyList<(Scenario Scenario, string Text)> Scenarios, IReadOnlyList<string> Lines)
{
    public static async Task<OfflineCallSetup> LoadAsync(IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var folder = services.GetRequiredService<IOptions<ScenarioFolderOptions>>().Value.Directory;
        if (!Directory.Exists(folder))
        {
            // Expanding a missing folder would read as "no scenarios" and run nothing; it is the setting that is wrong.
            throw new CliException($"configuration: Scenarios:Directory (--scenarios) is '{folder}', which is not a folder; set it to the folder of scenario files");
        }

        SimulatedCallCentre centre;
        try
        {
            centre = services.GetRequiredService<SimulatedCallCentre>();
        }
        catch (CallCentreException ex)
        {
            throw new CliException(string.Join(Environment.NewLine, ex.Errors));
        }

        var synthesizer = services.GetRequiredService<ISpeechSynthesizer>();
        var transcriber = services.GetRequiredService<ITranscriber>();
        var scenarios = new List<(Scenario, string)>();
        foreach (var file in ScenarioFiles.Expand([folder]))
        {
            var (scenario, text) = ScenarioFiles.LoadValid(file);
            if (synthesizer.VoicesFor(scenario.Locale).Count == 0 || !transcriber.Supports(scenario.Locale))
            {
                await console.Error.WriteLineAsync(
                    $"skipping {scenario.Id}: the offline engines ({synthesizer.Engine}, {transcriber.Engine}) cannot speak or hear {scenario.Locale}").ConfigureAwait(false);
                continue;
            }

            if (!centre.HasLinesFor(scenario.Id))
            {
                await console.Error.WriteLineAsync($"skipping {scenario.Id}: {centre.SourcePath} has no agent lines for it").ConfigureAwait(false);
                continue;
            }

            scenarios.Add((scenario, text));
        }

        if (scenarios.Count == 0)
        {
            throw new CliException($"no scenario in {folder} can be simulated offline");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new OfflineCallSetup(centre, scenarios, centre.Lines);
    }
}
