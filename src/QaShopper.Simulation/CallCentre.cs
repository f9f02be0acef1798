namespace QaShopper.Simulation;

/// <summary>
/// The simulated call centre as described in <c>call-centre.yaml</c>: sites and their lines, agents, behaviour
/// profiles and, per scenario, what an agent says in each turn.
/// </summary>
internal sealed record CallCentre(
    IReadOnlyList<string> CallerVoices,
    IReadOnlyList<Site> Sites,
    IReadOnlyDictionary<string, BehaviourProfile> Profiles,
    IReadOnlyList<Agent> Agents,
    IReadOnlyDictionary<string, ScenarioLines> Scenarios,
    string SourcePath)
{
    /// <summary>The site that answers <paramref name="line"/> (E.164), or null.</summary>
    public Site? SiteFor(string line) => Sites.FirstOrDefault(s => s.Lines.Contains(line, StringComparer.Ordinal));

    public IReadOnlyList<Agent> AgentsAt(Site site) => [.. Agents.Where(a => a.Site == site.Id)];
}

/// <summary>A contact-centre site: its IANA time zone and the numbers that ring there.</summary>
internal sealed record Site(string Id, string Name, string TimeZone, IReadOnlyList<string> Lines, double? NoAnswer, double? Busy);

/// <summary>A virtual agent: <see cref="Id"/> is what the scenarios' <c>agent</c> regex group extracts.</summary>
internal sealed record Agent(string Id, string Name, string StaffNumber, string Site, string Voice, string Profile);

/// <summary>Probabilities, per behaviour, that an agent of this profile does it on a call.</summary>
internal sealed record BehaviourProfile(string Name, IReadOnlyDictionary<string, double> Probabilities)
{
    public double this[string behaviour] => Probabilities.TryGetValue(behaviour, out var p) ? p : 0;
}

/// <summary>What an agent says in one scenario: one list of lines per turn (turn 1 answers the call).</summary>
internal sealed record ScenarioLines(string ScenarioId, string Company, HoldLines? Hold, IReadOnlyList<IReadOnlyList<AgentLine>> Turns, Position Position);

/// <summary>Where the agent may put the caller on hold (1-based turn) and what it says before and after.</summary>
internal sealed record HoldLines(int Turn, string Says, string Back, Position Position);

/// <summary>
/// One line of a turn. With an <see cref="Item"/>, <see cref="Behaviour"/> decides whether the agent says
/// <see cref="Says"/> (passes the item) or <see cref="Otherwise"/>; without one, <see cref="Says"/> is always said.
/// </summary>
internal sealed record AgentLine(string? Item, string? Behaviour, string Says, string Otherwise, Position Position);

/// <summary>A place in the call-centre file (1-based).</summary>
internal readonly record struct Position(int Line, int Column);
