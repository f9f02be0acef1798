using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Hosting;
using QaShopper.Scheduling;
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
        var command = new Command("demo", "Offline demo: run the demo campaign at once against the simulated call centre, then report")
        {
            campaign, seed, report, concurrency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The demo campaign dials the simulated call centre's made-up lines: never through a real carrier.
            if (Composition.Kind(AppHost.Settings(parse), "Carrier:Kind") != "simulated")
            {
                throw new CliException(
                    "demo: runs against the simulated call centre only (Carrier:Kind is set to another carrier); " +
                    "'qashopper rehearse' runs a campaign through Twilio's path against the Twilio emulator, 'campaign start' and 'serve' place real calls",
                    ExitCodes.BadInput);
            }

            var started = TimeProvider.System.GetTimestamp();
            var startedAt = TimeProvider.System.GetUtcNow();
            var request = new LaunchRequest(parse.GetRequiredValue(campaign), ScheduleMode.Now, From: null, To: null, parse.GetValue(seed)) { StartedAt = startedAt };
            var launched = await CampaignLauncher.LaunchAsync(
                parse,
                request,
                console,
                cancellationToken,
                b => b.Configuration.AddInMemoryCollection([new("Scheduler:MaxConcurrentCalls", parse.GetRequiredValue(concurrency).ToString(CultureInfo.InvariantCulture))])).ConfigureAwait(false);
            using var host = launched.Host;
            return host is null || launched.Status is null
                ? launched.ExitCode
                : await ReportAsync(host, launched, parse.GetRequiredValue(report), TimeProvider.System.GetElapsedTime(started), console, "demo", startedAt).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Prints the per-agent table and the summary and writes the HTML report, for a finished or a stopped run alike.</summary>
    internal static async Task<int> ReportAsync(IHost host, LaunchResult launched, string reportPath, TimeSpan elapsed, CliConsole console, string command, DateTimeOffset? startedAt = null)
    {
        var services = host.Services;
        var clock = services.GetRequiredService<TimeProvider>();
        var status = launched.Status!;

        // The store stays readable after the host stopped; a stop signal must not keep the summary from being written.
        var store = services.GetRequiredService<IResultStore>();
        var reports = await store.GetAgentReportsAsync(new CallQuery(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        ReportCommand.Write(reports, "table", console);
        var agents = await store.GetAgentsAsync(CancellationToken.None).ConfigureAwait(false);
        var stored = reports.Sum(r => r.Calls);
        HtmlReportWriter.Write(reportPath, reports, agents, clock.GetUtcNow(), $"{stored} scored calls");

        var byState = status.ByState.Where(kv => kv.Value > 0).Select(kv => $"{kv.Value} {Describe(kv.Key)}");
        await console.Out.WriteLineAsync(
            $"{command}: campaign {status.CampaignId}{(launched.Interrupted ? " STOPPED EARLY" : string.Empty)}, {status.Calls.Count} calls ({string.Join(", ", byState)}) in {elapsed.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min; " +
            Reach(status) +
            $"report: {Path.GetFullPath(reportPath)}; data file: {StorePath(services)}").ConfigureAwait(false);
        if (startedAt is { } since && await FirstScoredAsync(store, status, since).ConfigureAwait(false) is { } first)
        {
            await console.Out.WriteLineAsync(FirstScoredCall.Describe(first - since)).ConfigureAwait(false);
        }

        return launched.ExitCode;
    }

    /// <summary>"every agent tested; " or who was not tested and which calls reached someone not identified, kept apart.</summary>
    private static string Reach(CampaignStatus status)
    {
        var parts = new List<string>();
        if (status.UntestedAgents.Count == 0)
        {
            parts.Add("every agent tested");
        }
        else if (status.NotTestedAgents is { Count: > 0 } notTested)
        {
            parts.Add($"not tested: {string.Join(", ", notTested)}");
        }

        if (status.UnidentifiedCallsThisWeek.Count > 0)
        {
            parts.Add($"reached but not identified: {ReachWording.Describe(status.UnidentifiedCallsThisWeek)}");
        }

        return string.Concat(parts.Select(p => p + "; "));
    }

    /// <summary>When the campaign's first call of this run was scored, from the store; null when none was.</summary>
    private static async Task<DateTimeOffset?> FirstScoredAsync(IResultStore store, CampaignStatus status, DateTimeOffset since)
    {
        DateTimeOffset? first = null;
        foreach (var attempt in status.Calls.Where(c => c.State == CampaignCallState.Completed).Select(c => c.AttemptCallId).OfType<string>())
        {
            if (await store.GetCallAsync(attempt, CancellationToken.None).ConfigureAwait(false) is { ScoredAt: { } at } && at >= since && (first is null || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    // The file the store opened, not the setting read again with its default repeated here.
    private static string StorePath(IServiceProvider services) =>
        services.GetService<LiteDb.LiteDbFile>()?.FullPath ?? "(the configured store)";

    private static string Describe(CampaignCallState state) => state switch
    {
        CampaignCallState.Completed => "answered and scored",
        CampaignCallState.NoAnswer => "not answered",
        _ => state.ToString().ToLowerInvariant(),
    };
}
