using System.Globalization;
using QaShopper.Core.Results;

namespace QaShopper.Web.Calls;

/// <summary>One line per piece of evidence, as a reviewer reads it (the CLI score sheet's wording).</summary>
internal static class EvidenceText
{
    public static IReadOnlyList<string> Lines(Evidence evidence)
    {
        var lines = new List<string> { Describe(evidence) };
        foreach (var match in evidence.Matches ?? [])
        {
            lines.Add("· " + Describe(match));
            if (match.Closest is { Text: not null } near)
            {
                lines.Add("   closest: " + Describe(near));
            }
        }

        if (evidence.Heard is { Text: not null } heard)
        {
            lines.Add("heard instead: " + Describe(heard));
        }

        if (evidence.Closest is { Text: not null } closest && !(evidence.Reason?.Contains("closest:", StringComparison.Ordinal) ?? false))
        {
            lines.Add("closest: " + Describe(closest));
        }

        return [.. lines.Where(l => l.Length > 0 && l != "· ")];
    }

    private static string Describe(Evidence evidence)
    {
        var parts = new List<string>();
        if (evidence.Phrase is { } phrase && evidence.Text is null)
        {
            parts.Add($"phrase “{phrase}”");
        }

        if (evidence.Text is { } text)
        {
            var at = evidence.Start is { } start ? $" at {start.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
            var similarity = evidence.Similarity is { } s && s < 1 ? $" (similarity {s.ToString("0.00", CultureInfo.InvariantCulture)})" : "";
            var phraseNote = evidence.Phrase is { } p && !string.Equals(p, text, StringComparison.OrdinalIgnoreCase) ? $" for “{p}”" : "";
            parts.Add($"{evidence.Speaker?.ToString().ToLowerInvariant() ?? "?"}: “{text}”{phraseNote}{at}{similarity}");
        }

        if (evidence.AnsweredAfter is { } answered)
        {
            parts.Add($"answered after {answered.ToString("0.0", CultureInfo.InvariantCulture)} s");
        }

        if (evidence.LongestSilence is { } silence)
        {
            parts.Add($"longest silence {silence.ToString("0.0", CultureInfo.InvariantCulture)} s");
        }

        if (evidence.Confidence is { } confidence && confidence < 0.6)
        {
            parts.Add($"confidence {confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        if (evidence.Reason is { } reason)
        {
            parts.Add(reason);
        }

        return string.Join("; ", parts);
    }
}
