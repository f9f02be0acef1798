using System.Globalization;
using QaShopper.Core.Reports;
using QaShopper.Core.Scenarios;
using Spectre.Console;

namespace QaShopper.Rendering;

/// <summary>The per-agent report as terminal tables.</summary>
internal static class AgentReportRenderer
{
    /// <summary>Writes the summary table, and for one agent its items and last calls; <paramref name="wording"/> gives an item's text.</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<AgentReport> reports, Func<string, string?>? wording = null)
    {
        wording ??= _ => null;
        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Test calls per agent[/]");
        summary.AddColumn("Agent");
        summary.AddColumn(new TableColumn("Calls").RightAligned());
        summary.AddColumn(new TableColumn("Avg score").RightAligned());
        summary.AddColumn(new TableColumn("Excellent").RightAligned());
        summary.AddColumn(new TableColumn("Good").RightAligned());
        summary.AddColumn(new TableColumn("Pass").RightAligned());
        summary.AddColumn(new TableColumn("Fail").RightAligned());
        summary.AddColumn(new TableColumn("Review").RightAligned());
        summary.AddColumn("Weakest items (points lost, pass rate)");
        foreach (var r in reports)
        {
            summary.AddRow(
                Markup.Escape(r.Agent),
                Num(r.Calls),
                r.AverageScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                Num(r.GradeCounts[Grade.Excellent]),
                Num(r.GradeCounts[Grade.Good]),
                Num(r.GradeCounts[Grade.Pass]),
                r.GradeCounts[Grade.Fail] > 0 ? $"[red]{Num(r.GradeCounts[Grade.Fail])}[/]" : "0",
                r.NeedsReview > 0 ? $"[yellow]{Num(r.NeedsReview)}[/]" : "0",
                Markup.Escape(string.Join(", ", r.WeakestItems(3).Select(i => $"{i.ItemId}{(i.Critical ? " (critical)" : "")} -{i.PointsLost.ToString("0.#", CultureInfo.InvariantCulture)} {Percent(i.PassRate)}"))));
        }

        console.Write(summary);

        if (reports.Count != 1)
        {
            return;
        }

        // A single agent gets the full picture: every item and the recent calls.
        var report = reports[0];
        var items = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(report.Agent)}: checklist items[/]");
        items.AddColumn("Item");
        items.AddColumn("Wording");
        items.AddColumn(new TableColumn("Points lost").RightAligned());
        items.AddColumn(new TableColumn("Passed").RightAligned());
        items.AddColumn(new TableColumn("Failed").RightAligned());
        items.AddColumn(new TableColumn("Uncertain").RightAligned());
        items.AddColumn(new TableColumn("Pass rate").RightAligned());
        foreach (var i in report.Items)
        {
            items.AddRow(
                Markup.Escape(i.ItemId) + (i.Critical ? " [red](critical)[/]" : ""),
                Markup.Escape(wording(i.ItemId) ?? ""),
                i.PointsLost.ToString("0.#", CultureInfo.InvariantCulture),
                Num(i.Passed), Num(i.Failed), Num(i.Uncertain), Percent(i.PassRate));
        }

        console.Write(items);

        var calls = new Table().Border(TableBorder.Simple).Title("[bold]Last calls[/]");
        calls.AddColumn("Planned for (UTC)");
        calls.AddColumn("Placed (UTC)");
        calls.AddColumn("Scenario");
        calls.AddColumn("Status");
        calls.AddColumn(new TableColumn("Score").RightAligned());
        calls.AddColumn("Grade");
        foreach (var c in report.LastCalls)
        {
            calls.AddRow(
                c.ReportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                c.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(c.ScenarioId),
                c.Status.ToString(),
                c.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                c.Grade is { } g ? ScoreSheetRenderer.GradeMarkup(g) + (c.NeedsReview ? " [yellow](review)[/]" : string.Empty) : "-");
        }

        console.Write(calls);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "-";
}
