using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.Scheduling;

namespace QaShopper.Campaigns;

/// <summary>What to start: a campaign file, how to run it, which dates and seed.</summary>
internal sealed record LaunchRequest(string File, ScheduleMode Mode, DateOnly? From, DateOnly? To, int? Seed)
{
    /// <summary>When the command started, for "first scored call after N s" in the progress; null to leave it out.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}

/// <summary>How a launch ended: its exit code, the campaign's status when it ran here, and whether a stop signal cut it short.</summary>
internal sealed record LaunchResult(int ExitCode, CampaignStatus? Status, bool Interrupted, IHost? Host);

/// <summary>
/// Plans a campaign and stores it; at once or accelerated, it also runs the scheduler in this process, for this
/// campaign only, until every planned call has ended or a stop signal comes. Shared by <c>campaign start</c> and <c>demo</c>.
/// </summary>
internal static class CampaignLauncher
{
    /// <summary>Exit code of a run cut short by SIGINT, SIGTERM or Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Loads and plans the campaign, builds this command's host (scheduler scoped to the campaign when it runs here),
    /// stores the plan and, run at once or accelerated, follows it to the end. The caller disposes the result's host.
    /// </summary>
    public static async Task<LaunchResult> LaunchAsync(ParseResult parse, LaunchRequest request, CliConsole console, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        var folder = AppHost.ScenarioFolder(AppHost.Settings(parse));
        var scenarios = CampaignFiles.Scenarios(folder);
        var (campaign, text) = CampaignFiles.LoadValid(request.File, scenarios.Select(s => s.Scenario.Id).ToHashSet(StringComparer.Ordinal));
        var runsHere = request.Mode != ScheduleMode.OnTime;
        var host = AppHost.Build(parse, runsHere ? HostFeatures.Campaigns : HostFeatures.Store, configure, campaign.Id);
        try
        {
            var result = await LaunchInAsync(host, request, campaign, text, scenarios, console, cancellationToken).ConfigureAwait(false);
            return result with { Host = host };
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static async Task<LaunchResult> LaunchInAsync(
        IHost host, LaunchRequest request, Campaign campaign, string text, IReadOnlyList<(Core.Scenarios.Scenario Scenario, string Text)> scenarios, CliConsole console, CancellationToken cancellationToken)
    {
        // Before the store is opened or read: a bad setting must stop the command with nothing stored, not after the
        // campaign and its triggers are saved.
        AppHost.ValidateSettings(host);
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var book = host.Services.GetRequiredService<CampaignBook>();
        var results = host.Services.GetRequiredService<IResultStore>();

        // On time, what is already past cannot be placed: plan from now. Run at once or accelerated, the whole plan runs.
        var seed = request.Seed ?? CampaignFiles.DefaultSeed(campaign);
        var plan = CampaignFiles.Plan(campaign, request.From, request.To, seed, request.Mode == ScheduleMode.OnTime ? clock.GetUtcNow() : null);
        if (!plan.IsFeasible)
        {
            foreach (var problem in plan.Problems)
            {
                await console.Error.WriteLineAsync($"cannot be met: {problem}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("nothing scheduled: fix the campaign file or the dates and start again").ConfigureAwait(false);
            return new LaunchResult(ExitCodes.Invalid, null, false, null);
        }

        if (plan.Calls.Count == 0)
        {
            throw new CliException($"{request.File}: no call left to place between {plan.From:yyyy-MM-dd} and {plan.To:yyyy-MM-dd} (the dates are over); use --now to run the plan at once, or change the dates", ExitCodes.Invalid);
        }

        // Checked before the host starts: run here, starting resumes this campaign's unfinished calls, and those of
        // another version of the file must not be resumed in its name. (The store brings itself up to date on first use.)
        if (await book.GetCampaignAsync(campaign.Id, cancellationToken).ConfigureAwait(false) is { } existing
            && (existing.Campaign.ContentHash != campaign.ContentHash || existing.Seed != seed))
        {
            throw new CliException(
                $"campaign '{campaign.Id}' was already scheduled on {existing.StartedAt:yyyy-MM-dd HH:mm}Z from another version of the file or another seed; " +
                $"its calls stay as they are. Cancel it ('qashopper campaign cancel {campaign.Id}') and give the new version its own id, or use another --db.",
                ExitCodes.Invalid);
        }

        await AppHost.StartBuiltAsync(host, cancellationToken).ConfigureAwait(false);
        var warmUp = request.Mode == ScheduleMode.OnTime ? Task.CompletedTask : WarmUpAsync(host, plan.Calls[0].ScenarioId, scenarios, console, cancellationToken);

        // The campaign's calls follow today's scenario versions, kept in the store, whatever the folder holds later.
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scenario, scenarioText) in scenarios.Where(s => campaign.Scenarios.Any(w => w.Id == s.Scenario.Id)))
        {
            await results.SaveScenarioAsync(scenario, scenarioText, cancellationToken).ConfigureAwait(false);
            versions[scenario.Id] = scenario.ContentHash;
        }

        IReadOnlyList<string> added;
        if (request.Mode == ScheduleMode.OnTime)
        {
            added = await book.SaveAsync(plan, text, request.Mode, versions, seed, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            added = await host.Services.GetRequiredService<CampaignScheduler>().ScheduleAsync(plan, text, request.Mode, versions, seed, cancellationToken).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(
            $"{campaign.Id}: {plan.Calls.Count} calls planned from {plan.Calls[0].At:yyyy-MM-dd HH:mm}Z to {plan.Calls[^1].At:yyyy-MM-dd HH:mm}Z, {added.Count} newly scheduled ({request.Mode})").ConfigureAwait(false);
        if (request.Mode == ScheduleMode.OnTime)
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"'qashopper serve' places them on time; 'qashopper campaign status {campaign.Id}' follows them").ConfigureAwait(false);
            return new LaunchResult(ExitCodes.Ok, null, false, null);
        }

        var result = await RunHereAsync(host, book, results, campaign.Id, console, clock, request.StartedAt, cancellationToken).ConfigureAwait(false);
        await warmUp.ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Loads the recogniser and builds the first call's scenario searches while that call is being placed, so its
    /// transcription does not start by waiting for them (10-40 s on a slow machine). Started before the triggers, so it
    /// takes the decoder first; a failure here only costs the time it would have saved.
    /// </summary>
    private static Task WarmUpAsync(IHost host, string scenarioId, IReadOnlyList<(Core.Scenarios.Scenario Scenario, string Text)> scenarios, CliConsole console, CancellationToken cancellationToken)
    {
        var pipeline = host.Services.GetService<CallPipeline>();
        var scenario = scenarios.Select(s => s.Scenario).FirstOrDefault(s => s.Id == scenarioId);
        if (pipeline is null || scenario is null)
        {
            return Task.CompletedTask;
        }

        return Task.Run(async () =>
        {
            try
            {
                await pipeline.WarmUpAsync(scenario, agentChannel: 1, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await console.Error.WriteLineAsync($"warning: could not prepare the recogniser ahead of the first call ({ex.Message}); it loads at that call instead").ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped before the first call: nothing to prepare for.
            }
        }, CancellationToken.None);
    }

    /// <summary>Follows the campaign until its calls have all ended; on a stop signal, stops placing calls at once.</summary>
    private static async Task<LaunchResult> RunHereAsync(IHost host, CampaignBook book, IResultStore results, string campaignId, CliConsole console, TimeProvider clock, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        try
        {
            var status = await CampaignProgress.FollowAsync(book, results, campaignId, console, clock, cancellationToken, startedAt).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return new LaunchResult(ExitCodes.Ok, status, false, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("stopping: no new call is placed; calls in progress finish or are recorded as interrupted").ConfigureAwait(false);

            // Not the cancelled token: the stop must be allowed to wait for the calls in progress (see CampaignDrainService).
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var status = await book.GetStatusAsync(campaignId, CancellationToken.None).ConfigureAwait(false);
            await console.Error.WriteLineAsync("stopped early: the calls not placed stay planned; starting the campaign again (or 'qashopper serve') resumes them").ConfigureAwait(false);
            return new LaunchResult(Interrupted, status, true, null);
        }
    }
}
