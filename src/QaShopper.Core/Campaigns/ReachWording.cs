using System.Globalization;

namespace QaShopper.Core.Campaigns;

/// <summary>
/// How the CLI, the demo and the web pages word "reached but not identified", so a QA manager reads the same sentence
/// everywhere (the campaign page's live script, campaign-status.js, shows the text the status API carries).
/// </summary>
public static class ReachWording
{
    /// <summary>E.g. "2 calls on leeds line +441134960001 (helen, laura, peter could be among them)".</summary>
    public static string Describe(UnidentifiedLineCalls line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var calls = line.Calls == 1 ? "1 call" : string.Create(CultureInfo.InvariantCulture, $"{line.Calls} calls");
        var who = line switch
        {
            { PossibleAgents.Count: > 0 } => $"{string.Join(", ", line.PossibleAgents)} {(line.Calls == 1 ? "could have answered it" : "could be among them")}",
            { RosterKnown: true } => "every agent of the line was identified in another call",
            _ => "the campaign names no agents for the line",
        };
        return $"{calls} on {line.SiteId} line {line.Line} ({who})";
    }

    /// <summary>Every line's <see cref="Describe(UnidentifiedLineCalls)"/>, separated by semicolons.</summary>
    public static string Describe(IEnumerable<UnidentifiedLineCalls> lines) => string.Join("; ", lines.Select(Describe));
}
