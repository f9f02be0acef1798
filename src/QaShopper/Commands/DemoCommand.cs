using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Hosting;
using QaShopper.Reports;
using QaShopper.Simulation;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper demo</c>: the offline main job. Seeds the simulated call centre, places a campaign of test calls
/// across the shipped scenarios (speech by flite, recordings on disk, transcription by pocketsphinx), scores and
/// stores every call, then prints the per-agent table and writes the HTML report.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var batch = new CallBatchOptions(defaultCalls: 40, defaultSeed: 2026, "Seed of the campaign: the same seed places the same calls");
        var report = new Option<string>("--report") { Description = "Where to write the HTML report", DefaultValueFactory = _ => Path.Combine("reports", "index.html"), HelpName = "FILE" };
        var command = new Command("demo", "Offline demo: place simulated test calls, transcribe, score, store, report") { report };
        batch.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await AppHost.StartAsync(parse, cancellationToken, b => b.AddOfflineCalls()).ConfigureAwait(false);
            var options = new DemoRequest(parse.GetRequiredValue(batch.Calls), parse.GetRequiredValue(batch.Seed), parse.GetRequiredValue(report), parse.GetRequiredValue(batch.Concurrency));
            return await RunAsync(options, host.Services, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record DemoRequest(int Calls, int Seed, string ReportPath, int Concurrency);

    internal static async Task<int> RunAsync(DemoRequest request, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var started = clock.GetTimestamp();
        var store = services.GetRequiredService<IResultStore>();
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);

        var setup = await OfflineCallSetup.LoadAsync(services, console, cancellationToken).ConfigureAwait(false);
        foreach (var (scenario, text) in setup.Scenarios)
        {
            await store.SaveScenarioAsync(scenario, text, cancellationToken).ConfigureAwait(false);
        }

        var recordings = services.GetRequiredService<IOptions<SimulationOptions>>().Value.RecordingDirectory;
        var plan = SimulatedCallPlan.Create([.. setup.Scenarios.Select(s => s.Scenario)], setup.Lines, request.Calls, request.Seed, recordings, "demo");
        await console.Error.WriteLineAsync(
            $"demo: {setup.CallCentre.Size.Sites} sites, {setup.CallCentre.Size.Agents} agents, {setup.Scenarios.Count} scenarios; placing {plan.Count} test calls ({request.Concurrency} at a time)").ConfigureAwait(false);

        var outcomes = await CallBatchRunner.RunAsync(plan, services.GetRequiredService<CallRunner>(), request.Concurrency, console, cancellationToken).ConfigureAwait(false);

        var stored = await store.GetCallsAsync(new CallQuery(), cancellationToken).ConfigureAwait(false);
        var reports = AgentReportBuilder.Build(stored.Where(c => c.Score is not null));
        ReportCommand.Write(reports, "table", console);
        var agents = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
        HtmlReportWriter.Write(request.ReportPath, reports, agents, clock.GetUtcNow(), $"{stored.Count} stored calls");

        var byStatus = outcomes.GroupBy(o => o.Call.Status).Select(g => $"{g.Count()} {Describe(g.Key)}");
        var elapsed = clock.GetElapsedTime(started);
        await console.Out.WriteLineAsync(
            $"demo: {outcomes.Count} calls placed ({string.Join(", ", byStatus)}) in {elapsed.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min; " +
            $"report: {Path.GetFullPath(request.ReportPath)}; database: {services.GetRequiredService<IOptions<Sqlite.SqliteStoreOptions>>().Value.Path}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static string Describe(CallStatus status) => status switch
    {
        CallStatus.Completed => "answered and scored",
        CallStatus.NoAnswer => "not answered",
        _ => status.ToString().ToLowerInvariant(),
    };
}
