using System.Collections.Concurrent;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Scoring;

/// <summary>Scores a transcript against a scenario's checklist. Pure: no clock, no I/O. Thread-safe.</summary>
public sealed class ChecklistScorer
{
    /// <summary>Compiled checklists kept; scenarios are few, so a full cache is simply emptied.</summary>
    private const int CacheLimit = 256;

    private readonly ScoringOptions _options;
    private readonly IPhraseResolver _phraseResolver;
    private readonly PhraseMatcher _matcher;
    private readonly ConcurrentDictionary<string, CompiledChecklist> _compiled = new(StringComparer.Ordinal);

    /// <summary>Creates a scorer with the given tolerances and phrase-template resolver.</summary>
    public ChecklistScorer(ScoringOptions options, IPhraseResolver phraseResolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(phraseResolver);
        _options = options;
        _phraseResolver = phraseResolver;
        _matcher = new PhraseMatcher(options.SimilarityThreshold);
    }

    /// <summary>Scores one call. <paramref name="agentId"/>, when given, names the agent unless a regex item identifies one.</summary>
    public CallScore Score(Scenario scenario, Transcript transcript, string? agentId = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(transcript);

        var checklist = Compile(scenario);
        var call = new CallContext(transcript, checklist.CharacterMatching, _options.MinConfidence, _options.ExactPhraseMinConfidence);
        var evaluator = new ItemEvaluator(call, _matcher);
        var results = new ItemResult[checklist.Items.Length];
        var chosen = new Occurrence?[checklist.Items.Length];

        foreach (var index in checklist.EvaluationOrder)
        {
            var compiled = checklist.Items[index];
            var item = compiled.Item;
            (ItemOutcome Outcome, Evidence Evidence) result;
            if (item.Check is AnsweredWithinCheck answered)
            {
                result = TimingChecks.AnsweredWithin(transcript, answered.Limit);
            }
            else if (!transcript.WasAnswered)
            {
                result = (ItemOutcome.NotApplicable, Evidence.Because(Reasons.NotAnswered));
            }
            else if (item.Check is MaxSilenceCheck silence)
            {
                result = TimingChecks.MaxSilence(call, silence.Limit);
            }
            else
            {
                var after = compiled.AfterIndex >= 0 ? chosen[compiled.AfterIndex] : null;
                var (outcome, evidence, match) = evaluator.Evaluate(compiled, after);
                chosen[index] = match;
                result = (outcome, evidence);
            }

            results[index] = new ItemResult(item.Id, result.Outcome, item.Weight, item.Critical, result.Evidence);
        }

        return Summarise(scenario, results, IdentifyAgent(checklist, chosen) ?? agentId);
    }

    private static CallScore Summarise(Scenario scenario, ItemResult[] results, string? agent)
    {
        double passed = 0, applicable = 0;
        var criticalFailed = false;
        var needsReview = false;

        // Weights too large to add up (infinity over infinity is a NaN score) are summed relative to the largest; the
        // parser bounds weights read from files, this covers a scenario built in code. Ordinary weights keep unit 1 so
        // every score is computed exactly as before.
        var total = results.Sum(r => r.Weight);
        var unit = double.IsFinite(total) ? 1 : results.Max(r => r.Weight);
        foreach (var r in results)
        {
            var weight = r.Weight / unit;
            switch (r.Outcome)
            {
                case ItemOutcome.Passed:
                    passed += weight;
                    applicable += weight;
                    break;
                case ItemOutcome.Failed:
                    applicable += weight;
                    criticalFailed |= r.Critical;
                    break;
                case ItemOutcome.Uncertain:
                    needsReview = true;
                    break;
                default:
                    break;
            }
        }

        var score = applicable > 0 ? Math.Round(100.0 * passed / applicable, 1, MidpointRounding.AwayFromZero) : 0.0;
        var grade = applicable <= 0 || criticalFailed ? Grade.Fail : scenario.Grades.GradeFor(score);
        return new CallScore(scenario.Id, scenario.ContentHash, agent, score, grade, needsReview, results);
    }

    /// <summary>The first regex item (in checklist order) whose chosen match has an <c>agent</c> group.</summary>
    private static string? IdentifyAgent(CompiledChecklist checklist, Occurrence?[] chosen)
    {
        for (var i = 0; i < chosen.Length; i++)
        {
            if (checklist.Items[i].Pattern is not null && chosen[i]?.AgentName is { } agent)
            {
                return agent;
            }
        }

        return null;
    }

    private CompiledChecklist Compile(Scenario scenario)
    {
        if (string.IsNullOrEmpty(scenario.ContentHash))
        {
            return CompiledChecklist.Compile(scenario, _phraseResolver);
        }

        if (_compiled.TryGetValue(scenario.ContentHash, out var cached))
        {
            return cached;
        }

        if (_compiled.Count >= CacheLimit)
        {
            _compiled.Clear();
        }

        return _compiled.GetOrAdd(scenario.ContentHash, _ => CompiledChecklist.Compile(scenario, _phraseResolver));
    }
}
