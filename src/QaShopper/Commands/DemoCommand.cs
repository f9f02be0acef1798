using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Hosting;
using QaShopper.Reports;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper demo</c>: the offline main job. Runs the demo campaign (a week of test calls across the simulated call
/// centre's three sites) at once through the same path as a real campaign: planner, Quartz, carrier, transcription,
/// scoring, store. Then prints the campaign's status and the per-agent table and writes the HTML report.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultCampaign = "scenarios/campaigns/demo-week.yaml";

    public static Command Create(CliConsole console)
    {
        var campaign = new Option<string>("--campaign") { Description = "The campaign to run", DefaultValueFactory = _ => DefaultCampaign, HelpName = "FILE" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the plan (default: derived from the campaign file)", HelpName = "N" };
        var report = new Option<string>("--report") { Description = "Where to write the HTML report", DefaultValueFactory = _ => Path.Combine("reports", "index.html"), HelpName = "FILE" };
        var concurrency = CallBatchOptions.CreateConcurrency();
        var scenarios = new Option<string>("--scenarios") { Description = "Folder of the scenario files the campaign names", DefaultValueFactory = _ => "scenarios", HelpName = "DIR" };
        var command = new Command("demo", "Offline demo: run the demo campaign at once against the simulated call centre, then report")
        {
            campaign, seed, report, concurrency, scenarios,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.Build(parse, b =>
            {
                b.AddOfflineCalls();
                b.Configuration.AddInMemoryCollection([new("Scheduler:MaxConcurrentCalls", parse.GetRequiredValue(concurrency).ToString(CultureInfo.InvariantCulture))]);
                b.AddCampaignScheduler();
            });
            var request = new LaunchRequest(parse.GetRequiredValue(campaign), ScheduleMode.Now, From: null, To: null, parse.GetValue(seed), parse.GetRequiredValue(scenarios));
            return await RunAsync(host, request, parse.GetRequiredValue(report), console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(IHost host, LaunchRequest request, string reportPath, CliConsole console, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var clock = services.GetRequiredService<TimeProvider>();
        var started = clock.GetTimestamp();
        var (exitCode, status) = await CampaignLauncher.LaunchAsync(host, request, console, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return exitCode;
        }

        var store = services.GetRequiredService<IResultStore>();
        var stored = await store.GetCallsAsync(new CallQuery(), cancellationToken).ConfigureAwait(false);
        var reports = AgentReportBuilder.Build(stored.Where(c => c.Score is not null));
        ReportCommand.Write(reports, "table", console);
        var agents = await store.GetAgentsAsync(cancellationToken).ConfigureAwait(false);
        HtmlReportWriter.Write(reportPath, reports, agents, clock.GetUtcNow(), $"{stored.Count} stored calls");

        var byState = status.ByState.Where(kv => kv.Value > 0).Select(kv => $"{kv.Value} {Describe(kv.Key)}");
        var elapsed = clock.GetElapsedTime(started);
        await console.Out.WriteLineAsync(
            $"demo: campaign {status.CampaignId}, {status.Calls.Count} calls ({string.Join(", ", byState)}) in {elapsed.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min; " +
            (status.UntestedAgents.Count == 0 ? "every agent tested; " : $"not reached: {string.Join(", ", status.UntestedAgents)}; ") +
            $"report: {Path.GetFullPath(reportPath)}; database: {services.GetRequiredService<IOptions<Sqlite.SqliteStoreOptions>>().Value.Path}").ConfigureAwait(false);
        return exitCode;
    }

    private static string Describe(CampaignCallState state) => state switch
    {
        CampaignCallState.Completed => "answered and scored",
        CampaignCallState.NoAnswer => "not answered",
        _ => state.ToString().ToLowerInvariant(),
    };
}
