using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Hosting;

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
        var scenarios = ScenarioDirectoryOption();
        var command = new Command("start", "Schedule a campaign's calls with Quartz; 'serve' places them on time, or --now / --speed runs them here and waits")
        {
            file, now, speed, from, to, seed, scenarios,
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
            return await StartAsync(parse, parse.GetRequiredValue(file), mode, parse.GetValue(from), parse.GetValue(to), parse.GetValue(seed), parse.GetRequiredValue(scenarios), console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> StartAsync(
        ParseResult parse, string file, ScheduleMode mode, DateOnly? from, DateOnly? to, int? seed, string scenarioDirectory, CliConsole console, CancellationToken cancellationToken)
    {
        var scenarios = CampaignFiles.Scenarios(scenarioDirectory);
        var (campaign, text) = CampaignFiles.LoadValid(file, scenarios.Select(s => s.Scenario.Id).ToHashSet(StringComparer.Ordinal));
        using var host = AppHost.Build(parse, b =>
        {
            b.AddOfflineCalls();
            b.AddCampaignScheduler();
        });
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();
        var results = host.Services.GetRequiredService<IResultStore>();
        await results.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // On time, what is already past cannot be placed: plan from now. Run at once or accelerated, the whole plan runs.
        var planSeed = seed ?? CampaignFiles.DefaultSeed(campaign);
        var plan = MakePlan(campaign, from, to, planSeed, mode == ScheduleMode.OnTime ? clock.GetUtcNow() : null);
        if (!plan.IsFeasible)
        {
            WriteProblems(plan, console);
            await console.Error.WriteLineAsync("nothing scheduled: fix the campaign file or the dates and start again").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        if (plan.Calls.Count == 0)
        {
            throw new CliException($"{file}: no call left to place between {plan.From:yyyy-MM-dd} and {plan.To:yyyy-MM-dd} (the dates are over); use --now to run the plan at once, or change the dates", ExitCodes.Invalid);
        }

        if (await scheduler.GetCampaignAsync(campaign.Id, cancellationToken).ConfigureAwait(false) is { } existing
            && (existing.Campaign.ContentHash != campaign.ContentHash || existing.Seed != planSeed))
        {
            throw new CliException(
                $"campaign '{campaign.Id}' was already scheduled on {existing.StartedAt:yyyy-MM-dd HH:mm}Z from another version of the file or another seed; " +
                $"its calls stay as they are. Cancel it ('qashopper campaign cancel {campaign.Id}') and give the new version its own id.",
                ExitCodes.Invalid);
        }

        // Reports show what each call was scored against: keep the versions of the campaign's scenarios.
        foreach (var (scenario, scenarioText) in scenarios.Where(s => campaign.Scenarios.Any(w => w.Id == s.Scenario.Id)))
        {
            await results.SaveScenarioAsync(scenario, scenarioText, cancellationToken).ConfigureAwait(false);
        }

        var added = await scheduler.ScheduleAsync(plan, text, mode, planSeed, cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync(
            $"{campaign.Id}: {plan.Calls.Count} calls planned from {plan.Calls[0].At:yyyy-MM-dd HH:mm}Z to {plan.Calls[^1].At:yyyy-MM-dd HH:mm}Z, {added.Count} newly scheduled ({mode})").ConfigureAwait(false);
        if (mode == ScheduleMode.OnTime)
        {
            await console.Error.WriteLineAsync($"'qashopper serve' places them on time; 'qashopper campaign status {campaign.Id}' follows them").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        return await RunHereAsync(host, scheduler, results, campaign.Id, console, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the scheduler in this process until the campaign's calls have all ended, then prints its status.</summary>
    private static async Task<int> RunHereAsync(IHost host, CampaignScheduler scheduler, IResultStore results, string campaignId, CliConsole console, TimeProvider clock, CancellationToken cancellationToken)
    {
        await StartHostAsync(host, cancellationToken).ConfigureAwait(false);
        try
        {
            var status = await CampaignProgress.FollowAsync(scheduler, results, campaignId, console, clock, cancellationToken).ConfigureAwait(false);
            await WriteStatusAsync(status, scheduler, results, console, listCalls: false, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"stopping: calls in progress finish; the rest stay scheduled ('qashopper serve' or 'qashopper campaign start' resumes them)").ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Not the cancelled token: stopping must be allowed to wait for the calls in progress.
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task StartHostAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException($"configuration: {string.Join("; ", ex.Failures)}");
        }
    }
}
