using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using QaShopper.Campaigns;
using QaShopper.Cli;
using QaShopper.Hosting;
using QaShopper.Core.Campaigns;
using QaShopper.Rendering;

namespace QaShopper.Commands;

internal static partial class CampaignCommand
{
    private static readonly JsonSerializerOptions PlanJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static Command CreatePlan(CliConsole console)
    {
        var file = CampaignFileArgument();
        var from = new Option<DateOnly?>("--from") { Description = "First local date to plan (default: the campaign's first date)", HelpName = "YYYY-MM-DD" };
        var to = new Option<DateOnly?>("--to") { Description = "Last local date to plan, inclusive (default: the campaign's last date)", HelpName = "YYYY-MM-DD" };
        var seed = SeedOption();
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON (problems and calls) instead of tables" };
        var noCalls = new Option<bool>("--no-calls") { Description = "Only the day × period tables, not the list of calls" };
        var csv = new Option<bool>("--csv") { Description = "Print the calls as CSV, one row per call" };
        var command = new Command("plan", "Show the calls a campaign would place: a day × period table per site and the list of calls; exit 1 when the campaign cannot be met")
        {
            file, from, to, seed, json, noCalls, csv,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(csv))
            {
                r.AddError("--json and --csv cannot be used together");
            }
        });
        command.SetAction(parse =>
        {
            var (campaign, _) = CampaignFiles.LoadValid(parse.GetRequiredValue(file), CampaignFiles.ScenarioIds(AppHost.ScenarioFolder(AppHost.Settings(parse))));
            var plan = CampaignFiles.Plan(campaign, parse.GetValue(from), parse.GetValue(to), parse.GetValue(seed) ?? CampaignFiles.DefaultSeed(campaign), notBefore: null);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new { plan.Campaign.Id, plan.From, plan.To, Problems = plan.Problems.Select(p => p.ToString()), plan.Calls }, PlanJson));
            }
            else if (parse.GetValue(csv))
            {
                CsvTable.Write(
                    console.Out,
                    ["call_id", "site", "local_date", "period", "at_utc", "line", "scenario", "caller_number", "caller_voice"],
                    plan.Calls.Select(c => (IReadOnlyList<string>)
                    [
                        c.CallId, c.SiteId, c.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Period,
                        c.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), c.Line, c.ScenarioId,
                        c.CallerNumber, c.CallerVoice ?? "",
                    ]));
            }
            else
            {
                CampaignPlanRenderer.Write(plan, console.Rich, listCalls: !parse.GetValue(noCalls));
            }

            WriteProblems(plan, console);
            return plan.IsFeasible ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    private static Option<int?> SeedOption() => new("--seed")
    {
        Description = "Seed for times, caller ids, voices and scenario picks (default: derived from the file, so plan and start agree)",
        HelpName = "N",
    };

    private static void WriteProblems(CampaignPlan plan, CliConsole console)
    {
        foreach (var problem in plan.Problems)
        {
            console.Error.WriteLine($"cannot be met: {problem}");
        }
    }
}
