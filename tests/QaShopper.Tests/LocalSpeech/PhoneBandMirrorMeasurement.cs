using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>
/// The measurement behind <see cref="PocketsphinxOptions.PhoneBandMirrorGain"/>: every agent line of the simulated
/// call centre without numbers or other templates (54 lines), spoken in four flite voices through a phone line and
/// decoded without hints or domain model, so only the acoustic front end differs; prints the word error rate per voice
/// at each gain. Explicit: about fifteen minutes of CPU; run with --filter FullyQualifiedName~PhoneBandMirrorMeasurement.
/// </summary>
[Explicit("measurement, about fifteen minutes of CPU")]
[Category("Measurement")]
public sealed class PhoneBandMirrorMeasurement
{
    [Test]
    public async Task Measure_WordErrors_ByVoiceAndGain()
    {
        var lines = AgentLines();
        using var temp = new TempDirectory();
        foreach (var voice in new[] { "rms", "awb", "kal16", "slt" })
        {
            var path = temp.File($"{voice}.wav");
            var truth = PhoneCall.Write(temp, path, voice, lines.Select(l => (Speaker.Agent, l)));
            foreach (var gain in new[] { 0.0, 1.0, 2.0 })
            {
                using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1, DomainModelWeight = 0, PhoneBandMirrorGain = gain });
                var transcript = await transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, 0.5, "en-US", []));
                int errors = 0, words = 0;
                foreach (var line in truth)
                {
                    var reference = WordErrorRate.Words(line.Text);
                    var hypothesis = transcript.Segments.Where(s => s.End > line.Start && s.Start < line.End).SelectMany(s => WordErrorRate.Words(s.Text)).ToArray();
                    errors += WordErrorRate.Errors(reference, hypothesis);
                    words += reference.Length;
                }

                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{voice} gain {gain}: WER {100.0 * errors / words:F1}% ({errors}/{words})"));
            }
        }
    }

    /// <summary>The simulated agents' lines that need no template values, with the company and name filled in.</summary>
    private static List<string> AgentLines()
    {
        var centre = CallCentreLoader.Load(RepoPaths.Combine("scenarios", "call-centre.yaml"));
        var texts = centre.Scenarios.Values.SelectMany(s => s.Turns.SelectMany(t => t.SelectMany(l => new[] { l.Says, l.Otherwise }))
            .Concat(s.Hold is { } hold ? [hold.Says, hold.Back] : []));
        return [.. texts
            .Select(l => l.Replace("{{company}}", "Nova Telecom", StringComparison.Ordinal).Replace("{{agent.name}}", "Sarah", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !l.Contains("{{", StringComparison.Ordinal) && !l.Any(char.IsAsciiDigit))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
