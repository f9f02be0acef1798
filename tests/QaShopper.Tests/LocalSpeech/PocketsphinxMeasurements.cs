using System.Diagnostics;
using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>
/// The measurements behind the recogniser's settings (WER per voice, confidence distribution, keyphrase recall and
/// false alarms, speed). Explicit: about a minute of CPU; run with --filter FullyQualifiedName~PocketsphinxMeasurements.
/// </summary>
[Explicit("measurement, about a minute of CPU")]
[Category("Measurement")]
public sealed class PocketsphinxMeasurements
{
    internal static readonly (Speaker, string)[] Lines =
    [
        (Speaker.Agent, "Thank you for calling Acme Bank, my name is Sarah, how can I help you today?"),
        (Speaker.Caller, "Hi, I would like to know your opening hours on Saturday."),
        (Speaker.Agent, "Our downtown branch opens at nine on Saturday and closes at one."),
        (Speaker.Caller, "Great, thank you. That's all I needed."),
        (Speaker.Agent, "Is there anything else I can help you with?"),
        (Speaker.Agent, "Thank you for calling, have a nice day."),
    ];

    internal static readonly string[] PresentPhrases = ["thank you for calling acme bank", "my name is", "anything else", "have a nice day"];

    internal static readonly string[] AbsentPhrases = ["welcome to brightmart", "i don't know", "calm down", "not my problem", "nine am to one pm", "please hold"];

    [TestCase("rms")]
    [TestCase("awb")]
    [TestCase("kal16")]
    [TestCase("slt")]
    public async Task Measure_Voice(string voice)
    {
        using var temp = new TempDirectory();
        var path = temp.File("call.wav");
        var truth = PhoneCall.Write(temp, path, voice, Lines);
        using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1 });
        foreach (var hints in new[] { false, true })
        {
            string[] phrases = hints ? [.. PresentPhrases, .. AbsentPhrases] : [];
            var timer = Stopwatch.StartNew();
            var transcript = await transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, 1.0, "en-US", phrases));
            var seconds = timer.Elapsed.TotalSeconds;
            int errors = 0, words = 0;
            var correct = new List<double>();
            var wrong = new List<double>();
            foreach (var line in truth)
            {
                var reference = WordErrorRate.Words(line.Text);
                var segments = line.HeardIn(transcript).Where(s => s.Speaker == line.Speaker).ToList();
                var hypothesis = segments.SelectMany(s => WordErrorRate.Words(s.Text)).ToArray();
                var lineErrors = WordErrorRate.Errors(reference, hypothesis);
                errors += lineErrors;
                words += reference.Length;
                foreach (var word in segments.SelectMany(s => s.Words ?? []).Where(w => w.Confidence is not null))
                {
                    (reference.Contains(word.Text) ? correct : wrong).Add(word.Confidence!.Value);
                }

                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wer={(double)lineErrors / reference.Length:F2} {line.Speaker} [{line.Start:F2}-{line.End:F2}] {line.Text}\n    => {string.Join(" | ", segments.Select(s => $"[{s.Start:F2}-{s.End:F2} c={s.Confidence:F2}] {s.Text}"))}"));
            }

            var agentText = " " + string.Join(" ", transcript.Segments.Where(s => s.Speaker == Speaker.Agent).Select(s => string.Join(' ', WordErrorRate.Words(s.Text)))) + " ";
            var found = PresentPhrases.Count(p => agentText.Contains(" " + p + " ", StringComparison.Ordinal));
            var falseAlarms = AbsentPhrases.Where(p => agentText.Contains(" " + p + " ", StringComparison.Ordinal)).ToList();
            var audio = truth.Sum(l => l.End - l.Start);
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{voice} hints={hints}: WER {100.0 * errors / words:F1}% ({errors}/{words}), phrases found {found}/{PresentPhrases.Length}, false alarms [{string.Join(", ", falseAlarms)}], " +
                $"{seconds:F2} s for {audio:F1} s of speech (RTF {seconds / audio:F2}) and {transcript.Duration:F1} s of call (RTF {seconds / transcript.Duration:F2})"));
            TestContext.Out.WriteLine($"  correct word confidences: {Summary(correct)}");
            TestContext.Out.WriteLine($"  wrong word confidences:   {Summary(wrong)}");
        }
    }

    private static string Summary(List<double> values)
    {
        if (values.Count == 0)
        {
            return "none";
        }

        values.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={values.Count} min {values[0]:F2} p10 {values[values.Count / 10]:F2} median {values[values.Count / 2]:F2} below0.6 {values.Count(v => v < 0.6)} [{string.Join(' ', values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))}]");
    }
}
