using QaShopper.Audio;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>Decodes one utterance of one channel into a transcript segment, with spotted hints merged in.</summary>
internal sealed class UtteranceTranscriber(
    PocketsphinxDecoder decoder,
    bool spotHints,
    IReadOnlyList<string[]>? watched = null,
    IReadOnlyDictionary<string, string>? compounds = null)
{
    /// <summary>
    /// Audio kept before a detected span: the detector starts on energy, so weak initial consonants (the "th" of
    /// "thank you", "thanks") fall just before it and the decoder hears "can you", "chimps".
    /// </summary>
    public const double LeadIn = 0.2;

    /// <summary>
    /// The spotter's detection score a watched (forbidden) phrase needs to count. Measured on eval seed 7: true
    /// "not my problem" scored 0.95-1.0; "i don't know" spotted falsely in "(order|mobile) number please" scored
    /// 0.84 three times, above the 0.8-0.9 of true checklist hits, so the bar for phrases that fail a call is higher.
    /// </summary>
    public const double WatchedDetectionFloor = 0.9;

    /// <summary>
    /// A forbidden phrase the n-gram decode heard on its own (the domain model is never biased towards forbidden
    /// phrases) counts when the spotter also finds it at this score: two independent searches agreeing. A true
    /// "i don't know" at the start of an utterance scores below <see cref="WatchedDetectionFloor"/>.
    /// </summary>
    public const double WatchedAgreementFloor = 0.5;

    /// <summary>Audio kept after a detected span, for weak final consonants.</summary>
    public const double LeadOut = 0.1;

    /// <summary>The segment for <paramref name="span"/> of <paramref name="speech"/> (16 kHz), or null when nothing was recognised.</summary>
    public TranscriptSegment? Transcribe(AudioClip speech, SpeechSpan span, Speaker speaker)
    {
        var first = Math.Clamp((int)Math.Round((span.Start - LeadIn) * speech.SampleRate), 0, speech.Samples.Length);
        var last = Math.Clamp((int)Math.Round((span.End + LeadOut) * speech.SampleRate), first, speech.Samples.Length);
        var offset = (double)first / speech.SampleRate;
        var pcm = new short[last - first];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = Pcm.ToShort(speech.Samples[first + i]);
        }

        var words = WordCleaner.Clean(decoder.Transcribe(pcm), ConfidenceMap.FromPosterior);
        if (spotHints)
        {
            var spotted = WordCleaner.Clean(decoder.Spot(pcm), ConfidenceMap.FromDetection);
            if (watched is { Count: > 0 })
            {
                var weak = spotted.Where(s => s.Confidence < WatchedDetectionFloor && IsWatched(s)).ToList();
                spotted.RemoveAll(s => s.Confidence < WatchedDetectionFloor && IsWatched(s));
                words = HintMerger.ConfirmOnly(words, weak.Where(s => s.Confidence >= WatchedAgreementFloor).ToList());
            }

            words = HintMerger.Merge(words, spotted);
        }

        if (watched is { Count: > 0 })
        {
            words = HintMerger.DoubtUnconfirmed(words, watched);
        }

        if (compounds is not null)
        {
            words = CompoundWords.Join(words, compounds);
        }

        if (words.Count == 0)
        {
            return null;
        }

        var timed = words.Select(w => new TranscriptWord(w.Text, Round(Math.Clamp(offset + w.Start, span.Start, span.End)), Round(Math.Clamp(offset + w.End, span.Start, span.End)), Round(w.Confidence), w.Unconfirmed)).ToList();
        return new TranscriptSegment(
            speaker,
            Round(span.Start),
            Round(span.End),
            string.Join(' ', words.Select(w => w.Text)),
            ConfidenceMap.ForSegment(words) is { } confidence ? Round(confidence) : null,
            timed);
    }

    private static double Round(double value) => Math.Round(value, 3);

    private bool IsWatched(RecognizedWord spotted) => watched!.Any(w => string.Join(' ', w) == spotted.Text);
}
