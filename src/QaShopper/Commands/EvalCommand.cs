using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Evaluation;
using QaShopper.Core.Results;
using QaShopper.Core.Scoring;
using QaShopper.Hosting;
using QaShopper.Simulation;
using Spectre.Console;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper eval [--set tuning|held-out|both] [--calls N] [--seed S]</c>: simulated calls scored through the full
/// audio path (synthesis, phone line, recording, transcription, scoring) and compared with the ground truth the
/// simulator drew. The tuning set is the configured scenarios and simulated call centre (<c>scenarios/</c>); the
/// held-out set (<c>eval/held-out/</c>, <c>--held-out DIR</c>) has its own scenarios and call centre, which nothing in
/// the pipeline is tuned on. Exit 0 when the targets are met (item agreement ≥ 95%, ≥ 90% of calls within 5 points)
/// on every set run, 1 otherwise.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The held-out set's folder when <c>--held-out</c> is not given, relative to the working directory like <c>scenarios</c>.</summary>
    public const string DefaultHeldOutFolder = "eval/held-out";

    /// <summary>The held-out set's call-centre description, inside its folder.</summary>
    public const string HeldOutCallCentreFile = "call-centre.yaml";

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var batch = new CallBatchOptions(defaultCalls: 40, defaultSeed: 7, "Seed: the same seed evaluates the same calls");
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var set = new Option<string>("--set")
        {
            Description = "Which evaluation set: tuning (the configured scenarios and call centre), held-out (never tuned on), or both side by side",
            DefaultValueFactory = _ => Tuning,
            HelpName = "tuning|held-out|both",
        };
        set.AcceptOnlyFromAmong(Tuning, HeldOut, Both);
        var heldOut = new Option<string>("--held-out")
        {
            Description = $"Folder of the held-out set: its scenarios and {HeldOutCallCentreFile} (default {DefaultHeldOutFolder})",
            DefaultValueFactory = _ => DefaultHeldOutFolder,
            HelpName = "DIR",
        };
        var rescore = new Option<bool>("--rescore")
        {
            Description = "Score again the calls the last eval of the same set and seed kept (nothing is placed or transcribed again): for comparing the scorer's rules and settings on the same transcripts",
        };
        var details = new Option<bool>("--details") { Description = "Also list every item where the scorer and the truth differ, with what the scorer's outcome rested on" };
        var tradeOff = new Option<bool>("--trade-off")
        {
            Description = "Score the kept calls again as each decision threshold moves (implies --rescore): false fails, false passes and review rate side by side",
        };
        var command = new Command("eval", "Measure scoring accuracy against the simulator's ground truth, on the tuning set, the held-out set or both") { json, set, heldOut, rescore, details, tradeOff };
        batch.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var which = parse.GetRequiredValue(set);
            var heldOutFolder = parse.GetRequiredValue(heldOut);
            if (which != Tuning && parse.GetValue(GlobalOptions.Scenarios) is not null)
            {
                throw new CliException("--scenarios chooses the tuning set's scenarios; the held-out set has its own folder (--held-out DIR)");
            }

            if (which != Tuning && !File.Exists(Path.Combine(heldOutFolder, HeldOutCallCentreFile)))
            {
                throw new CliException($"--held-out: '{heldOutFolder}' has no {HeldOutCallCentreFile}; it must be the held-out set's folder (default {DefaultHeldOutFolder})");
            }

            var calls = parse.GetRequiredValue(batch.Calls);
            var seed = parse.GetRequiredValue(batch.Seed);
            var concurrency = parse.GetRequiredValue(batch.Concurrency);
            if (parse.GetValue(tradeOff))
            {
                var sweeps = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var name in which == Both ? [Tuning, HeldOut] : new[] { which })
                {
                    var (kept, configured) = await LoadKeptAsync(parse, name, heldOutFolder, seed, console, cancellationToken).ConfigureAwait(false);
                    var rows = EvalTradeOff.Sweep(kept, configured);
                    if (parse.GetValue(json))
                    {
                        sweeps[name] = EvalTradeOff.Json(rows);
                    }
                    else
                    {
                        EvalTradeOff.Write(name, seed, rows, console);
                    }
                }

                if (parse.GetValue(json))
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(sweeps, IndentedJson));
                }

                return ExitCodes.Ok;
            }

            var reports = new List<(string Set, EvaluationReport Report)>();
            foreach (var name in which == Both ? [Tuning, HeldOut] : new[] { which })
            {
                if (which == Both && !parse.GetValue(json))
                {
                    console.Rich.MarkupLine($"[bold]{name} set[/]");
                }

                var report = parse.GetValue(rescore)
                    ? await RescoreSetAsync(parse, name, heldOutFolder, seed, console, cancellationToken).ConfigureAwait(false)
                    : await RunSetAsync(parse, name, heldOutFolder, calls, seed, concurrency, console, cancellationToken).ConfigureAwait(false);
                reports.Add((name, report));
            }

            Write(reports, parse.GetValue(json), parse.GetValue(details), console);
            return reports.All(r => r.Report.MeetsTargets) ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    private const string Tuning = "tuning";

    private const string HeldOut = "held-out";

    private const string Both = "both";

    private static async Task<EvaluationReport> RunSetAsync(ParseResult parse, string set, string heldOutFolder, int calls, int seed, int concurrency, CliConsole console, CancellationToken cancellationToken)
    {
        // Evaluation keeps its calls apart from the user's results: its own database and recordings, per set and seed.
        // Fresh every time: the pipeline is idempotent per call id, so a kept workspace would replay old scores.
        var workspace = Workspace(set, seed);
        if (Directory.Exists(workspace))
        {
            Directory.Delete(workspace, recursive: true);
        }

        using var host = await StartHostAsync(parse, set, heldOutFolder, workspace, cancellationToken).ConfigureAwait(false);
        return await RunAsync(calls, seed, concurrency, host.Services, console, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The calls the last run of this set and seed kept, scored again by today's scorer (<c>--rescore</c>).</summary>
    private static async Task<EvaluationReport> RescoreSetAsync(ParseResult parse, string set, string heldOutFolder, int seed, CliConsole console, CancellationToken cancellationToken)
    {
        var (kept, options) = await LoadKeptAsync(parse, set, heldOutFolder, seed, console, cancellationToken).ConfigureAwait(false);
        return kept.Evaluate(options);
    }

    /// <summary>The kept calls of a set and seed, and the scorer's configured settings.</summary>
    private static async Task<(EvalRescore Kept, ScoringOptions Options)> LoadKeptAsync(ParseResult parse, string set, string heldOutFolder, int seed, CliConsole console, CancellationToken cancellationToken)
    {
        var workspace = Workspace(set, seed);
        if (!File.Exists(Path.Combine(workspace, DatabaseFile)))
        {
            throw new CliException($"--rescore: no calls kept for the {set} set and seed {seed} (looked in {workspace}); run the same eval without --rescore first");
        }

        using var host = await StartHostAsync(parse, set, heldOutFolder, workspace, cancellationToken).ConfigureAwait(false);
        var setup = await OfflineCallSetup.LoadAsync(host.Services, console, cancellationToken).ConfigureAwait(false);
        var kept = await EvalRescore.LoadAsync(host.Services, [.. setup.Scenarios.Select(s => s.Scenario)], setup.CallCentre.VoiceOf, workspace, cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"{set} set: {kept.Count} kept calls of seed {seed} scored again").ConfigureAwait(false);
        return (kept, host.Services.GetRequiredService<IOptions<ScoringOptions>>().Value);
    }

    /// <summary>Where the calls of one set and seed are kept: their own database and recordings, apart from the user's results.</summary>
    private static string Workspace(string set, int seed) =>
        Path.Combine(Path.GetTempPath(), "qashopper-eval", set + "-" + seed.ToString(CultureInfo.InvariantCulture));

    private const string DatabaseFile = "eval.db";

    private static Task<IHost> StartHostAsync(ParseResult parse, string set, string heldOutFolder, string workspace, CancellationToken cancellationToken) =>
        AppHost.StartAsync(parse, HostFeatures.Calls, cancellationToken, b =>
        {
            if (parse.GetValue(GlobalOptions.Database) is null)
            {
                b.Configuration.AddInMemoryCollection([new("Store:Path", Path.Combine(workspace, DatabaseFile))]);
            }

            b.Configuration.AddInMemoryCollection([new("Recordings:Directory", Path.Combine(workspace, "recordings"))]);
            if (set == HeldOut)
            {
                // The same composition, CallRunner and pipeline as the tuning set: only the scenarios and the call centre differ.
                b.Configuration.AddInMemoryCollection(
                [
                    new("Scenarios:Directory", heldOutFolder),
                    new("Simulation:CallCentreFile", Path.Combine(heldOutFolder, HeldOutCallCentreFile)),
                ]);
            }
        });

    internal static async Task<EvaluationReport> RunAsync(int calls, int seed, int concurrency, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var setup = await OfflineCallSetup.LoadAsync(services, console, cancellationToken).ConfigureAwait(false);

        var plan = SimulatedCallPlan.Create([.. setup.Scenarios.Select(s => s.Scenario)], setup.Lines, calls, seed, setup.CallCentre.Seeds, "eval");
        var outcomes = await CallBatchRunner.RunAsync(plan, services.GetRequiredService<CallRunner>(), concurrency, console, cancellationToken).ConfigureAwait(false);
        var scenarios = setup.Scenarios.ToDictionary(s => s.Scenario.Id, s => s.Scenario, StringComparer.Ordinal);
        return Evaluator.Evaluate(outcomes
            .Where(o => o is { Score: not null, Truth: not null })
            .Select(o => new EvaluatedCall(scenarios[o.Call.ScenarioId], o.Truth!, o.Score!, o.Truth!.AgentId is { } agent ? setup.CallCentre.VoiceOf(agent) : null)));
    }

    private static void Write(List<(string Set, EvaluationReport Report)> reports, bool json, bool details, CliConsole console)
    {
        if (json)
        {
            // One set: its figures, as before, with the set named. Both: an object per set.
            object body = reports.Count == 1
                ? Figures(reports[0].Set, reports[0].Report, details)
                : reports.ToDictionary(r => r.Set, r => Figures(r.Set, r.Report, details), StringComparer.Ordinal);
            console.Out.WriteLine(JsonSerializer.Serialize(body, IndentedJson));
            return;
        }

        foreach (var (set, report) in reports)
        {
            Write(set, report, console);
            if (details)
            {
                WriteDisagreements(set, report, console);
            }
        }

        if (reports.Count > 1)
        {
            var side = new Table().Border(TableBorder.Rounded).Title("[bold]Tuning set vs held-out set (the held-out set is never tuned on)[/]");
            side.AddColumn("Measure");
            foreach (var (set, _) in reports)
            {
                side.AddColumn(new TableColumn(set).RightAligned());
            }

            side.AddColumn("Target");
            Row(side, reports, "answered calls compared", r => N(r.Calls), "");
            Row(side, reports, "checklist items compared", r => N(r.Items), "");
            Row(side, reports, "item agreement", r => Mark(r.ItemAgreement, EvaluationReport.ItemAgreementTarget), "≥ 95%");
            Row(side, reports, "false passes per 100 items", r => F(r.FalsePassesPer100Items), "");
            Row(side, reports, "false fails per 100 items", r => F(r.FalseFailsPer100Items), "");
            Row(side, reports, "items left uncertain", r => N(r.Uncertain), "");
            Row(side, reports, "item agreement over decided items", r => Mark(r.ConfidentItemAgreement, EvaluationReport.ConfidentItemAgreementTarget), "≥ 97%");
            Row(side, reports, "critical items failed wrongly", r => N(r.CriticalFalseFails), "0");
            Row(side, reports, "calls flagged for review", r => P(r.ReviewRate), "≤ 15%");
            Row(side, reports, "  of them: an item uncertain / only the agent unsure", r => $"{N(r.CallsReviewedForUncertainItems)} / {N(r.CallsReviewedOnlyForTheAgent)}", "");
            Row(side, reports, "mean absolute score error", r => F(r.MeanAbsoluteScoreError) + " points", "");
            Row(side, reports, "calls within 5 points", r => Mark(r.ShareWithin5Points, EvaluationReport.Within5PointsTarget), "≥ 90%");
            Row(side, reports, "calls within 5 points, decided items", r => Mark(r.ShareWithin5ConfidentPoints, EvaluationReport.Within5ConfidentPointsTarget), "≥ 95%");
            Row(side, reports, "grade agreement", r => P(r.GradeAgreement), "");
            Row(side, reports, "agent attribution", r => $"{P(r.AgentAttributionRate)} of {N(r.AgentsIntroduced)}", "≥ 95%");
            Row(side, reports, "wrong agent named (with confidence)", r => $"{N(r.AgentsNamedWrongly)} ({N(r.AgentsNamedWronglyWithConfidence)})", "(0)");
            console.Rich.Write(side);
        }
    }

    private static void Row(Table table, List<(string Set, EvaluationReport Report)> reports, string measure, Func<EvaluationReport, string> value, string target) =>
        table.AddRow([measure, .. reports.Select(r => value(r.Report)), target]);

    private static object Figures(string set, EvaluationReport report, bool details) => new
    {
        set,
        calls = report.Calls,
        items = report.Items,
        itemAgreement = Math.Round(report.ItemAgreement, 4),
        uncertainItems = report.Uncertain,
        falsePasses = report.FalsePasses,
        falseFails = report.FalseFails,
        falsePassesPer100Items = Math.Round(report.FalsePassesPer100Items, 2),
        falseFailsPer100Items = Math.Round(report.FalseFailsPer100Items, 2),
        meanAbsoluteScoreError = report.MeanAbsoluteScoreError,
        callsWithin5Points = Math.Round(report.ShareWithin5Points, 4),
        gradeAgreement = Math.Round(report.GradeAgreement, 4),
        agentAttributionRate = Math.Round(report.AgentAttributionRate, 4),
        agentsIntroduced = report.AgentsIntroduced,
        confidentItems = report.ConfidentItems,
        confidentItemAgreement = Math.Round(report.ConfidentItemAgreement, 4),
        callsWithin5ConfidentPoints = Math.Round(report.ShareWithin5ConfidentPoints, 4),
        callsNeedingReview = report.CallsNeedingReview,
        reviewRate = Math.Round(report.ReviewRate, 4),
        callsReviewedForUncertainItems = report.CallsReviewedForUncertainItems,
        callsReviewedOnlyForTheAgent = report.CallsReviewedOnlyForTheAgent,
        criticalFalseFails = report.CriticalFalseFails,
        falseFailsPerCall = Math.Round(report.FalseFailsPerCall, 3),
        falsePassesPerCall = Math.Round(report.FalsePassesPerCall, 3),
        agentsNamedWrongly = report.AgentsNamedWrongly,
        agentsNamedWronglyWithConfidence = report.AgentsNamedWronglyWithConfidence,
        meetsTargets = report.MeetsTargets,
        byVoice = report.ByVoice.Select(v => new
        {
            voice = v.Voice,
            calls = v.Report.Calls,
            reviewRate = Math.Round(v.Report.ReviewRate, 4),
            confidentItemAgreement = Math.Round(v.Report.ConfidentItemAgreement, 4),
            falseFailsPer100Items = Math.Round(v.Report.FalseFailsPer100Items, 2),
            falsePassesPer100Items = Math.Round(v.Report.FalsePassesPer100Items, 2),
            uncertainItems = v.Report.Uncertain,
            agentsIntroduced = v.Report.AgentsIntroduced,
            agentAttributionRate = Math.Round(v.Report.AgentAttributionRate, 4),
        }),
        perItem = report.PerItem.Select(i => new { scenario = i.ScenarioId, item = i.ItemId, compared = i.Compared, falsePasses = i.FalsePasses, falseFails = i.FalseFails, uncertain = i.Uncertain }),
        disagreements = details
            ? report.Disagreements.Select(d => new { call = d.CallId, scenario = d.ScenarioId, item = d.ItemId, critical = d.Critical, truth = CallScoreJson.OutcomeName(d.Truth), scored = CallScoreJson.OutcomeName(d.Scored), reason = d.Reason, heard = d.Heard })
            : null,
    };

    private static void WriteDisagreements(string set, EvaluationReport report, CliConsole console)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"[bold]{set} set: every item where the scorer and the truth differ[/]");
        foreach (var column in new[] { "Call", "Item", "Truth", "Scored", "Why", "Heard there" })
        {
            table.AddColumn(column);
        }

        foreach (var d in report.Disagreements)
        {
            table.AddRow(
                Markup.Escape(d.CallId),
                Markup.Escape(d.ScenarioId + "/" + d.ItemId + (d.Critical ? " (critical)" : "")),
                CallScoreJson.OutcomeName(d.Truth),
                CallScoreJson.OutcomeName(d.Scored),
                Markup.Escape(d.Reason ?? ""),
                Markup.Escape(d.Heard ?? ""));
        }

        console.Rich.Write(table);
    }

    private static void Write(string set, EvaluationReport report, CliConsole console)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title($"[bold]{set} set: scoring through the full audio path vs ground truth[/]");
        summary.AddColumn("Measure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddColumn("Target");
        summary.AddRow("answered calls compared", N(report.Calls), "");
        summary.AddRow("checklist items compared", N(report.Items), "");
        summary.AddRow("item agreement", Mark(report.ItemAgreement, EvaluationReport.ItemAgreementTarget), "≥ 95%");
        summary.AddRow("items left uncertain (count as disagreements)", N(report.Uncertain), "");
        summary.AddRow("false passes / false fails per 100 items", $"{F(report.FalsePassesPer100Items)} / {F(report.FalseFailsPer100Items)}", "");
        summary.AddRow("mean absolute score error", report.MeanAbsoluteScoreError.ToString("0.00", CultureInfo.InvariantCulture) + " points", "");
        summary.AddRow("calls within 5 points", Mark(report.ShareWithin5Points, EvaluationReport.Within5PointsTarget), "≥ 90%");
        summary.AddRow("item agreement over decided items (uncertain left out)", Mark(report.ConfidentItemAgreement, EvaluationReport.ConfidentItemAgreementTarget), "≥ 97%");
        summary.AddRow("calls within 5 points over decided items", Mark(report.ShareWithin5ConfidentPoints, EvaluationReport.Within5ConfidentPointsTarget), "≥ 95%");
        summary.AddRow("calls flagged for review", $"{P(report.ReviewRate)} ({N(report.CallsNeedingReview)})", "≤ 15%");
        summary.AddRow("  of them: an item uncertain / only the agent unsure", $"{N(report.CallsReviewedForUncertainItems)} / {N(report.CallsReviewedOnlyForTheAgent)}", "");
        summary.AddRow("critical items failed that truly passed", N(report.CriticalFalseFails), "0");
        summary.AddRow("false passes / false fails per call", $"{report.FalsePassesPerCall.ToString("0.000", CultureInfo.InvariantCulture)} / {report.FalseFailsPerCall.ToString("0.000", CultureInfo.InvariantCulture)}", "");
        summary.AddRow("calls naming the wrong agent (of them with confidence)", $"{N(report.AgentsNamedWrongly)} ({N(report.AgentsNamedWronglyWithConfidence)})", "(0)");
        summary.AddRow("grade agreement", P(report.GradeAgreement), "");
        summary.AddRow($"agent attribution (of {N(report.AgentsIntroduced)} calls where the agent gave a name)", P(report.AgentAttributionRate), "");
        console.Rich.Write(summary);

        var items = new Table().Border(TableBorder.Simple).Title($"[bold]{set} set, per item (worst first)[/]");
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

        WriteByVoice(set, report, console);

        console.Rich.MarkupLine(report.MeetsTargets ? $"[green]{set} set: targets met[/]" : $"[red]{set} set: targets not met[/]");
    }

    /// <summary>Where the review and the misses come from: the figures per voice the agents spoke in.</summary>
    private static void WriteByVoice(string set, EvaluationReport report, CliConsole console)
    {
        if (report.ByVoice.Count < 2)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).Title($"[bold]{set} set, by the agent's voice[/]");
        foreach (var column in new[] { "Voice", "Calls", "To review", "Decided agreement", "False fails / 100", "False passes / 100", "Uncertain items", "Agent named" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var (voice, r) in report.ByVoice)
        {
            table.AddRow(
                Markup.Escape(voice),
                N(r.Calls),
                P(r.ReviewRate),
                P(r.ConfidentItemAgreement),
                F(r.FalseFailsPer100Items),
                F(r.FalsePassesPer100Items),
                N(r.Uncertain),
                r.AgentsIntroduced == 0 ? "" : $"{P(r.AgentAttributionRate)} of {N(r.AgentsIntroduced)}");
        }

        console.Rich.Write(table);
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string P(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Mark(double rate, double target) => rate >= target ? $"[green]{P(rate)}[/]" : $"[red]{P(rate)}[/]";
}
