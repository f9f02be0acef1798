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
        var calls = new Option<int>("--calls") { Description = "How many test calls to place", DefaultValueFactory = _ => 40, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the campaign: the same seed places the same calls", DefaultValueFactory = _ => 2026, HelpName = "S" };
        var report = new Option<string>("--report") { Description = "Where to write the HTML report", DefaultValueFactory = _ => Path.Combine("reports", "index.html"), HelpName = "FILE" };
        var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var command = new Command("demo", "Offline demo: place simulated test calls, transcribe, score, store, report")
        {
            calls, seed, report, concurrency,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(calls) is < 1 or > 10_000)
            {
                r.AddError("--calls must be between 1 and 10000");
            }

            if (r.GetValue(concurrency) is < 1 or > 64)
            {
                r.AddError("--concurrency must be between 1 and 64");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await AppHost.StartAsync(parse, cancellationToken, b => b.AddOfflineCalls()).ConfigureAwait(false);
            var options = new DemoRequest(parse.GetRequiredValue(calls), parse.GetRequiredValue(seed), parse.GetRequiredValue(report), parse.GetRequiredValue(concurrency));
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
        foreach (var agent in setup.CallCentre.Agents)
        {
            await store.SaveAgentAsync(agent, cancellationToken).ConfigureAwait(false);
        }

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
