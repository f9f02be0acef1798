using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Simulation;

/// <summary>
/// Decides the true outcome of every checklist item from what the simulation drew and where it placed each line,
/// applying the contract's timing rules (<c>within</c>, <c>in_last</c>, <c>after</c>) to the known positions.
/// The scorer is never run: the truth is what scores are evaluated against.
/// </summary>
internal static class GroundTruthBuilder
{
    /// <summary>Nobody answered (or the line was busy): only the answer-time items can be judged, and they failed.</summary>
    public static CallGroundTruth Unanswered(string callId, RenderedScenario scenario, CallDraw draw) =>
        new(
            callId,
            null,
            scenario.Checklist.ToDictionary(i => i.Id, i => i.Check is AnsweredWithinCheck ? ItemOutcome.Failed : ItemOutcome.NotApplicable, StringComparer.Ordinal),
            draw.Describe());

    public static CallGroundTruth Answered(string callId, RenderedScenario scenario, Agent agent, CallDraw draw, ComposedCall call)
    {
        var outcomes = new Dictionary<string, ItemOutcome>(StringComparer.Ordinal);
        var matches = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

        // The first passing line of each item is where its match starts.
        foreach (var utterance in call.Utterances.Where(u => u.Passes && u.Item is not null))
        {
            matches.TryAdd(utterance.Item!, utterance.Start);
        }

        foreach (var item in scenario.Checklist)
        {
            outcomes[item.Id] = item.Check switch
            {
                AnsweredWithinCheck answered => Pass(draw.RingTime <= answered.Limit),
                MaxSilenceCheck silence => Pass(LongestSilence(call) <= silence.Limit),
                NoPhraseCheck => Pass(draw.ForbiddenPhrase is null || !call.Utterances.Any(u => u.Item == item.Id)),
                _ when item.Speaker == Speaker.Caller => Pass(call.Utterances.Any(u => u.Side == Side.Caller && PhraseText.Satisfies(u.Text, item.Check))),
                _ => Pass(matches.TryGetValue(item.Id, out var start) && TimingHolds(item, start, call.End, matches)),
            };
        }

        var behaviour = new SortedDictionary<string, string>(draw.Describe().ToDictionary(), StringComparer.Ordinal)
        {
            ["agent"] = agent.Id,
            ["profile"] = agent.Profile,
            ["hold_seconds"] = CallDraw.Seconds(call.HoldLength),
            ["longest_silence_seconds"] = CallDraw.Seconds(LongestSilence(call)),
        };
        if (call.HoldStart is { } holdStart)
        {
            behaviour["hold_start_seconds"] = CallDraw.Seconds(holdStart);
        }
        else
        {
            behaviour.Remove("hold_seconds");
        }

        return new CallGroundTruth(callId, agent.Id, outcomes, behaviour);
    }

    /// <summary>The longest stretch with neither side speaking: before the first words, between, and after the last until the end.</summary>
    public static TimeSpan LongestSilence(ComposedCall call)
    {
        var longest = TimeSpan.Zero;
        var covered = TimeSpan.Zero;
        foreach (var utterance in call.Utterances.OrderBy(u => u.Start))
        {
            if (utterance.Start - covered > longest)
            {
                longest = utterance.Start - covered;
            }

            covered = utterance.End > covered ? utterance.End : covered;
        }

        return call.End - covered > longest ? call.End - covered : longest;
    }

    private static bool TimingHolds(ChecklistItem item, TimeSpan start, TimeSpan end, Dictionary<string, TimeSpan> matches)
    {
        if (item.Within is { } within && start > within)
        {
            return false;
        }

        if (item.InLast is { } inLast && start < end - inLast)
        {
            return false;
        }

        // The contract: when the named item found no match, the order is not checked.
        return item.After is not { } after || !matches.TryGetValue(after, out var afterStart) || start > afterStart;
    }

    private static ItemOutcome Pass(bool passed) => passed ? ItemOutcome.Passed : ItemOutcome.Failed;
}
