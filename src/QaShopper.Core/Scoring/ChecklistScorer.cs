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
        var call = new CallContext(transcript, checklist.CharacterMatching, _options);
        var evaluator = new ItemEvaluator(call, _matcher);
        var results = new ItemResult[checklist.Items.Length];
        var chosen = new Occurrence?[checklist.Items.Length];
        var absent = new bool[checklist.Items.Length];

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
                var (outcome, evidence, match, missing) = evaluator.Evaluate(compiled, after);
                chosen[index] = match;
                absent[index] = missing;
                result = (outcome, evidence);
            }

            results[index] = new ItemResult(item.Id, result.Outcome, item.Weight, item.Critical, result.Evidence);
        }

        DoubtAbsences(checklist, call, evaluator, results, chosen, absent);
        return Summarise(scenario, results, IdentifyAgent(checklist, chosen) ?? agentId);
    }

    /// <summary>
    /// Turns each fail that rests only on a missing phrase into <c>uncertain</c> when the speech where the phrase belonged
    /// was not heard reliably. Where it belonged: after the items before it in the checklist that passed and before those
    /// after it, within the item's own window. Done once every item is scored, since the checklist's later items bound
    /// the earlier ones.
    /// </summary>
    private static void DoubtAbsences(CompiledChecklist checklist, CallContext call, ItemEvaluator evaluator, ItemResult[] results, Occurrence?[] chosen, bool[] absent)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (!absent[i])
            {
                continue;
            }

            var item = checklist.Items[i];
            var (from, to) = Where(checklist, call, results, chosen, i);
            if ((UnreliableCall(call, item.Item.Speaker) ?? evaluator.Doubt(item, results[i].Evidence, from, to)) is { } doubt)
            {
                results[i] = results[i] with
                {
                    Outcome = ItemOutcome.Uncertain,
                    Evidence = results[i].Evidence with { Reason = $"{results[i].Evidence.Reason}; {doubt}" },
                };
            }
        }
    }

    /// <summary>
    /// Why no absence in this call is evidence, or null when the speaker was heard well enough for one to be: see
    /// <see cref="ScoringOptions.ReliableCallConfidence"/>.
    /// </summary>
    private static string? UnreliableCall(CallContext call, Speaker speaker) =>
        call.MeanConfidence(speaker) is { } mean && mean < call.ReliableCallConfidence
            ? $"the {SpeakerName(speaker)}'s speech in this call was recognised poorly throughout (mean word confidence {Reasons.Number(mean)}, " +
              $"below {Reasons.Number(call.ReliableCallConfidence)}): it may have been said and misheard"
            : null;

    private static string SpeakerName(Speaker speaker) => speaker switch
    {
        Speaker.Agent => "agent",
        Speaker.Caller => "caller",
        _ => "speakers",
    };

    /// <summary>The stretch of the call where item <paramref name="index"/>'s phrase belonged (seconds from the answer).</summary>
    private static (double From, double To) Where(CompiledChecklist checklist, CallContext call, ItemResult[] results, Occurrence?[] chosen, int index)
    {
        double from = 0, to = call.End;
        for (var j = 0; j < results.Length; j++)
        {
            if (j == index || results[j].Outcome != ItemOutcome.Passed || chosen[j] is not { } match)
            {
                continue;
            }

            if (j < index)
            {
                from = Math.Max(from, match.End);
            }
            else
            {
                to = Math.Min(to, match.Start);
            }
        }

        // Checklist order is the usual order of a call, not a rule: where the passed items say otherwise, look everywhere.
        if (from >= to)
        {
            (from, to) = (0, call.End);
        }

        var (windowFrom, windowTo) = (0.0, call.End);
        var item = checklist.Items[index].Item;
        if (item.Within is { } within)
        {
            windowTo = Math.Min(windowTo, within.TotalSeconds);
        }

        if (item.InLast is { } inLast)
        {
            windowFrom = Math.Max(windowFrom, call.End - inLast.TotalSeconds);
        }

        if (checklist.Items[index].AfterIndex is >= 0 and var after && chosen[after] is { } previous)
        {
            windowFrom = Math.Max(windowFrom, previous.End);
        }

        // The item's own window is a rule; the order only narrows it, and never to nothing.
        return Math.Max(from, windowFrom) < Math.Min(to, windowTo)
            ? (Math.Max(from, windowFrom), Math.Min(to, windowTo))
            : (windowFrom, windowTo);
    }

    private static CallScore Summarise(Scenario scenario, ItemResult[] results, string? agent)
    {
        var (score, grade, needsReview) = ScoreRule.Summarise(results.Select(r => (r.Outcome, r.Weight, r.Critical)), scenario.Grades);
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
