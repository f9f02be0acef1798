using System.Globalization;

namespace QaShopper.Core.Attribution;

/// <summary>How a QA manager reads an <see cref="AgentMatch"/>: what was heard and how sure the match is.</summary>
public static class AgentMatchWording
{
    public static string Describe(AgentMatch match, string? agent)
    {
        ArgumentNullException.ThrowIfNull(match);
        var heard = $"heard '{match.Heard}'";
        var similarity = match.Similarity.ToString("0.00", CultureInfo.InvariantCulture);
        return match.Kind switch
        {
            AgentMatchKind.Exact => $"{heard}: the roster name",
            AgentMatchKind.SoundsAlike => $"{heard}: sounds like {agent} and like nobody else on the roster (likeness {similarity})",
            AgentMatchKind.Unsure => $"{heard}: perhaps {agent}, not sure (likeness {similarity}); check the recording",
            _ => $"{heard}: like nobody on the roster, so not identified",
        };
    }
}
