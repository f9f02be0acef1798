using QaShopper.Core.Results;

namespace QaShopper.Core.Attribution;

/// <summary>
/// Tells which roster agent answered from the name the recogniser heard. A misheard name ("my name is sir" for Sarah)
/// would otherwise leave the call unattributed and the agent listed as not tested; a name that sounds like one agent
/// and like nobody else is taken as that agent, a weaker likeness names the agent but sends the call to review, and a
/// name like nobody's leaves the agent unidentified. A wrong agent is never named with confidence: see
/// <see cref="AgentMatchKind"/>.
/// </summary>
public static class AgentIdentifier
{
    /// <summary>
    /// Below this key similarity a heard name is not taken for anybody ("the" is not Nadia). Two of three consonants
    /// alike is the least a misheard name keeps in practice.
    /// </summary>
    public const double UnsureFloor = 0.66;

    /// <summary>
    /// Below this likeness of sound and spelling together a heard word is not taken for anybody: "going" keeps two of
    /// Connor's three consonants but hardly a letter of the name.
    /// </summary>
    public const double LikenessFloor = 0.6;

    /// <summary>How far ahead of the next agent the best one must be to be named with confidence.</summary>
    public const double ConfidentMargin = 0.2;

    /// <summary>The agent for a heard name (null when none) and how the match was made (null when nothing was heard or there is no roster).</summary>
    public static (string? AgentId, AgentMatch? Match) Identify(string? heard, IReadOnlyList<AgentRecord> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (string.IsNullOrWhiteSpace(heard))
        {
            return (null, null);
        }

        heard = heard.Trim().ToLowerInvariant();
        if (roster.Count == 0)
        {
            // Nothing to check against (a scored transcript outside any call centre): the heard name stands.
            return (heard, null);
        }

        if (roster.FirstOrDefault(a => NamesOf(a).Any(n => string.Equals(n, heard, StringComparison.Ordinal))) is { } exact)
        {
            return (exact.Id, new AgentMatch(heard, AgentMatchKind.Exact, 1.0));
        }

        var ranked = roster
            .Select(a => (Agent: a, Likeness: NamesOf(a).Select(n => Likeness(heard, n)).Max()))
            .OrderByDescending(r => r.Likeness.Combined)
            .ToList();
        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Likeness.Combined : 0;
        var heardKey = NameSounds.Key(heard);
        if (heardKey.Length < 2 || best.Likeness.Key < UnsureFloor || best.Likeness.Combined < LikenessFloor || best.Likeness.Combined - runnerUp < 1e-9)
        {
            return (null, new AgentMatch(heard, AgentMatchKind.NotOnRoster, 0));
        }

        var confident = best.Likeness.Key >= 1.0 - 1e-9 && best.Likeness.Combined - runnerUp >= ConfidentMargin;
        return (best.Agent.Id, new AgentMatch(heard, confident ? AgentMatchKind.SoundsAlike : AgentMatchKind.Unsure, Math.Round(best.Likeness.Combined, 2)));
    }

    /// <summary>The names an agent may give: the id and the first word of the name, lower-case.</summary>
    private static IEnumerable<string> NamesOf(AgentRecord agent)
    {
        yield return agent.Id.ToLowerInvariant();
        if (FirstNames.Of(agent.Name) is { } first)
        {
            yield return first;
        }
    }

    private static Likeness Likeness(string heard, string name)
    {
        var key = NameSounds.KeySimilarity(heard, name);
        return new Likeness(key, (key + NameSounds.SpellingSimilarity(heard, name)) / 2);
    }
}

/// <summary>How alike a heard name and a roster name are: by sound key, and sound and spelling together.</summary>
internal readonly record struct Likeness(double Key, double Combined) : IComparable<Likeness>
{
    public int CompareTo(Likeness other) => Combined.CompareTo(other.Combined);
}
