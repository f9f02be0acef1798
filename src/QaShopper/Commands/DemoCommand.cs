using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Hosting;
using QaShopper.Scenarios;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper demo</c>: the offline main job. For now it scores the shipped example calls
/// (examples/transcripts/SCENARIO.CASE.json) into the store and prints the per-agent report;
/// placing simulated calls with local speech replaces the transcripts when the offline call loop lands.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var scenarios = new Option<string>("--scenarios") { Description = "Scenario folder", DefaultValueFactory = _ => "scenarios", HelpName = "DIR" };
        var transcripts = new Option<string>("--transcripts") { Description = "Example calls to score", DefaultValueFactory = _ => Path.Combine("examples", "transcripts"), HelpName = "DIR" };
        var command = new Command("demo", "Offline demo: score the shipped example calls, store them and print the per-agent report")
        {
            scenarios, transcripts,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await AppHost.StartAsync(parse, cancellationToken).ConfigureAwait(false);
            return await RunAsync(parse.GetRequiredValue(scenarios), parse.GetRequiredValue(transcripts), host.Services, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string scenarioDir, string transcriptDir, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var started = clock.GetTimestamp();
        var scenarioFiles = ScenarioFiles.Expand([scenarioDir])
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        if (!Directory.Exists(transcriptDir))
        {
            throw new CliException($"{transcriptDir}: no such folder of example calls");
        }

        var calls = Directory.EnumerateFiles(transcriptDir, "*.json").Order(StringComparer.Ordinal).ToList();
        var store = services.GetRequiredService<IResultStore>();
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);

        var scored = 0;
        foreach (var file in calls)
        {
            var scenarioId = Path.GetFileName(file).Split('.')[0];
            if (!scenarioFiles.TryGetValue(scenarioId, out var scenarioFile))
            {
                await console.Error.WriteLineAsync($"{file}: skipped, no scenario '{scenarioId}' in {scenarioDir}").ConfigureAwait(false);
                continue;
            }

            var request = new ScoreCommand.ScoreRequest(scenarioFile, file, Agent: null, Json: false, Save: true);
            await ScoreCommand.ScoreAndSaveAsync(request, services, cancellationToken).ConfigureAwait(false);
            scored++;
            await console.Error.WriteLineAsync($"[{scored}/{calls.Count}] scored {Path.GetFileName(file)}").ConfigureAwait(false);
        }

        var reports = AgentReportBuilder.Build(await store.GetCallsAsync(new CallQuery(), cancellationToken).ConfigureAwait(false));
        ReportCommand.Write(reports, "table", console);
        await console.Out.WriteLineAsync($"demo: {scored} calls scored and stored in {clock.GetElapsedTime(started).TotalSeconds:0.0} s").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
