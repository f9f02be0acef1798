using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Evaluation;
using QaShopper.Hosting;
using QaShopper.Simulation;
using Spectre.Console;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper eval [--calls N] [--seed S]</c>: simulated calls scored through the full audio path (synthesis, phone
/// line, recording, transcription, scoring) and compared with the ground truth the simulator drew. Exit 0 when the
/// targets are met (item agreement ≥ 95%, ≥ 90% of calls within 5 points), 1 otherwise.
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var batch = new CallBatchOptions(defaultCalls: 40, defaultSeed: 7, "Seed: the same seed evaluates the same calls");
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var command = new Command("eval", "Measure scoring accuracy against the simulator's ground truth") { json };
        batch.AddTo(command);
        var seed = batch.Seed;
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Evaluation keeps its calls apart from the user's results: its own database and recordings.
            // Fresh every time: the pipeline is idempotent per call id, so a kept workspace would replay old scores.
            var workspace = Path.Combine(Path.GetTempPath(), "qashopper-eval", parse.GetRequiredValue(seed).ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(workspace))
            {
                Directory.Delete(workspace, recursive: true);
            }

            using var host = await AppHost.StartAsync(parse, HostFeatures.Calls, cancellationToken, b =>
            {
                if (parse.GetValue(GlobalOptions.Database) is null)
                {
                    b.Configuration.AddInMemoryCollection([new("Store:Path", Path.Combine(workspace, "eval.db"))]);
                }

                b.Configuration.AddInMemoryCollection([new("Recordings:Directory", Path.Combine(workspace, "recordings"))]);
            }).ConfigureAwait(false);
            var report = await RunAsync(parse.GetRequiredValue(batch.Calls), parse.GetRequiredValue(batch.Seed), parse.GetRequiredValue(batch.Concurrency), host.Services, console, cancellationToken).ConfigureAwait(false);
            Write(report, parse.GetValue(json), console);
            return report.MeetsTargets ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    internal static async Task<EvaluationReport> RunAsync(int calls, int seed, int concurrency, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var setup = await OfflineCallSetup.LoadAsync(services, console, cancellationToken).ConfigureAwait(false);

        var plan = SimulatedCallPlan.Create([.. setup.Scenarios.Select(s => s.Scenario)], setup.Lines, calls, seed, setup.CallCentre.Seeds, "eval");
        var outcomes = await CallBatchRunner.RunAsync(plan, services.GetRequiredService<CallRunner>(), concurrency, console, cancellationToken).ConfigureAwait(false);
        var scenarios = setup.Scenarios.ToDictionary(s => s.Scenario.Id, s => s.Scenario, StringComparer.Ordinal);
        return Evaluator.Evaluate(outcomes
            .Where(o => o is { Score: not null, Truth: not null })
            .Select(o => new EvaluatedCall(scenarios[o.Call.ScenarioId], o.Truth!, o.Score!)));
    }

    private static void Write(EvaluationReport report, bool json, CliConsole console)
    {
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                calls = report.Calls,
                items = report.Items,
                itemAgreement = Math.Round(report.ItemAgreement, 4),
                uncertainItems = report.Uncertain,
                meanAbsoluteScoreError = report.MeanAbsoluteScoreError,
                callsWithin5Points = Math.Round(report.ShareWithin5Points, 4),
                gradeAgreement = Math.Round(report.GradeAgreement, 4),
                agentAttributionRate = Math.Round(report.AgentAttributionRate, 4),
                agentsIntroduced = report.AgentsIntroduced,
                meetsTargets = report.MeetsTargets,
                perItem = report.PerItem.Select(i => new { scenario = i.ScenarioId, item = i.ItemId, compared = i.Compared, falsePasses = i.FalsePasses, falseFails = i.FalseFails, uncertain = i.Uncertain }),
            }, IndentedJson));
            return;
        }

        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Scoring through the full audio path vs ground truth[/]");
        summary.AddColumn("Measure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddColumn("Target");
        summary.AddRow("answered calls compared", N(report.Calls), "");
        summary.AddRow("checklist items compared", N(report.Items), "");
        summary.AddRow("item agreement", Mark(report.ItemAgreement, EvaluationReport.ItemAgreementTarget), "≥ 95%");
        summary.AddRow("items left uncertain (count as disagreements)", N(report.Uncertain), "");
        summary.AddRow("mean absolute score error", report.MeanAbsoluteScoreError.ToString("0.00", CultureInfo.InvariantCulture) + " points", "");
        summary.AddRow("calls within 5 points", Mark(report.ShareWithin5Points, EvaluationReport.Within5PointsTarget), "≥ 90%");
        summary.AddRow("grade agreement", P(report.GradeAgreement), "");
        summary.AddRow($"agent attribution (of {N(report.AgentsIntroduced)} calls where the agent gave a name)", P(report.AgentAttributionRate), "");
        console.Rich.Write(summary);

        var items = new Table().Border(TableBorder.Simple).Title("[bold]Per item (worst first)[/]");
        foreach (var column in new[] { "Scenario", "Item", "Compared", "False passes", "False fails", "Uncertain", "Agreement" })
        {
            items.AddColumn(column);
        }

        foreach (var i in report.PerItem.Where(i => i.Agreement < 1).Take(15))
        {
            items.AddRow(Markup.Escape(i.ScenarioId), Markup.Escape(i.ItemId), N(i.Compared), N(i.FalsePasses), N(i.FalseFails), N(i.Uncertain), P(i.Agreement));
        }

        if (items.Rows.Count > 0)
        {
            console.Rich.Write(items);
        }

        console.Rich.MarkupLine(report.MeetsTargets ? "[green]targets met[/]" : "[red]targets not met[/]");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string P(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Mark(double rate, double target) => rate >= target ? $"[green]{P(rate)}[/]" : $"[red]{P(rate)}[/]";
}
