using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Hosting;

namespace QaShopper.Campaigns;

/// <summary>What to start: a campaign file, how to run it, which dates and seed.</summary>
internal sealed record LaunchRequest(string File, ScheduleMode Mode, DateOnly? From, DateOnly? To, int? Seed, string ScenarioDirectory);

/// <summary>
/// Plans a campaign and hands it to the scheduler; at once or accelerated, it also runs the scheduler in this process
/// until every planned call has ended. Shared by <c>campaign start</c> and <c>demo</c>.
/// </summary>
internal static class CampaignLauncher
{
    /// <summary>The exit code and, when the campaign ran here to the end, its final status.</summary>
    public static async Task<(int ExitCode, CampaignStatus? Status)> LaunchAsync(IHost host, LaunchRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        var scenarios = CampaignFiles.Scenarios(request.ScenarioDirectory);
        var (campaign, text) = CampaignFiles.LoadValid(request.File, scenarios.Select(s => s.Scenario.Id).ToHashSet(StringComparer.Ordinal));
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var scheduler = host.Services.GetRequiredService<CampaignScheduler>();
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
            return (ExitCodes.Invalid, null);
        }

        if (plan.Calls.Count == 0)
        {
            throw new CliException($"{request.File}: no call left to place between {plan.From:yyyy-MM-dd} and {plan.To:yyyy-MM-dd} (the dates are over); use --now to run the plan at once, or change the dates", ExitCodes.Invalid);
        }

        if (await scheduler.GetCampaignAsync(campaign.Id, cancellationToken).ConfigureAwait(false) is { } existing
            && (existing.Campaign.ContentHash != campaign.ContentHash || existing.Seed != seed))
        {
            throw new CliException(
                $"campaign '{campaign.Id}' was already scheduled on {existing.StartedAt:yyyy-MM-dd HH:mm}Z from another version of the file or another seed; " +
                $"its calls stay as they are. Cancel it ('qashopper campaign cancel {campaign.Id}') and give the new version its own id, or use another --db.",
                ExitCodes.Invalid);
        }

        // The campaign's calls follow the scenario versions of today, kept in the store, whatever the folder holds later.
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scenario, scenarioText) in scenarios.Where(s => campaign.Scenarios.Any(w => w.Id == s.Scenario.Id)))
        {
            await results.SaveScenarioAsync(scenario, scenarioText, cancellationToken).ConfigureAwait(false);
            versions[scenario.Id] = scenario.ContentHash;
        }

        var added = await scheduler.ScheduleAsync(plan, text, request.Mode, versions, seed, cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync(
            $"{campaign.Id}: {plan.Calls.Count} calls planned from {plan.Calls[0].At:yyyy-MM-dd HH:mm}Z to {plan.Calls[^1].At:yyyy-MM-dd HH:mm}Z, {added.Count} newly scheduled ({request.Mode})").ConfigureAwait(false);
        if (request.Mode == ScheduleMode.OnTime)
        {
            await console.Error.WriteLineAsync($"'qashopper serve' places them on time; 'qashopper campaign status {campaign.Id}' follows them").ConfigureAwait(false);
            return (ExitCodes.Ok, null);
        }

        var status = await RunHereAsync(host, scheduler, results, campaign.Id, console, clock, cancellationToken).ConfigureAwait(false);
        return (ExitCodes.Ok, status);
    }

    /// <summary>Runs the scheduler in this process until the campaign's calls have all ended.</summary>
    private static async Task<CampaignStatus> RunHereAsync(IHost host, CampaignScheduler scheduler, IResultStore results, string campaignId, CliConsole console, TimeProvider clock, CancellationToken cancellationToken)
    {
        await AppHost.StartBuiltAsync(host, cancellationToken).ConfigureAwait(false);
        try
        {
            return await CampaignProgress.FollowAsync(scheduler, results, campaignId, console, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("stopping: calls in progress finish; the rest stay scheduled ('qashopper serve' or starting the campaign again resumes them)").ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Not the cancelled token: stopping must be allowed to wait for the calls in progress.
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
