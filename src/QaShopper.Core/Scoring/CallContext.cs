using QaShopper.Core.Scenarios;
using QaShopper.Core.Text;
using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Scoring;

/// <summary>A transcript segment prepared for scoring: canonicalised once per call, shared by every item.</summary>
internal sealed class SegmentView
{
    private readonly bool _characterMatching;
    private readonly double _minConfidence;
    private readonly double _exactPhraseMinConfidence;
    private CanonicalText? _canonical;
    private int[]? _wordStarts;

    public SegmentView(TranscriptSegment segment, int order, bool characterMatching, double minConfidence, double exactPhraseMinConfidence)
    {
        Segment = segment;
        Order = order;
        _characterMatching = characterMatching;
        _minConfidence = minConfidence;
        _exactPhraseMinConfidence = exactPhraseMinConfidence;
        Confidence = segment.Confidence ?? MeanWordConfidence(segment.Words);
    }

    public TranscriptSegment Segment { get; }

    /// <summary>Position in time order.</summary>
    public int Order { get; }

    /// <summary>The segment's confidence, else the mean of its words', else null (treated as fully confident).</summary>
    public double? Confidence { get; }

    public CanonicalText Canonical => _canonical ??= PhraseNormalizer.Normalize(Segment.Text, _characterMatching);

    public bool Serves(Speaker speaker) => speaker == Speaker.Any || speaker == Segment.Speaker;

    /// <summary>
    /// Confidence of the original-text span [start, end): the mean of its words' confidences when the recogniser gave
    /// word confidences (a phrase spotted inside a noisy utterance is as sure as its own words), else the segment's.
    /// </summary>
    public double? ConfidenceOf(int start, int end)
    {
        var words = Segment.Words;
        if (words is null || words.Count == 0)
        {
            return Confidence;
        }

        var offsets = _wordStarts ??= AlignWords(Segment.Text, words);
        double sum = 0;
        var count = 0;
        for (var w = 0; w < words.Count; w++)
        {
            var at = offsets[w];
            if (at >= 0 && at < end && at + words[w].Text.Length > start && words[w].Confidence is { } c)
            {
                sum += c;
                count++;
            }
        }

        return count == 0 ? Confidence : sum / count;
    }

    /// <summary>
    /// True when the span [start, end) rests on speech below the configured minimum confidence: the one for phrases
    /// heard word for word when <paramref name="exactPhrase"/>.
    /// </summary>
    public bool IsLowConfidenceAt(int start, int end, bool exactPhrase = false) =>
        (ConfidenceOf(start, end) ?? 1.0) < (exactPhrase ? _exactPhraseMinConfidence : _minConfidence);

    /// <summary>Times of the original-text span [start, end): its first and last word when word times are known.</summary>
    public (double Start, double End) TimesOf(int start, int end)
    {
        var words = Segment.Words;
        if (words is null || words.Count == 0)
        {
            return (Segment.Start, Segment.End);
        }

        var offsets = _wordStarts ??= AlignWords(Segment.Text, words);
        int first = -1, last = -1;
        for (var w = 0; w < words.Count; w++)
        {
            var at = offsets[w];
            if (at < 0)
            {
                continue;
            }

            var wordEnd = at + words[w].Text.Length;
            if (at < end && wordEnd > start)
            {
                if (first < 0)
                {
                    first = w;
                }

                last = w;
            }
        }

        return first < 0 ? (Segment.Start, Segment.End) : (words[first].Start, words[last].End);
    }

    /// <summary>Where each recognised word sits in the segment text (-1 when it cannot be found).</summary>
    private static int[] AlignWords(string text, IReadOnlyList<TranscriptWord> words)
    {
        var offsets = new int[words.Count];
        var cursor = 0;
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w].Text.Trim();
            var at = word.Length == 0 ? -1 : text.IndexOf(word, cursor, StringComparison.OrdinalIgnoreCase);
            offsets[w] = at;
            if (at >= 0)
            {
                cursor = at + word.Length;
            }
        }

        return offsets;
    }

    private static double? MeanWordConfidence(IReadOnlyList<TranscriptWord>? words)
    {
        if (words is null)
        {
            return null;
        }

        double sum = 0;
        var count = 0;
        foreach (var w in words)
        {
            if (w.Confidence is { } c)
            {
                sum += c;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}

/// <summary>One call being scored: its segments in time order and the end of its time line.</summary>
internal sealed class CallContext
{
    public CallContext(Transcript transcript, bool characterMatching, ScoringOptions options)
    {
        var (minConfidence, exactPhraseMinConfidence) = (options.MinConfidence, options.ExactPhraseMinConfidence);
        ReliableSpeechConfidence = options.ReliableSpeechConfidence;
        CriticalNearMissFloor = options.CriticalNearMissFloor;
        MisheardSimilarity = options.MisheardSimilarity;
        ReliableCallConfidence = options.ReliableCallConfidence;
        Transcript = transcript;
        var ordered = transcript.Segments
            .Select((s, i) => (Segment: s, Index: i))
            .OrderBy(p => p.Segment.Start)
            .ThenBy(p => p.Index)
            .ToArray();
        Segments = new SegmentView[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            Segments[i] = new SegmentView(ordered[i].Segment, i, characterMatching, minConfidence, exactPhraseMinConfidence);
        }

        CharacterMatching = characterMatching;
        End = transcript.End;
    }

    /// <summary>Whether phrases are compared by characters (Chinese, Japanese) rather than words.</summary>
    public bool CharacterMatching { get; }

    public Transcript Transcript { get; }

    public SegmentView[] Segments { get; }

    /// <summary>The end of the call, seconds from the answer.</summary>
    public double End { get; }

    /// <summary>See <see cref="ScoringOptions.ReliableSpeechConfidence"/>.</summary>
    public double ReliableSpeechConfidence { get; }

    /// <summary>See <see cref="ScoringOptions.CriticalNearMissFloor"/>.</summary>
    public double CriticalNearMissFloor { get; }

    /// <summary>See <see cref="ScoringOptions.MisheardSimilarity"/>.</summary>
    public double MisheardSimilarity { get; }

    /// <summary>See <see cref="ScoringOptions.ReliableCallConfidence"/>.</summary>
    public double ReliableCallConfidence { get; }

    /// <summary>
    /// The mean confidence of the words <paramref name="speaker"/> said in the call, or null when the recogniser gave
    /// none (typed or imported transcripts). A segment without word confidences counts its own confidence once per
    /// word; one without any counts as heard fully, as everywhere else in scoring. Unconfirmed words of a forbidden
    /// phrase are left out: their confidence is a cap that doubts that phrase, and counted here it would make one
    /// doubted phrase a reason to doubt every missing phrase of the call.
    /// </summary>
    public double? MeanConfidence(Speaker speaker)
    {
        // Asked once per absent item: work it out once per speaker and call.
        if (!_meanConfidence.TryGetValue(speaker, out var mean))
        {
            mean = ComputeMeanConfidence(speaker);
            _meanConfidence[speaker] = mean;
        }

        return mean;
    }

    private readonly Dictionary<Speaker, double?> _meanConfidence = [];

    private double? ComputeMeanConfidence(Speaker speaker)
    {
        double sum = 0;
        var count = 0;
        var anyConfidence = false;
        foreach (var view in Segments)
        {
            if (!view.Serves(speaker))
            {
                continue;
            }

            var words = view.Segment.Words;
            if (words is { Count: > 0 } && words.Any(w => w.Confidence is not null))
            {
                anyConfidence = true;
                foreach (var word in words.Where(w => !w.Unconfirmed))
                {
                    sum += word.Confidence ?? 1.0;
                    count++;
                }
            }
            else
            {
                var n = view.Segment.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                anyConfidence |= view.Segment.Confidence is not null;
                sum += (view.Segment.Confidence ?? 1.0) * n;
                count += n;
            }
        }

        return anyConfidence && count > 0 ? sum / count : null;
    }
}
