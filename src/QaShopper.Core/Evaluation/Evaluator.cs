using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;

namespace QaShopper.Core.Evaluation;

/// <summary>Compares scores with ground truth. Pure.</summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(IEnumerable<EvaluatedCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var list = calls.ToList();
        var confusion = new Dictionary<(string, string), int[]>();
        int items = 0, agreements = 0, uncertain = 0, within5 = 0, grades = 0, agents = 0, introduced = 0;
        int within5Confident = 0, review = 0, criticalFalseFails = 0, wrongAgents = 0, wrongAgentsConfident = 0;
        int reviewForItems = 0, reviewForAgentOnly = 0;
        var disagreements = new List<ItemDisagreement>();
        double absoluteError = 0;

        foreach (var call in list)
        {
            var scored = call.Score.Items.ToDictionary(i => i.Id, i => i.Outcome, StringComparer.Ordinal);
            var evidence = call.Score.Items.ToDictionary(i => i.Id, i => i.Evidence, StringComparer.Ordinal);
            foreach (var item in call.Scenario.Checklist)
            {
                if (!call.Truth.Items.TryGetValue(item.Id, out var truth) || truth is not (ItemOutcome.Passed or ItemOutcome.Failed))
                {
                    continue;
                }

                var outcome = scored.GetValueOrDefault(item.Id, ItemOutcome.NotApplicable);
                var counts = CollectionsGet(confusion, (call.Scenario.Id, item.Id));
                counts[0]++;
                items++;
                if (outcome == truth)
                {
                    agreements++;
                    continue;
                }

                var why = evidence.GetValueOrDefault(item.Id);
                disagreements.Add(new ItemDisagreement(call.Truth.CallId, call.Scenario.Id, item.Id, item.Critical, truth, outcome, why?.Reason ?? why?.Text, why?.Heard?.Text));
                if (outcome == ItemOutcome.Uncertain)
                {
                    counts[3]++;
                    uncertain++;
                }
                else if (outcome == ItemOutcome.Passed)
                {
                    counts[1]++;
                }
                else
                {
                    counts[2]++;
                    criticalFalseFails += item.Critical && outcome == ItemOutcome.Failed ? 1 : 0;
                }
            }

            review += call.Score.NeedsReview ? 1 : 0;
            var anyUncertain = call.Score.Items.Any(i => i.Outcome == ItemOutcome.Uncertain);
            reviewForItems += call.Score.NeedsReview && anyUncertain ? 1 : 0;
            reviewForAgentOnly += call.Score.NeedsReview && !anyUncertain ? 1 : 0;
            within5Confident += Math.Abs(call.Score.Score - ConfidentTruthScore(call)) <= 5.0 + 1e-9 ? 1 : 0;
            if (call.Score.Agent is { } named && !string.Equals(named, call.Truth.AgentId, StringComparison.Ordinal))
            {
                wrongAgents++;
                wrongAgentsConfident += call.Score.AgentMatch is { IsConfident: false } ? 0 : 1;
            }

            var truthScore = TruthScore(call.Scenario, call.Truth);
            var error = Math.Abs(call.Score.Score - truthScore.Score);
            absoluteError += error;
            within5 += error <= 5.0 + 1e-9 ? 1 : 0;
            grades += call.Score.Grade == truthScore.Grade ? 1 : 0;
            // Only an agent who said who they are can be identified from the call: count those calls.
            if (call.Truth.AgentId is not null && IntroducedThemselves(call.Scenario, call.Truth))
            {
                introduced++;
                agents += string.Equals(call.Score.Agent, call.Truth.AgentId, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        var perItem = confusion
            .Select(kv => new ItemConfusion(kv.Key.Item1, kv.Key.Item2, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))
            .OrderBy(c => c.Agreement)
            .ThenBy(c => c.ScenarioId, StringComparer.Ordinal)
            .ThenBy(c => c.ItemId, StringComparer.Ordinal)
            .ToList();

        return new EvaluationReport(
            list.Count,
            items,
            agreements,
            uncertain,
            list.Count == 0 ? 0 : Math.Round(absoluteError / list.Count, 2, MidpointRounding.AwayFromZero),
            within5,
            grades,
            agents,
            perItem)
        {
            AgentsIntroduced = introduced,
            CallsWithin5ConfidentPoints = within5Confident,
            CallsNeedingReview = review,
            CallsReviewedForUncertainItems = reviewForItems,
            CallsReviewedOnlyForTheAgent = reviewForAgentOnly,
            CriticalFalseFails = criticalFalseFails,
            AgentsNamedWrongly = wrongAgents,
            AgentsNamedWronglyWithConfidence = wrongAgentsConfident,
            Disagreements = disagreements,
            ByVoice = [.. list
                .Where(c => c.AgentVoice is not null)
                .GroupBy(c => c.AgentVoice!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new VoiceReport(g.Key, Evaluate(g.Select(c => c with { AgentVoice = null }))))],
        };
    }

    /// <summary>
    /// The truth's score over the items the scorer decided: an item left uncertain is out of the automatic score (it
    /// goes to review), so it is left out of the truth's too, and the two measure the same items.
    /// </summary>
    private static double ConfidentTruthScore(EvaluatedCall call)
    {
        var uncertain = call.Score.Items.Where(i => i.Outcome == ItemOutcome.Uncertain).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var (score, _, _) = ScoreRule.Summarise(
            call.Scenario.Checklist.Select(i => (uncertain.Contains(i.Id) ? ItemOutcome.NotApplicable : call.Truth.Items.GetValueOrDefault(i.Id, ItemOutcome.NotApplicable), i.Weight, i.Critical)),
            call.Scenario.Grades);
        return score;
    }

    /// <summary>The score and grade the truth deserves, by the contract's rules (weights, critical items, thresholds).</summary>
    public static (double Score, Grade Grade) TruthScore(Scenario scenario, CallGroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(truth);
        var (score, grade, _) = ScoreRule.Summarise(
            scenario.Checklist.Select(i => (truth.Items.GetValueOrDefault(i.Id, ItemOutcome.NotApplicable), i.Weight, i.Critical)),
            scenario.Grades);
        return (score, grade);
    }

    /// <summary>True when the scenario has an item naming the agent (a regex with an <c>agent</c> group) and the agent truly passed it.</summary>
    private static bool IntroducedThemselves(Scenario scenario, CallGroundTruth truth) =>
        scenario.Checklist
            .Where(i => i.Check is RegexCheck regex && regex.Pattern.Contains("(?<agent>", StringComparison.Ordinal))
            .Any(i => truth.Items.GetValueOrDefault(i.Id) == ItemOutcome.Passed);

    private static int[] CollectionsGet(Dictionary<(string, string), int[]> map, (string, string) key)
    {
        if (!map.TryGetValue(key, out var counts))
        {
            counts = new int[4];
            map[key] = counts;
        }

        return counts;
    }
}
