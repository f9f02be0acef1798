namespace QaShopper.Core.Attribution;

/// <summary>How the agent of a call was told from what they said.</summary>
public enum AgentMatchKind
{
    /// <summary>The heard name is a roster agent's name or id, letter for letter.</summary>
    Exact,

    /// <summary>The heard name sounds like exactly one roster agent's name and like no other: named with confidence.</summary>
    SoundsAlike,

    /// <summary>The heard name resembles a roster agent's name, but not enough to be sure: named, and the call goes to review.</summary>
    Unsure,

    /// <summary>A name was heard that resembles nobody on the roster: reached, but not identified.</summary>
    NotOnRoster,
}

/// <summary>What was heard of the agent's name and how it was matched to the roster.</summary>
/// <param name="Heard">The name as the recogniser heard it (lower-case).</param>
/// <param name="Kind">How the match was made.</param>
/// <param name="Similarity">0..1: how alike the heard name and the chosen agent's name sound (0 when nobody was chosen).</param>
public sealed record AgentMatch(string Heard, AgentMatchKind Kind, double Similarity)
{
    /// <summary>True when the agent is named with confidence (exact or unambiguously alike).</summary>
    public bool IsConfident => Kind is AgentMatchKind.Exact or AgentMatchKind.SoundsAlike;
}
