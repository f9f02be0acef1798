using System.CommandLine;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Hosting;

namespace QaShopper.Commands;

internal static partial class CampaignCommand
{
    private static Command CreateValidate(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Campaign files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check campaign files and that their quotas fit their periods; exit 0 when all are valid, 1 when any has problems, 2 when input cannot be read")
        {
            files,
        };
        command.SetAction(parse => Validate(parse.GetRequiredValue(files), AppHost.ScenarioFolder(AppHost.Settings(parse)), console));
        return command;
    }

    internal static int Validate(IReadOnlyList<string> files, string scenarioDirectory, CliConsole console)
    {
        var scenarioIds = CampaignFiles.ScenarioIds(scenarioDirectory);
        var problems = 0;
        var unreadable = false;
        foreach (var file in files)
        {
            // One file that cannot be read is reported and the others are still checked.
            CampaignLoadResult result;
            try
            {
                (result, _) = CampaignFiles.Load(file, scenarioIds);
            }
            catch (CliException ex)
            {
                console.Error.WriteLine($"qashopper: {ex.Message}");
                unreadable = true;
                continue;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                console.Out.WriteLine(diagnostic.ToString());
            }

            problems += result.Diagnostics.Count;
            if (!result.IsValid)
            {
                continue;
            }

            // A file can be well formed and still ask for more calls than its periods hold: plan it to find out.
            var campaign = result.Campaign!;
            var plan = CampaignFiles.Plan(campaign, from: null, to: null, CampaignFiles.DefaultSeed(campaign), notBefore: null);
            foreach (var problem in plan.Problems)
            {
                console.Out.WriteLine($"{file}: cannot be planned: {problem}");
            }

            problems += plan.Problems.Count;
            if (plan.IsFeasible)
            {
                console.Error.WriteLine($"{file}: valid; plans {plan.Calls.Count} calls from {campaign.From:yyyy-MM-dd} to {campaign.To:yyyy-MM-dd}");
            }
        }

        if (problems > 0)
        {
            console.Error.WriteLine($"{problems} problem(s)");
        }

        return unreadable ? ExitCodes.BadInput : problems == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }
}
