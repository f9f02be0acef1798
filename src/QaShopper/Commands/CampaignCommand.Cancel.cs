using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Server;
using QaShopper.Scheduling;
using QaShopper.Hosting;

namespace QaShopper.Commands;

internal static partial class CampaignCommand
{
    private static Command CreateCancel(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Campaign id" };
        var command = new Command("cancel", "Cancel a campaign: its calls not yet placed end 'cancelled'; calls in progress finish and are not retried")
        {
            id,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var campaignId = parse.GetRequiredValue(id);
            IHost host;
            try
            {
                host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex) when (ex.InUseByAnotherProcess)
            {
                // serve holds the data file (and the campaign's triggers): the cancel is sent to it.
                var server = RunningServer.From(AppHost.Settings(parse)) ?? throw new CliException($"{ex.Message} {RunningServer.Hint("Cancel it")}");
                return await new RunningServer(server, console).CancelCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
            }

            using var _ = host;
            var scheduler = host.Services.GetRequiredService<CampaignBook>();
            if (await scheduler.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new CliException($"no campaign '{campaignId}' in the database; 'qashopper campaign status' lists them", ExitCodes.Invalid);
            }

            var cancelled = await scheduler.CancelAsync(campaignId, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"{campaignId}: {cancelled.Count} planned call(s) cancelled").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
