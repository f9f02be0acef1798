using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Hosting;
using QaShopper.Rendering;

namespace QaShopper.Commands;

/// <summary><c>qashopper report [--agent ID] [--from DATE] [--to DATE] [--format table|csv|json]</c>.</summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliConsole console)
    {
        var agent = new Option<string?>("--agent") { Description = "Only this agent", HelpName = "ID" };
        var from = new Option<DateOnly?>("--from") { Description = "First day (UTC, of the time each call was planned for), inclusive", HelpName = "YYYY-MM-DD" };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (UTC, of the time each call was planned for), inclusive", HelpName = "YYYY-MM-DD" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table", HelpName = "table|csv|json" };
        format.AcceptOnlyFromAmong("table", "csv", "json");

        var command = new Command("report", "Per-agent report: calls, average score, grades, item pass rates, weakest items, last calls")
        {
            agent, from, to, format,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(from) is { } f && r.GetValue(to) is { } t && t < f)
            {
                r.AddError($"--to {t:yyyy-MM-dd} is before --from {f:yyyy-MM-dd}");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Agent ids are stored in lower case: --agent Sarah finds sarah.
            var query = new CallQuery(
                parse.GetValue(agent)?.Trim().ToLowerInvariant(),
                parse.GetValue(from) is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                parse.GetValue(to) is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
            using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            var store = host.Services.GetRequiredService<IResultStore>();
            var reports = await store.GetAgentReportsAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false);
            var wording = ActivatorUtilities.CreateInstance<QaShopper.Web.Reports.ItemTexts>(host.Services);
            Write(reports, parse.GetRequiredValue(format), console, wording.Of);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Write(IReadOnlyList<AgentReport> reports, string format, CliConsole console, Func<string, string?>? wording = null)
    {
        switch (format)
        {
            case "json":
                console.Out.WriteLine(JsonSerializer.Serialize(reports.Select(ToJson), JsonOptions));
                break;
            case "csv":
                WriteCsv(reports, console.Out);
                break;
            default:
                if (reports.Count == 0)
                {
                    console.Error.WriteLine("no scored calls match; score some with 'qashopper score --save' or run 'qashopper demo'");
                    return;
                }

                AgentReportRenderer.Render(console.Rich, reports, wording);
                break;
        }
    }

    private static object ToJson(AgentReport r) => new
    {
        agent = r.Agent,
        calls = r.Calls,
        averageScore = r.AverageScore,
        grades = r.GradeCounts.ToDictionary(kv => kv.Key.ToString().ToLowerInvariant(), kv => kv.Value),
        needsReview = r.NeedsReview,
        items = r.Items.Select(i => new { id = i.ItemId, passed = i.Passed, failed = i.Failed, uncertain = i.Uncertain, passRate = i.PassRate is { } p ? Math.Round(p, 3) : (double?)null, pointsLost = i.PointsLost, critical = i.Critical }),
        weakestItems = r.WeakestItems(3).Select(i => i.ItemId),
        lastCalls = r.LastCalls.Select(c => new { callId = c.CallId, plannedFor = c.PlannedFor, placedAt = c.PlacedAt, scenario = c.ScenarioId, status = c.Status, score = c.Score, grade = c.Grade, needsReview = c.NeedsReview }),
    };

    private static void WriteCsv(IReadOnlyList<AgentReport> reports, TextWriter output)
    {
        // RFC 4180 quoting for commas, quotes and line breaks; agent and item ids come from scenario files and
        // call records, so a text field starting with = + - @ (or tab/CR) gets a leading ' and is quoted, which
        // spreadsheets show as text instead of running it as a formula.
        var options = new CsvWriterOptions { Mode = CsvMode.Rfc4180, Injection = CsvInjection.Escape };
        using var csv = CsvWriter.Create(output, options, true);
        csv.WriteRecord(["agent", "calls", "average_score", "excellent", "good", "pass", "fail", "needs_review", "weakest_items"]);
        foreach (var r in reports)
        {
            csv.WriteRecord(
            [
                r.Agent,
                Num(r.Calls),
                r.AverageScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty,
                Num(r.GradeCounts[Grade.Excellent]),
                Num(r.GradeCounts[Grade.Good]),
                Num(r.GradeCounts[Grade.Pass]),
                Num(r.GradeCounts[Grade.Fail]),
                Num(r.NeedsReview),
                string.Join(' ', r.WeakestItems(3).Select(i => i.ItemId)),
            ]);
        }
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
