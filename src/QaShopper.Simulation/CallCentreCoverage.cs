using System.Globalization;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Simulation;

/// <summary>
/// Checks that the call-centre file can play a scenario truthfully: every checklist item judged on speech has a
/// line, each <c>says</c> contains the item's phrase, each <c>otherwise</c> does not, and no other line contains it by
/// accident (which would make the drawn truth wrong).
/// </summary>
internal static class CallCentreCoverage
{
    public static IReadOnlyList<string> Check(CallCentre centre, RenderedScenario scenario)
    {
        var id = scenario.Scenario.Id;
        var file = centre.SourcePath;
        if (!centre.Scenarios.TryGetValue(id, out var lines))
        {
            return [$"{file}: scenario '{id}' has no agent lines; add a block under 'scenarios'"];
        }

        var problems = new List<string>();
        var at = string.Create(CultureInfo.InvariantCulture, $"{file}:{lines.Position.Line}:{lines.Position.Column}: scenario '{id}'");
        var shape = ScriptShape.Of(scenario.Script);
        if (shape.Turns != lines.Turns.Count)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}: has {lines.Turns.Count} turns but the script has {shape.Turns} listen steps for the agent"));
        }

        var items = scenario.Checklist.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var all = lines.Turns.SelectMany(t => t).ToList();
        foreach (var line in all.Where(l => l.Item is not null && !items.ContainsKey(l.Item)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{file}:{line.Position.Line}:{line.Position.Column}: scenario '{id}' has no checklist item '{line.Item}'"));
        }

        foreach (var item in scenario.Checklist.Where(NeedsLine))
        {
            if (!all.Any(l => l.Item == item.Id))
            {
                problems.Add($"{at}: checklist item '{item.Id}' has no behaviour mapping: add a line with item: {item.Id}");
            }
        }

        // Render with each agent: names and staff numbers go into the lines.
        foreach (var agent in centre.Agents)
        {
            var values = LineTemplate.Values(scenario, lines, agent, centre.Sites.FirstOrDefault(s => s.Id == agent.Site));
            var texts = new List<(string Text, string? OwnItem, bool IsSays, AgentLine? Line)>();
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var line in all)
            {
                var forbidden = line.Item is not null && items.TryGetValue(line.Item, out var owner) && owner.Check is NoPhraseCheck none
                    ? (none.Phrases.Count > 0 ? none.Phrases[0] : string.Empty)
                    : null;
                var lineValues = forbidden is null ? values : new Dictionary<string, string>(values) { ["forbidden"] = forbidden };
                texts.Add((LineTemplate.Render(line.Says, lineValues, unknown), line.Item, true, line));
                texts.Add((LineTemplate.Render(line.Otherwise, lineValues, unknown), line.Item, false, line));
            }

            if (lines.Hold is { } hold)
            {
                texts.Add((LineTemplate.Render(hold.Says, values, unknown), null, true, null));
                texts.Add((LineTemplate.Render(hold.Back, values, unknown), null, true, null));
            }

            if (unknown.Count > 0)
            {
                problems.Add($"{at}: unknown placeholders {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}");
            }

            foreach (var item in scenario.Checklist.Where(NeedsLine))
            {
                foreach (var (text, ownItem, isSays, line) in texts)
                {
                    var where = line is null ? at : string.Create(CultureInfo.InvariantCulture, $"{file}:{line.Position.Line}:{line.Position.Column}: scenario '{id}'");
                    var own = ownItem == item.Id;
                    var touches = PhraseText.Touches(text, item.Check);
                    if (item.Check is NoPhraseCheck)
                    {
                        if (touches && !(own && !isSays))
                        {
                            problems.Add($"{where}: '{text}' contains a forbidden phrase of item '{item.Id}'");
                        }
                        else if (own && !isSays && !touches)
                        {
                            problems.Add($"{where}: the 'otherwise' of item '{item.Id}' must use {{{{forbidden}}}}");
                        }
                    }
                    else if (own && isSays && !PhraseText.Satisfies(text, item.Check))
                    {
                        problems.Add($"{where}: '{text}' (says, agent {agent.Id}) does not contain what item '{item.Id}' looks for");
                    }
                    else if (!(own && isSays) && touches)
                    {
                        problems.Add($"{where}: '{text}' contains what item '{item.Id}' looks for, but is not its 'says'");
                    }
                }
            }
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Items decided by what the agent says; answer time and silence follow from the drawn timing instead.</summary>
    public static bool NeedsLine(ChecklistItem item) =>
        item.Speaker != Speaker.Caller && item.Check is AnyPhraseCheck or AllPhrasesCheck or NoPhraseCheck or RegexCheck;
}
