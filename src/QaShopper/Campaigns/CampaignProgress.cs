using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Rendering;
using QaShopper.Scheduling;
using Spectre.Console;

namespace QaShopper.Campaigns;

/// <summary>
/// Follows a running campaign until every planned call has ended: a progress bar on a terminal, one line per call
/// otherwise. It only reads the store, so it shows the same thing whichever host places the calls.
/// </summary>
internal static class CampaignProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<CampaignStatus> FollowAsync(
        CampaignBook book, IResultStore results, string campaignId, CliConsole console, TimeProvider clock, CancellationToken cancellationToken, DateTimeOffset? startedAt = null)
    {
        var firstScoredShown = startedAt is null;
        var status = await Read(book, campaignId, cancellationToken).ConfigureAwait(false);
        var reported = new HashSet<string>(status.Calls.Where(c => c.State.IsFinal()).Select(c => c.Call.CallId), StringComparer.Ordinal);
        if (console.IsInteractive)
        {
            using (LiveProgress.Begin())
            {
                await console.Rich.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask(Describe(campaignId, status), maxValue: status.Calls.Count);
                        while (true)
                        {
                            task.Value = status.Calls.Count(c => c.State.IsFinal());
                            task.Description = Describe(campaignId, status);
                            if (status.IsFinished)
                            {
                                break;
                            }

                            await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
                            status = await Read(book, campaignId, cancellationToken).ConfigureAwait(false);
                        }
                    }).ConfigureAwait(false);
            }

            return status;
        }

        while (true)
        {
            foreach (var call in status.Calls.Where(c => c.State.IsFinal() && reported.Add(c.Call.CallId)))
            {
                var score = call.State == CampaignCallState.Completed && call.AttemptCallId is { } attempt
                    ? (await results.GetCallAsync(attempt, cancellationToken).ConfigureAwait(false))?.Score
                    : null;
                var result = score is not null
                    ? $"{score.Score:0.0} {score.Grade.ToString().ToLowerInvariant()} ({score.Agent ?? "agent not identified"})"
                    : CampaignStatusRenderer.Name(call.State) + (call.Reason is { } reason ? $": {reason}" : "");
                await console.Error.WriteLineAsync($"[{reported.Count}/{status.Calls.Count}] {call.Call.CallId} {call.Call.ScenarioId}: {result}").ConfigureAwait(false);
                if (score is not null && !firstScoredShown)
                {
                    firstScoredShown = true;
                    await console.Error.WriteLineAsync(FirstScoredCall.Describe(clock.GetUtcNow() - startedAt!.Value)).ConfigureAwait(false);
                }
            }

            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
            status = await Read(book, campaignId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"demo-week: 12/44 calls done, 2 placing".</summary>
    private static string Describe(string campaignId, CampaignStatus status) =>
        $"{campaignId}: {status.Calls.Count(c => c.State.IsFinal())}/{status.Calls.Count} calls done, {status.Calls.Count(c => c.State == CampaignCallState.Running)} placing";

    private static async Task<CampaignStatus> Read(CampaignBook book, string campaignId, CancellationToken cancellationToken) =>
        await book.GetStatusAsync(campaignId, cancellationToken).ConfigureAwait(false)
        ?? throw new CliException($"campaign '{campaignId}' is not in the database");
}

/// <summary>The demo's promise to a first-time user: a scored call within a minute of starting.</summary>
internal static class FirstScoredCall
{
    public static readonly TimeSpan Target = TimeSpan.FromMinutes(1);

    public static string Describe(TimeSpan after) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"first scored call after {after.TotalSeconds:0} s (target: within {Target.TotalSeconds:0} s)");
}
