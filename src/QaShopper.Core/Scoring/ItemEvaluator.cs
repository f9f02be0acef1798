using System.Text.RegularExpressions;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Text;

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

    /// <summary>
    /// How close a low-confidence candidate must be to make a missing phrase uncertain instead of failed: an almost-match
    /// may be the phrase misheard; wrong information often merely resembles the right one (eval seed 7: near misses at
    /// 0.63-0.71 were four wrong answers and two right ones).
    /// </summary>
    private const double UncertainNearMissFloor = 0.75;

    private readonly List<PhraseMatch> _hits = new(8);

    /// <summary>
    /// The item's outcome, its evidence and the match chosen. <c>Absent</c> marks a fail that rests only on the phrase
    /// not being found: <see cref="Doubt"/> decides afterwards whether the speech where it belonged was heard well enough.
    /// </summary>
    public (ItemOutcome Outcome, Evidence Evidence, Occurrence? Chosen, bool Absent) Evaluate(CompiledItem item, Occurrence? after)
    {
        _absent = false;
        var (outcome, evidence, chosen) = item.Item.Check switch
        {
            AnyPhraseCheck => Positive(item, OrByTail(item, Search(item, item.Flat, null, after), after), after, $"no {item.Item.Id} phrase"),
            RegexCheck => Positive(item, Search(item, null, item.Pattern, after), after, $"no match for /{item.Pattern}/"),
            AllPhrasesCheck => All(item, after),
            NoPhraseCheck => None(item, after),
            _ => (ItemOutcome.NotApplicable, Evidence.Because("not a phrase item"), null),
        };
        return (outcome, evidence, chosen, _absent && outcome == ItemOutcome.Failed);
    }

    /// <summary>
    /// Why a fail by absence is not trustworthy, or null when it is. The phrase is missing from the speaker's speech
    /// between <paramref name="from"/> and <paramref name="to"/> (where the checklist's order and the item's window put
    /// it). That absence is evidence only if nothing there could be the phrase misheard: an utterance that partly
    /// resembles the phrase (<see cref="ScoringOptions.MisheardSimilarity"/>) in speech recognised below
    /// <see cref="ScoringOptions.ReliableSpeechConfidence"/> may be it. A critical item fails the whole call, so a near
    /// miss anywhere, however clearly heard (<see cref="ScoringOptions.CriticalNearMissFloor"/>), is doubt enough too.
    /// (Any unclear utterance at all was tried for critical items and dropped: on the tuning set it sent every critical
    /// item the agent truly got wrong to review, since a long stretch of a call nearly always holds one.)
    /// </summary>
    public string? Doubt(CompiledItem item, Evidence evidence, double from, double to)
    {
        var phrases = item.Flat.Length > 0 ? item.Flat : [.. item.Groups.SelectMany(g => g)];
        foreach (var segment in call.Segments)
        {
            if (!segment.Serves(item.Item.Speaker) || segment.Segment.End <= from + Epsilon || segment.Segment.Start >= to - Epsilon
                || string.IsNullOrWhiteSpace(segment.Segment.Text))
            {
                continue;
            }

            if (Resemblance(segment, phrases) is { } candidate && candidate.Similarity >= call.MisheardSimilarity
                && (candidate.Confidence ?? 1.0) < call.ReliableSpeechConfidence)
            {
                return $"{Reasons.Quote(candidate.Text)} at {Reasons.Seconds(candidate.Start)} resembles it (similarity {Reasons.Number(candidate.Similarity)}) " +
                    $"in unclear speech (confidence {Reasons.Number(candidate.Confidence ?? 0)}): it may have been said and misheard";
            }
        }

        if (item.Item.Critical && (evidence.Closest?.Similarity ?? Max(evidence.Matches?.Select(m => m.Closest?.Similarity))) is { } near && near >= call.CriticalNearMissFloor)
        {
            return $"a critical item does not fail on a near miss (similarity {Reasons.Number(near)}): it may have been said and misheard";
        }

        return null;
    }

    /// <summary>The stretch of <paramref name="segment"/> most like any of <paramref name="phrases"/>, however unlike.</summary>
    private Occurrence? Resemblance(SegmentView segment, CompiledPhrase[] phrases)
    {
        Occurrence? best = null;
        foreach (var phrase in phrases)
        {
            if (matcher.BestCandidate(phrase, segment.Canonical.Text, 0.0) is { } candidate && candidate.Similarity > (best?.Similarity ?? -1))
            {
                var (start, end) = segment.Canonical.ToSource(candidate.Start, candidate.End);
                var (t0, t1) = segment.TimesOf(start, end);
                best = new Occurrence(segment, start, end, t0, t1, candidate.Similarity, phrase.Original, null);
            }
        }

        return best;
    }

    private static double? Max(IEnumerable<double?>? values) => values?.Where(v => v is not null).DefaultIfEmpty(null).Max();

    private bool _absent;

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

        var closest = found.Unconstrained is null ? ClosestNearMiss(item, item.Flat) : null;
        var reason = missing + Window(item, after) + Hint(found, closest);
        var (outcome, evidence, chosen) = NotFound(item, after, reason, closest);

        // Said, but outside the item's window: that is evidence, not an absence.
        _absent &= found.Unconstrained is null;
        return (outcome, evidence with { Heard = HeardWhere(item, after, found.Unconstrained ?? closest), Closest = (found.Unconstrained ?? closest)?.ToEvidence() }, chosen);
    }

    /// <summary>When no phrase was found whole, the phrases found by their tail at the start of an utterance (see <see cref="TailPhrase"/>).</summary>
    private SearchResult OrByTail(CompiledItem item, SearchResult whole, Occurrence? after)
    {
        if (whole.Best is not null || item.Tails.Length == 0)
        {
            return whole;
        }

        var byTail = Search(item, null, null, after, item.Tails);
        return byTail.Best is null ? whole : byTail with { Unconstrained = whole.Unconstrained ?? byTail.Unconstrained };
    }

    private (ItemOutcome, Evidence, Occurrence?) All(CompiledItem item, Occurrence? after)
    {
        var matches = new List<Evidence>(item.Groups.Length);
        var missing = new List<string>();
        var anyLow = false;
        Occurrence? closestLow = null;
        Occurrence? first = null;
        double? last = null;
        for (var g = 0; g < item.Groups.Length; g++)
        {
            var group = item.Groups[g];
            var found = Search(item, group, null, after);
            if (found.Best is not { } best)
            {
                var phrase = group.Length > 0 ? group[0].Original : "?";
                missing.Add(Reasons.Quote(phrase));
                var near = found.Unconstrained ?? ClosestNearMiss(item, group);
                if (found.Unconstrained is null && near is { IsLowConfidence: true })
                {
                    closestLow ??= near;
                }

                matches.Add(new Evidence { Phrase = phrase, Reason = $"{Reasons.Quote(phrase)} not said", Closest = near?.ToEvidence() });
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
            var (outcome, evidence, _) = NotFound(item, after, reason, closestLow);
            return (outcome, evidence with { Matches = matches, Heard = HeardWhere(item, after, closestLow) }, null);
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
        Occurrence? low = null;
        foreach (var phrase in item.Flat)
        {
            low = Occurrence.Earlier(low, Search(item, [phrase], null, after).LowConfidence);
        }

        var said = EverySaid(item, after);
        if (said.Count > 0)
        {
            // The first one said leads (its text and times, as before); every one is listed, so a reviewer sees them all.
            var reason = "said " + string.Join(", ", said.Select(o => $"{Reasons.Quote(o.Text)} at {Reasons.Seconds(o.Start)}"));
            var evidence = said[0].ToEvidence() with { Reason = reason };
            return (ItemOutcome.Failed, said.Count > 1 ? evidence with { Matches = [.. said.Select(o => o.ToEvidence())] } : evidence, null);
        }

        if (low is not null)
        {
            var reason = $"may have said {Reasons.Quote(low.Text)} at {Reasons.Seconds(low.Start)}: {OnlyLowConfidence(low)}";
            return (ItemOutcome.Uncertain, low.ToEvidence() with { Reason = reason }, null);
        }

        return (ItemOutcome.Passed, Evidence.Because("none of the phrases was said" + Window(item, after)), null);
    }

    /// <summary>
    /// Not found. When the closest thing said lies in low-confidence speech inside the item's window, the phrase
    /// may have been said and misrecognised: the item is uncertain rather than failed, so low confidence never
    /// fails a call on its own. Low-confidence speech that resembles none of the phrases does not excuse a miss.
    /// </summary>
    private (ItemOutcome, Evidence, Occurrence?) NotFound(CompiledItem item, Occurrence? after, string reason, Occurrence? closest)
    {
        if (closest is { IsLowConfidence: true } near && near.Similarity >= UncertainNearMissFloor && Satisfies(item.Item, near, after))
        {
            if (OtherNumbers(near) is { Count: > 0 } numbers)
            {
                var (outcome, why) = OtherNumbersOutcome(near, numbers);
                return (outcome, near.ToEvidence() with { Reason = $"{reason}; {why}" }, null);
            }

            return (ItemOutcome.Uncertain, near.ToEvidence() with { Reason = $"{reason}; the closest candidate was {OnlyLowConfidence(near)}" }, null);
        }

        if (closest is { IsLowConfidence: false } heard && heard.Similarity >= NearMissFloor && Satisfies(item.Item, heard, after)
            && OtherNumbers(heard) is { Count: > 0 } stated)
        {
            // Heard clearly, other numbers: that is contrary information, not a missing phrase; unless they are the
            // right numbers with a spoken word lost or swapped.
            var (outcome, why) = OtherNumbersOutcome(heard, stated);
            return (outcome, Evidence.Because($"{reason}; {why}"), null);
        }

        _absent = true;
        return (ItemOutcome.Failed, Evidence.Because(reason), null);
    }

    /// <summary>
    /// The numbers a near miss states where its phrase states different ones ("ten to fourteen working days" for
    /// "5 to 7 working days"), else empty. Numbers are the information a phrase like that checks: an agent heard
    /// giving other numbers gave other information, which is a fail rather than a possible mishearing of the phrase
    /// (eval seed 8: the wrong replacement time, decoded word for word at confidence 0.51, was left uncertain).
    /// </summary>
    private IReadOnlyList<string> OtherNumbers(Occurrence near)
    {
        if (near.Phrase is null || call.CharacterMatching)
        {
            return [];
        }

        var expected = ExpectedNumbers(near).ToHashSet(StringComparer.Ordinal);
        if (expected.Count == 0)
        {
            return [];
        }

        return [.. NumberTokens(PhraseNormalizer.Canonical(near.Text, characterMatching: false)).Where(n => !expected.Contains(n)).Distinct(StringComparer.Ordinal)];
    }

    private static List<string> ExpectedNumbers(Occurrence near) =>
        near.Phrase is null ? [] : NumberTokens(PhraseNormalizer.Canonical(near.Phrase, characterMatching: false));

    /// <summary>Other numbers fail the item as other information, unless they may be its own misheard (<see cref="MisheardNumbers"/>).</summary>
    private static (ItemOutcome Outcome, string Why) OtherNumbersOutcome(Occurrence near, IReadOnlyList<string> stated)
    {
        var expected = ExpectedNumbers(near);
        return MisheardNumbers.MayBeMisheard(stated, expected)
            ? (ItemOutcome.Uncertain, $"the closest candidate states {string.Join(", ", stated)} where the phrase has {string.Join(", ", expected)}, " +
                "which sound partly alike (a spoken word lost or swapped): it may have been said and misheard")
            : (ItemOutcome.Failed, $"the closest candidate states other numbers ({string.Join(", ", stated)})");
    }

    private static List<string> NumberTokens(string canonical) =>
        [.. canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => char.IsAsciiDigit(t[0]))];

    private static string OnlyLowConfidence(Occurrence occurrence) =>
        $"heard only in low-confidence speech (confidence {Reasons.Number(occurrence.Confidence ?? 0)})";

    /// <summary>Why nothing counted: said outside the window, or the closest thing that was said.</summary>
    private string Hint(SearchResult found, Occurrence? closest)
    {
        if (found.Unconstrained is { } outside)
        {
            return $" ({Reasons.Quote(outside.Text)} said at {Reasons.Seconds(outside.Start)})";
        }

        return closest is null
            ? string.Empty
            : $"; closest: {Reasons.Quote(closest.Text)} at {Reasons.Seconds(closest.Start)}, similarity {Reasons.Number(closest.Similarity)} (needs {Reasons.Number(matcher.Threshold)})";
    }

    /// <summary>The most similar thing the item's speaker said to any of <paramref name="phrases"/>, above <see cref="NearMissFloor"/>.</summary>
    private Occurrence? ClosestNearMiss(CompiledItem item, CompiledPhrase[] phrases)
    {
        if (phrases.Length == 0)
        {
            return null;
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

        return best;
    }

    /// <summary>
    /// Every confident occurrence of any of the item's phrases that satisfies its constraints, in the order said; where
    /// two phrases match overlapping words ("calm down", "just calm down") only the first found is kept.
    /// </summary>
    private List<Occurrence> EverySaid(CompiledItem item, Occurrence? after)
    {
        var said = new List<Occurrence>();
        foreach (var segment in call.Segments)
        {
            if (!segment.Serves(item.Item.Speaker))
            {
                continue;
            }

            foreach (var phrase in item.Flat)
            {
                _hits.Clear();
                matcher.FindAll(phrase, segment.Canonical.Text, _hits);
                for (var h = 0; h < _hits.Count; h++)
                {
                    var (start, end) = segment.Canonical.ToSource(_hits[h].Start, _hits[h].End);
                    var (t0, t1) = segment.TimesOf(start, end);
                    var occurrence = new Occurrence(segment, start, end, t0, t1, _hits[h].Similarity, phrase.Original, null);
                    if (!occurrence.IsLowConfidence && Satisfies(item.Item, occurrence, after)
                        && !said.Any(o => ReferenceEquals(o.Segment, segment) && o.SourceStart < end && start < o.SourceEnd))
                    {
                        said.Add(occurrence);
                    }
                }
            }
        }

        said.Sort((a, b) => a.IsBefore(b) ? -1 : b.IsBefore(a) ? 1 : 0);
        return said;
    }

    /// <summary>
    /// What the item's speaker said where the phrase should have been: the first utterance after the item it follows,
    /// the last one in an <c>in_last</c> window, the first one in a <c>within</c> window, else the utterance holding
    /// the closest candidate; null when the speaker said nothing there.
    /// </summary>
    private Evidence? HeardWhere(CompiledItem item, Occurrence? after, Occurrence? closest)
    {
        var spoken = call.Segments.Where(s => s.Serves(item.Item.Speaker) && !string.IsNullOrWhiteSpace(s.Segment.Text)).ToList();
        SegmentView? segment = null;
        if (after is not null)
        {
            segment = spoken.FirstOrDefault(s => s.Segment.Start >= after.End - Epsilon && !ReferenceEquals(s, after.Segment))
                ?? (ReferenceEquals(spoken.LastOrDefault(), after.Segment) ? after.Segment : null);
        }
        else if (item.Item.InLast is { } inLast)
        {
            segment = spoken.LastOrDefault(s => s.Segment.End >= call.End - inLast.TotalSeconds - Epsilon);
        }
        else if (item.Item.Within is { } within)
        {
            segment = spoken.FirstOrDefault(s => s.Segment.Start <= within.TotalSeconds + Epsilon);
        }

        segment ??= closest?.Segment;
        return segment is null
            ? null
            : new Evidence { Speaker = segment.Segment.Speaker, Start = segment.Segment.Start, End = segment.Segment.End, Text = segment.Segment.Text.Trim() };
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

    /// <summary>The earliest occurrences of any of <paramref name="phrases"/> (or of <paramref name="pattern"/>) in the item's speaker's segments.</summary>
    private SearchResult Search(CompiledItem item, CompiledPhrase[]? phrases, Regex? pattern, Occurrence? after, TailPhrase[]? tails = null)
    {
        Occurrence? confident = null;
        Occurrence? low = null;
        Occurrence? unconstrained = null;

        void Consider(SegmentView segment, int start, int end, double similarity, string? phrase, string? agent, bool byTail)
        {
            var (t0, t1) = segment.TimesOf(start, end);
            var occurrence = new Occurrence(segment, start, end, t0, t1, similarity, phrase, agent, byTail);
            unconstrained = Occurrence.Earlier(unconstrained, occurrence);
            if (!Satisfies(item.Item, occurrence, after))
            {
                return;
            }

            if (occurrence.IsLowConfidence)
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
            if (tails is not null)
            {
                foreach (var tail in tails)
                {
                    _hits.Clear();
                    matcher.FindAll(tail.Tail, canonical.Text, _hits);
                    for (var h = 0; h < _hits.Count && WordsBefore(canonical.Text, _hits[h].Start) <= tail.HeadWords; h++)
                    {
                        var (start, end) = canonical.ToSource(_hits[h].Start, _hits[h].End);
                        Consider(segment, start, end, _hits[h].Similarity, tail.Phrase, null, true);
                    }
                }

                continue;
            }

            foreach (var phrase in phrases!)
            {
                _hits.Clear();
                matcher.FindAll(phrase, canonical.Text, _hits);
                for (var h = 0; h < _hits.Count; h++)
                {
                    var (start, end) = canonical.ToSource(_hits[h].Start, _hits[h].End);
                    Consider(segment, start, end, _hits[h].Similarity, phrase.Original, null, false);
                }
            }
        }

        if (confident is not null && unconstrained is not null && confident.IsBefore(unconstrained))
        {
            unconstrained = confident;
        }

        return new SearchResult(confident, low, unconstrained);
    }

    /// <summary>Words before a match at <paramref name="at"/>: canonical text is single-spaced and matches start on a word.</summary>
    private static int WordsBefore(string canonical, int at) => canonical.AsSpan(0, at).Count(' ');

    private static void SearchPattern(SegmentView segment, Regex pattern, Action<SegmentView, int, int, double, string?, string?, bool> consider)
    {
        try
        {
            for (var m = pattern.Match(segment.Segment.Text); m.Success; m = m.NextMatch())
            {
                var agent = m.Groups["agent"] is { Success: true, Length: > 0 } group ? group.Value.ToLowerInvariant() : null;
                consider(segment, m.Index, m.Index + m.Length, 1.0, null, agent, false);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern on this segment: treat it as not matching rather than failing the whole call.
        }
    }
}
