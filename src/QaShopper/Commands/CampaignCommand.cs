using System.CommandLine;
using QaShopper.Cli;

namespace QaShopper.Commands;

/// <summary><c>qashopper campaign validate|plan|start|status</c>: inspection programmes of scheduled test calls.</summary>
internal static partial class CampaignCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("campaign", "Plan, schedule and follow campaigns of anonymous test calls (files under scenarios/campaigns/)");
        command.Subcommands.Add(CreateValidate(console));
        command.Subcommands.Add(CreatePlan(console));
        command.Subcommands.Add(CreateStart(console));
        command.Subcommands.Add(CreateStatus(console));
        command.Subcommands.Add(CreateCancel(console));
        return command;
    }

    private static Argument<string> CampaignFileArgument() => new("FILE") { Description = "Campaign file (YAML)" };
}
