using QaShopper.Audio;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>Decodes one utterance of one channel into a transcript segment, with spotted hints merged in.</summary>
internal sealed class UtteranceTranscriber(PocketsphinxDecoder decoder, bool spotHints)
{
    /// <summary>The segment for <paramref name="span"/> of <paramref name="speech"/> (16 kHz), or null when nothing was recognised.</summary>
    public TranscriptSegment? Transcribe(AudioClip speech, SpeechSpan span, Speaker speaker)
    {
        var first = Math.Clamp((int)Math.Round(span.Start * speech.SampleRate), 0, speech.Samples.Length);
        var last = Math.Clamp((int)Math.Round(span.End * speech.SampleRate), first, speech.Samples.Length);
        var pcm = new short[last - first];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = Pcm.ToShort(speech.Samples[first + i]);
        }

        var words = WordCleaner.Clean(decoder.Transcribe(pcm), ConfidenceMap.FromPosterior);
        if (spotHints)
        {
            var spotted = WordCleaner.Clean(decoder.Spot(pcm), ConfidenceMap.FromDetection);
            words = HintMerger.Merge(words, spotted);
        }

        if (words.Count == 0)
        {
            return null;
        }

        var timed = words.Select(w => new TranscriptWord(w.Text, Round(span.Start + w.Start), Round(span.Start + w.End), Round(w.Confidence))).ToList();
        return new TranscriptSegment(
            speaker,
            Round(span.Start),
            Round(span.End),
            string.Join(' ', words.Select(w => w.Text)),
            ConfidenceMap.ForSegment(words) is { } confidence ? Round(confidence) : null,
            timed);
    }

    private static double Round(double value) => Math.Round(value, 3);
}
