using System.Globalization;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using Spectre.Console;

namespace QaShopper.Rendering;

/// <summary>The human-readable score sheet of one call.</summary>
internal static class ScoreSheetRenderer
{
    public static void Render(IAnsiConsole console, Scenario scenario, CallScore score)
    {
        var texts = scenario.Checklist.ToDictionary(i => i.Id, i => i.Text, StringComparer.Ordinal);
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/]  ({Markup.Escape(scenario.Id)} @ {scenario.ShortHash})");
        console.MarkupLine(
            $"Agent: [bold]{Markup.Escape(score.Agent ?? "unidentified")}[/]   " +
            $"Score: [bold]{score.Score.ToString("0.0", CultureInfo.InvariantCulture)}[/]   " +
            $"Grade: {GradeMarkup(score.Grade)}" +
            (score.NeedsReview ? "   [yellow]needs review[/]" : string.Empty));

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Item");
        table.AddColumn(new TableColumn("Weight").RightAligned());
        table.AddColumn("Outcome");
        table.AddColumn("Evidence");
        foreach (var item in score.Items)
        {
            var label = texts.TryGetValue(item.Id, out var text) ? $"{item.Id}\n[dim]{Markup.Escape(text)}[/]" : item.Id;
            if (item.Critical)
            {
                label += " [red]*[/]";
            }

            table.AddRow(
                new Markup(label),
                new Text(item.Weight.ToString("0.##", CultureInfo.InvariantCulture)),
                new Markup(OutcomeMarkup(item.Outcome)),
                new Text(EvidenceText(item.Evidence)));
        }

        console.Write(table);
        if (score.Items.Any(i => i.Critical))
        {
            console.MarkupLine("[dim]* critical: failing it fails the call[/]");
        }
    }

    internal static string EvidenceText(Evidence evidence)
    {
        var parts = new List<string>();
        if (evidence.Text is { } text)
        {
            var at = evidence.Start is { } start ? $" at {start.ToString("0.0", CultureInfo.InvariantCulture)} s" : string.Empty;
            var similarity = evidence.Similarity is { } s && s < 1 ? $" (similarity {s.ToString("0.00", CultureInfo.InvariantCulture)})" : string.Empty;
            parts.Add($"{evidence.Speaker?.ToString().ToLowerInvariant() ?? "?"}: \"{text}\"{at}{similarity}");
        }

        if (evidence.AnsweredAfter is { } answered)
        {
            parts.Add($"answered after {answered.ToString("0.0", CultureInfo.InvariantCulture)} s");
        }

        if (evidence.LongestSilence is { } silence)
        {
            parts.Add($"longest silence {silence.ToString("0.0", CultureInfo.InvariantCulture)} s");
        }

        if (evidence.Reason is { } reason)
        {
            parts.Add(reason);
        }

        // A phrase that did not pass: what was said where it should have been, and the closest candidate.
        if (evidence.Heard is { Text: { } heard } where)
        {
            parts.Add($"heard instead: \"{heard}\" at {(where.Start ?? 0).ToString("0.0", CultureInfo.InvariantCulture)} s");
        }

        if (evidence.Closest is { Text: { } nearest } closest && !(evidence.Reason?.Contains("closest", StringComparison.Ordinal) ?? false))
        {
            var similarity = closest.Similarity is { } cs ? $", similarity {cs.ToString("0.00", CultureInfo.InvariantCulture)}" : "";
            parts.Add($"closest: \"{nearest}\" at {(closest.Start ?? 0).ToString("0.0", CultureInfo.InvariantCulture)} s{similarity}");
        }

        foreach (var match in evidence.Matches ?? [])
        {
            if (match.Text is null && match.Closest is { Text: { } missed } near)
            {
                parts.Add($"for \"{match.Phrase}\" the closest was \"{missed}\" at {(near.Start ?? 0).ToString("0.0", CultureInfo.InvariantCulture)} s");
            }
        }

        return string.Join("; ", parts);
    }

    internal static string GradeMarkup(Grade grade) => grade switch
    {
        Grade.Excellent => "[green bold]excellent[/]",
        Grade.Good => "[green]good[/]",
        Grade.Pass => "[yellow]pass[/]",
        _ => "[red bold]fail[/]",
    };

    private static string OutcomeMarkup(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Passed => "[green]passed[/]",
        ItemOutcome.Failed => "[red]failed[/]",
        ItemOutcome.Uncertain => "[yellow]uncertain[/]",
        _ => "[dim]not applicable[/]",
    };
}
