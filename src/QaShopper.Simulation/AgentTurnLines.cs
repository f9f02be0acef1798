namespace QaShopper.Simulation;

/// <summary>
/// What an agent says in one turn of a call, as rendered text: the hold (its line and the line on coming back) when the
/// hold falls on this turn, then the turn's lines chosen by the call's draw. The one place that decides the agent's
/// words, shared by the simulated carrier (<see cref="CallComposer"/>) and the Twilio emulator's simulated callee, so
/// both say the same thing for the same draw. Uses no randomness: the draw was made beforehand.
/// </summary>
/// <param name="Hold">The hold line and the back line, or null when the agent does not hold in this turn.</param>
/// <param name="Lines">The turn's lines in order; empty lines (an agent saying nothing there) are left out.</param>
internal sealed record AgentTurnLines((string Says, string Back)? Hold, IReadOnlyList<AgentLineText> Lines)
{
    /// <summary>The agent's words in <paramref name="turn"/> (1-based; turn 1 answers the call).</summary>
    public static AgentTurnLines For(ScenarioLines lines, CallDraw draw, IReadOnlyDictionary<string, string> values, int turn)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(values);
        (string, string)? hold = lines.Hold is { } h && h.Turn == turn
            ? (LineTemplate.Render(h.Says, values), LineTemplate.Render(h.Back, values))
            : null;

        var said = new List<AgentLineText>();
        var lineValues = draw.ForbiddenPhrase is null ? values : new Dictionary<string, string>(values) { ["forbidden"] = draw.ForbiddenPhrase };
        foreach (var line in turn >= 1 && turn <= lines.Turns.Count ? lines.Turns[turn - 1] : [])
        {
            var passes = line.Item is null || draw.ItemBehaviour.GetValueOrDefault(line.Item, true);
            var text = LineTemplate.Render(passes ? line.Says : line.Otherwise, lineValues);
            if (!string.IsNullOrWhiteSpace(text))
            {
                said.Add(new AgentLineText(text, line.Item, passes && line.Item is not null));
            }
        }

        return new AgentTurnLines(hold, said);
    }
}

/// <summary>One rendered agent line; <see cref="Passes"/> is true when it is the passing version of a checklist item's line.</summary>
internal sealed record AgentLineText(string Text, string? Item, bool Passes);
