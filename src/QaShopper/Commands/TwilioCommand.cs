using System.CommandLine;
using Microsoft.Extensions.Configuration;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Hosting;
using QaShopper.Twilio;

namespace QaShopper.Commands;

/// <summary><c>qashopper twilio check</c>: whether the Twilio settings can place calls.</summary>
internal static class TwilioCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("twilio", "The Twilio carrier");
        var campaign = new Option<string?>("--campaign") { Description = "A campaign file whose caller numbers must belong to the account" };
        var check = new Command("check", "Check the Twilio settings: credentials, account status, caller numbers, public URL; exit 0 when all are good, 2 otherwise")
        {
            campaign,
        };
        check.SetAction((parse, cancellationToken) => CheckAsync(AppHost.Settings(parse), parse.GetValue(campaign), console, cancellationToken));
        command.Subcommands.Add(check);
        return command;
    }

    internal static async Task<int> CheckAsync(IConfiguration settings, string? campaignFile, CliConsole console, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        var options = settings.GetSection(TwilioOptions.SectionName).Get<TwilioOptions>() ?? new TwilioOptions();
        IReadOnlyList<string> numbers = [];
        if (campaignFile is not null)
        {
            var scenarioIds = CampaignFiles.ScenarioIds(AppHost.ScenarioFolder(settings));
            numbers = CampaignFiles.LoadValid(campaignFile, scenarioIds).Campaign.Anonymity.CallerNumbers;
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var http = TwilioAccountCheck.CreateHttpClient(options, handler);
        var report = await TwilioAccountCheck.RunAsync(options, http, numbers).ConfigureAwait(false);
        foreach (var line in report.Lines)
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(report.Ok ? "twilio: ready to place calls" : "twilio: not ready (see above)").ConfigureAwait(false);
        return report.Ok ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
