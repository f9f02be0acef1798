using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.Server;
using QaShopper.Scheduling;

namespace QaShopper.Commands;

internal static partial class CampaignCommand
{
    private static Command CreateStart(CliConsole console)
    {
        var file = CampaignFileArgument();
        var now = new Option<bool>("--now")
        {
            Description = "Place every planned call at once, in planned order, and wait until all have ended (planned times are kept for reports)",
        };
        var speed = new Option<double?>("--speed")
        {
            Description = "Run the plan in accelerated time, N times faster than real (600: a week in about 17 minutes), and wait until all calls have ended",
            HelpName = "N",
        };
        var from = new Option<DateOnly?>("--from") { Description = "First local date to schedule (default: the campaign's first date)", HelpName = "YYYY-MM-DD" };
        var to = new Option<DateOnly?>("--to") { Description = "Last local date to schedule, inclusive (default: the campaign's last date)", HelpName = "YYYY-MM-DD" };
        var seed = SeedOption();
        var command = new Command("start", "Schedule a campaign's calls with Quartz; 'serve' places them on time, or --now / --speed runs them here and waits")
        {
            file, now, speed, from, to, seed,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(now) && r.GetValue(speed) is not null)
            {
                r.AddError("--now and --speed cannot be combined");
            }

            if (r.GetValue(speed) is { } factor && !(factor >= 1 && factor <= 1_000_000))
            {
                r.AddError($"--speed must be between 1 and 1000000; got {factor}");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var mode = parse.GetValue(now) ? ScheduleMode.Now
                : parse.GetValue(speed) is { } factor ? ScheduleMode.Accelerated(factor)
                : ScheduleMode.OnTime;
            return await StartAsync(parse, parse.GetRequiredValue(file), mode, parse.GetValue(from), parse.GetValue(to), parse.GetValue(seed), console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> StartAsync(
        ParseResult parse, string file, ScheduleMode mode, DateOnly? from, DateOnly? to, int? seed, CliConsole console, CancellationToken cancellationToken)
    {
        LaunchResult launched;
        try
        {
            launched = await CampaignLauncher.LaunchAsync(parse, new LaunchRequest(file, mode, from, to, seed), console, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex) when (ex.InUseByAnotherProcess)
        {
            // serve holds the data file: an on-time start is what serve does itself, so it is sent there (nothing was
            // stored here). A run in this process (--now, --speed) or a start narrowed by date or seed cannot be.
            var server = RunningServer.From(AppHost.Settings(parse));
            if (server is null || mode != ScheduleMode.OnTime || from is not null || to is not null || seed is not null)
            {
                throw new CliException($"{ex.Message} {(server is null ? RunningServer.Hint("Start it") : "Through the running serve only an on-time start without --from, --to or --seed is possible; use the web app for the rest.")}");
            }

            return await new RunningServer(server, console).StartCampaignAsync(file, cancellationToken).ConfigureAwait(false);
        }

        using var host = launched.Host;
        if (host is not null && launched.Status is not null)
        {
            await WriteStatusAsync(launched.Status, host.Services.GetRequiredService<CampaignBook>(), console, listCalls: false, CancellationToken.None).ConfigureAwait(false);
        }

        return launched.ExitCode;
    }
}
