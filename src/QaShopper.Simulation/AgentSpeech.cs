namespace QaShopper.Simulation;

/// <summary>A line a simulated agent says and the voice that says it.</summary>
public sealed record AgentSpeech(string Voice, string Text);

/// <summary>What the simulated call centre's agents say, for adapting a recogniser to how they sound on the line.</summary>
public static class AgentSpeechCorpus
{
    /// <summary>
    /// Every agent line of the call-centre file that needs no template value but the company and the agent's name (those
    /// filled in: the scenario's company, the first agent with the voice), in each voice its agents use. Lines with
    /// other template values (amounts, dates drawn per call) or digits are left out, so no line is a guess.
    /// </summary>
    /// <exception cref="CallCentreException">The file is not a valid call-centre file.</exception>
    public static IReadOnlyList<AgentSpeech> Load(string callCentreFile)
    {
        var centre = CallCentreLoader.Load(callCentreFile);
        var speech = new List<AgentSpeech>();
        foreach (var voice in centre.Agents.Select(a => a.Voice).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var agent = centre.Agents.First(a => a.Voice == voice);
            var lines = centre.Scenarios.Values
                .SelectMany(s => s.Turns.SelectMany(t => t.SelectMany(l => new[] { l.Says, l.Otherwise }))
                    .Concat(s.Hold is { } hold ? [hold.Says, hold.Back] : [])
                    .Select(l => l.Replace("{{company}}", s.Company, StringComparison.Ordinal).Replace("{{agent.name}}", agent.Name, StringComparison.Ordinal)))
                .Where(l => l.Length > 0 && !l.Contains("{{", StringComparison.Ordinal) && !l.Any(char.IsAsciiDigit))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            speech.AddRange(lines.Select(l => new AgentSpeech(voice, l)));
        }

        return speech;
    }
}
