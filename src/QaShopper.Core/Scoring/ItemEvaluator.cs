using System.Text.RegularExpressions;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Scoring;

/// <summary>
/// Scores the phrase and pattern items of one call. Holds the per-call state: the chosen match of every item
/// (for <c>after</c>) and a reusable hit list so the inner loops do not allocate.
/// </summary>
internal sealed class ItemEvaluator(CallContext call, PhraseMatcher matcher)
{
    /// <summary>Allowance for floating-point noise in window comparisons.</summary>
    private const double Epsilon = 1e-9;

    /// <summary>Below this a "closest" candidate says nothing useful to a QA manager.</summary>
    private const double NearMissFloor = 0.5;

    private readonly List<PhraseMatch> _hits = new(8);

    public (ItemOutcome Outcome, Evidence Evidence, Occurrence? Chosen) Evaluate(CompiledItem item, Occurrence? after) =>
        item.Item.Check switch
        {
            AnyPhraseCheck => Positive(item, Search(item, item.Flat, null, after), after, $"no {item.Item.Id} phrase"),
            RegexCheck => Positive(item, Search(item, null, item.Pattern, after), after, $"no match for /{item.Pattern}/"),
            AllPhrasesCheck => All(item, after),
            NoPhraseCheck => None(item, after),
            _ => (ItemOutcome.NotApplicable, Evidence.Because("not a phrase item"), null),
        };

    private (ItemOutcome, Evidence, Occurrence?) Positive(CompiledItem item, SearchResult found, Occurrence? after, string missing)
    {
        if (found.Confident is { } confident)
        {
            return (ItemOutcome.Passed, confident.ToEvidence(), confident);
        }

        if (found.LowConfidence is { } low)
        {
            return (ItemOutcome.Uncertain, low.ToEvidence() with { Reason = OnlyLowConfidence(low) }, low);
        }

        var reason = missing + Window(item, after) + Hint(item, found, item.Flat);
        return NotFound(item, after, reason);
    }

    private (ItemOutcome, Evidence, Occurrence?) All(CompiledItem item, Occurrence? after)
    {
        var matches = new List<Evidence>(item.Groups.Length);
        var missing = new List<string>();
        var anyLow = false;
        Occurrence? first = null;
        double? last = null;
        for (var g = 0; g < item.Groups.Length; g++)
        {
            var group = item.Groups[g];
            var found = Search(item, group, null, after);
            if (found.Best is not { } best)
            {
                missing.Add(Reasons.Quote(group.Length > 0 ? group[0].Original : "?"));
                continue;
            }

            anyLow |= found.Confident is null;
            var evidence = best.ToEvidence();
            matches.Add(found.Confident is null ? evidence with { Reason = OnlyLowConfidence(best) } : evidence);
            first = Occurrence.Earlier(first, best);
            last = Math.Max(last ?? best.End, best.End);
        }

        if (missing.Count > 0)
        {
            var reason = $"missing {string.Join(", ", missing)}" + Window(item, after);
            var (outcome, evidence, _) = NotFound(item, after, reason);
            return (outcome, matches.Count > 0 ? evidence with { Matches = matches } : evidence, null);
        }

        var summary = new Evidence
        {
            Start = first?.Start,
            End = last,
            Speaker = matches.Select(m => m.Speaker).Distinct().Count() == 1 ? matches[0].Speaker : null,
            Matches = matches,
        };
        return anyLow
            ? (ItemOutcome.Uncertain, summary with { Reason = "some phrases were heard only in low-confidence speech" }, first)
            : (ItemOutcome.Passed, summary, first);
    }

    private (ItemOutcome, Evidence, Occurrence?) None(CompiledItem item, Occurrence? after)
    {
        Occurrence? confident = null;
        Occurrence? low = null;
        foreach (var phrase in item.Flat)
        {
            var found = Search(item, [phrase], null, after);
            confident = Occurrence.Earlier(confident, found.Confident);
            low = Occurrence.Earlier(low, found.LowConfidence);
        }

        if (confident is not null)
        {
            return (ItemOutcome.Failed, confident.ToEvidence() with { Reason = $"said {Reasons.Quote(confident.Text)} at {Reasons.Seconds(confident.Start)}" }, null);
        }

        if (low is not null)
        {
            var reason = $"may have said {Reasons.Quote(low.Text)} at {Reasons.Seconds(low.Start)}: {OnlyLowConfidence(low)}";
            return (ItemOutcome.Uncertain, low.ToEvidence() with { Reason = reason }, null);
        }

        return (ItemOutcome.Passed, Evidence.Because("none of the phrases was said" + Window(item, after)), null);
    }

    /// <summary>Not found: uncertain when low-confidence speech in the window might hide the match, failed otherwise.</summary>
    private (ItemOutcome, Evidence, Occurrence?) NotFound(CompiledItem item, Occurrence? after, string reason)
    {
        var low = LowConfidenceSegmentsInWindow(item.Item, after);
        if (low > 0)
        {
            return (ItemOutcome.Uncertain, Evidence.Because($"{reason}; {Reasons.Count(low, "low-confidence segment")} in that window may hide it"), null);
        }

        return (ItemOutcome.Failed, Evidence.Because(reason), null);
    }

    private static string OnlyLowConfidence(Occurrence occurrence) =>
        $"heard only in low-confidence speech (confidence {Reasons.Number(occurrence.Segment.Confidence ?? 0)})";

    /// <summary>Why nothing counted: said outside the window, or the closest thing that was said.</summary>
    private string Hint(CompiledItem item, SearchResult found, CompiledPhrase[] phrases)
    {
        if (found.Unconstrained is { } outside)
        {
            return $" ({Reasons.Quote(outside.Text)} said at {Reasons.Seconds(outside.Start)})";
        }

        if (phrases.Length == 0)
        {
            return string.Empty;
        }

        // First pass: the cheap bit-parallel distance bounds each segment's similarity; only the most promising
        // segment and phrase get the exact (quadratic) similarity.
        SegmentView? bestSegment = null;
        CompiledPhrase? bestPhrase = null;
        var bestBound = NearMissFloor;
        foreach (var segment in call.Segments)
        {
            if (!segment.Serves(item.Item.Speaker))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                var k = PhraseMatcher.MinDistance(phrase, segment.Canonical.Text);
                var bound = 1.0 - ((double)k / (phrase.Text.Length + k));
                if (bound > bestBound)
                {
                    (bestBound, bestSegment, bestPhrase) = (bound, segment, phrase);
                }
            }
        }

        Occurrence? best = null;
        if (bestSegment is not null && bestPhrase is not null
            && matcher.BestCandidate(bestPhrase, bestSegment.Canonical.Text, NearMissFloor) is { } candidate)
        {
            var (start, end) = bestSegment.Canonical.ToSource(candidate.Start, candidate.End);
            var (t0, t1) = bestSegment.TimesOf(start, end);
            best = new Occurrence(bestSegment, start, end, t0, t1, candidate.Similarity, bestPhrase.Original, null);
        }

        return best is null
            ? string.Empty
            : $"; closest: {Reasons.Quote(best.Text)} at {Reasons.Seconds(best.Start)}, similarity {Reasons.Number(best.Similarity)} (needs {Reasons.Number(matcher.Threshold)})";
    }

    private static string Window(CompiledItem item, Occurrence? after)
    {
        var parts = new List<string>(3);
        if (item.Item.Within is { } within)
        {
            parts.Add($"within {Reasons.Limit(within)}");
        }

        if (item.Item.InLast is { } inLast)
        {
            parts.Add($"in the last {Reasons.Limit(inLast)}");
        }

        if (after is not null)
        {
            parts.Add($"after {item.Item.After} at {Reasons.Seconds(after.Start)}");
        }

        return parts.Count == 0 ? string.Empty : " " + string.Join(" and ", parts);
    }

    private bool Satisfies(ChecklistItem item, Occurrence occurrence, Occurrence? after)
    {
        if (item.Within is { } within && occurrence.Start > within.TotalSeconds + Epsilon)
        {
            return false;
        }

        if (item.InLast is { } inLast && occurrence.Start < call.End - inLast.TotalSeconds - Epsilon)
        {
            return false;
        }

        return after is null || after.IsBefore(occurrence);
    }

    private int LowConfidenceSegmentsInWindow(ChecklistItem item, Occurrence? after)
    {
        var count = 0;
        foreach (var segment in call.Segments)
        {
            var s = segment.Segment;
            if (!segment.IsLowConfidence || !segment.Serves(item.Speaker)
                || (item.Within is { } within && s.Start > within.TotalSeconds + Epsilon)
                || (item.InLast is { } inLast && s.End < call.End - inLast.TotalSeconds - Epsilon)
                || (after is not null && s.End < after.Start))
            {
                continue;
            }

            count++;
        }

        return count;
    }

    /// <summary>The earliest occurrences of any of <paramref name="phrases"/> (or of <paramref name="pattern"/>) in the item's speaker's segments.</summary>
    private SearchResult Search(CompiledItem item, CompiledPhrase[]? phrases, Regex? pattern, Occurrence? after)
    {
        Occurrence? confident = null;
        Occurrence? low = null;
        Occurrence? unconstrained = null;

        void Consider(SegmentView segment, int start, int end, double similarity, string? phrase, string? agent)
        {
            var (t0, t1) = segment.TimesOf(start, end);
            var occurrence = new Occurrence(segment, start, end, t0, t1, similarity, phrase, agent);
            unconstrained = Occurrence.Earlier(unconstrained, occurrence);
            if (!Satisfies(item.Item, occurrence, after))
            {
                return;
            }

            if (segment.IsLowConfidence)
            {
                low = Occurrence.Earlier(low, occurrence);
            }
            else
            {
                confident = Occurrence.Earlier(confident, occurrence);
            }
        }

        foreach (var segment in call.Segments)
        {
            if (!segment.Serves(item.Item.Speaker))
            {
                continue;
            }

            // Segments come in start order: nothing later can beat a confident match already found.
            if (confident is not null && segment.Segment.Start > confident.Start)
            {
                break;
            }

            if (pattern is not null)
            {
                SearchPattern(segment, pattern, Consider);
                continue;
            }

            var canonical = segment.Canonical;
            foreach (var phrase in phrases!)
            {
                _hits.Clear();
                matcher.FindAll(phrase, canonical.Text, _hits);
                for (var h = 0; h < _hits.Count; h++)
                {
                    var (start, end) = canonical.ToSource(_hits[h].Start, _hits[h].End);
                    Consider(segment, start, end, _hits[h].Similarity, phrase.Original, null);
                }
            }
        }

        if (confident is not null && unconstrained is not null && confident.IsBefore(unconstrained))
        {
            unconstrained = confident;
        }

        return new SearchResult(confident, low, unconstrained);
    }

    private static void SearchPattern(SegmentView segment, Regex pattern, Action<SegmentView, int, int, double, string?, string?> consider)
    {
        try
        {
            for (var m = pattern.Match(segment.Segment.Text); m.Success; m = m.NextMatch())
            {
                var agent = m.Groups["agent"] is { Success: true, Length: > 0 } group ? group.Value.ToLowerInvariant() : null;
                consider(segment, m.Index, m.Index + m.Length, 1.0, null, agent);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern on this segment: treat it as not matching rather than failing the whole call.
        }
    }
}
