using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>
/// Whether pocketsphinx hears espeak-ng at all over a phone line. The word error rate is printed, never bounded: the
/// held-out agents speak these voices, and a bound here would invite tuning the recogniser on them.
/// </summary>
[NonParallelizable]
public sealed class EspeakTranscriptionTests
{
    [TestCase("espeak:en-gb+f2")]
    [TestCase("espeak:en-us+m3")]
    [TestCase("espeak:en-gb-scotland+f4")]
    [TestCase("rms", Description = "flite's best voice on the same lines, for comparison")]
    public async Task Transcribe_EspeakCallOverAPhoneLine_SomeWordsAreRecognised(string voice)
    {
        Assume.That(voice.StartsWith("espeak:", StringComparison.Ordinal) ? PhoneCall.EspeakInstalled : PhoneCall.FliteInstalled,
            "the engine is not installed (the setup script installs flite and espeak-ng)");
        using var temp = new TempDirectory();
        var path = temp.File("call.wav");
        var truth = PhoneCall.Write(temp, path, voice, PocketsphinxMeasurements.Lines);
        using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1 });

        // No hints: the plain recogniser, as PocketsphinxMeasurements measures the flite voices.
        var transcript = await transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, 1.0, "en-US", []));

        var reference = truth.SelectMany(l => WordErrorRate.Words(l.Text)).ToArray();
        var hypothesis = transcript.Segments.SelectMany(s => WordErrorRate.Words(s.Text)).ToArray();
        var wer = (double)WordErrorRate.Errors(reference, hypothesis) / reference.Length;
        var recognised = hypothesis.Intersect(reference, StringComparer.Ordinal).Count();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{voice}: word error rate {wer:P1} ({reference.Length} reference words, {recognised} distinct recognised)\n  heard: {string.Join(' ', hypothesis)}"));

        Assert.That(recognised, Is.GreaterThanOrEqualTo(3), string.Join(' ', hypothesis));
    }
}
