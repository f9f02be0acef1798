using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Attribution;

/// <summary>
/// Names the agent of a scored call from the roster. The name the scenario's name item heard is matched by sound
/// (<see cref="AgentIdentifier"/>); when that item heard no name but a roster name was said in the agent's opening
/// words, the introduction itself was misheard: the agent is named for review and the name item is uncertain rather
/// than failed, so a misheard "this is Fiona speaking" neither fails the agent nor leaves Fiona untested.
/// </summary>
public static class AgentAttribution
{
    /// <summary>The agent's first utterances, where agents give their name.</summary>
    public const int OpeningUtterances = 3;

    /// <param name="score">The score as the scorer made it: its agent is the name as heard.</param>
    /// <param name="scenario">The scenario scored against (its name item and grades).</param>
    /// <param name="transcript">What was said.</param>
    /// <param name="roster">The call centre's agents; empty when none are known (the heard name then stands).</param>
    /// <param name="knownAgent">The agent the call was recorded with (an import's <c>--agent</c>), used when no name was heard.</param>
    public static CallScore Apply(CallScore score, Scenario scenario, Transcript transcript, IReadOnlyList<AgentRecord> roster, string? knownAgent = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(roster);
        if (score.Agent is not null)
        {
            var (agent, match) = AgentIdentifier.Identify(score.Agent, roster);
            return score with
            {
                Agent = agent,
                AgentMatch = match,
                NeedsReview = score.NeedsReview || match is { Kind: AgentMatchKind.Unsure },
            };
        }

        if (knownAgent is not null && (roster.Count == 0 || roster.Any(a => string.Equals(a.Id, knownAgent, StringComparison.Ordinal))))
        {
            return score with { Agent = knownAgent };
        }

        return SpokenInOpening(transcript, roster) is { } spoken ? NamedWithoutIntroduction(score, scenario, spoken) : score with { Agent = null };
    }

    /// <summary>The one roster agent whose first name the agent said in their opening utterances, word for word; null when none or several.</summary>
    private static (AgentRecord Agent, string Word, double At)? SpokenInOpening(Transcript transcript, IReadOnlyList<AgentRecord> roster)
    {
        var found = new List<(AgentRecord Agent, string Word, double At)>();
        foreach (var segment in transcript.Segments.Where(s => s.Speaker == Speaker.Agent).OrderBy(s => s.Start).Take(OpeningUtterances))
        {
            foreach (var word in segment.Text.ToLowerInvariant().Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var agent in roster)
                {
                    if (FirstName(agent) is { Length: >= 3 } name && name == word && !found.Any(f => f.Agent.Id == agent.Id))
                    {
                        found.Add((agent, word, segment.Start));
                    }
                }
            }
        }

        return found.Count == 1 ? found[0] : null;
    }

    private static CallScore NamedWithoutIntroduction(CallScore score, Scenario scenario, (AgentRecord Agent, string Word, double At) spoken)
    {
        var nameItems = scenario.Checklist
            .Where(i => i.Check is RegexCheck regex && regex.Pattern.Contains("(?<agent>", StringComparison.Ordinal))
            .Select(i => i.Id)
            .ToHashSet(StringComparer.Ordinal);
        var items = score.Items
            .Select(i => nameItems.Contains(i.Id) && i.Outcome == ItemOutcome.Failed
                ? i with
                {
                    Outcome = ItemOutcome.Uncertain,
                    Evidence = i.Evidence with
                    {
                        Reason = $"{i.Evidence.Reason}; the name {Reasons.Quote(spoken.Word)} was heard at {Reasons.Seconds(spoken.At)}: the agent may have given it in words not recognised",
                    },
                }
                : i)
            .ToList();
        var (total, grade, _) = ScoreRule.Summarise(items.Select(i => (i.Outcome, i.Weight, i.Critical)), scenario.Grades);
        return score with
        {
            Agent = spoken.Agent.Id,
            AgentMatch = new AgentMatch(spoken.Word, AgentMatchKind.Unsure, 1.0),
            Items = items,
            Score = total,
            Grade = grade,
            NeedsReview = true,
        };
    }

    private static string FirstName(AgentRecord agent) => FirstNames.Of(agent.Name) ?? agent.Id.ToLowerInvariant();
}
