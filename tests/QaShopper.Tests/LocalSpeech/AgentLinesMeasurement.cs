using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>
/// The measurements behind <see cref="PocketsphinxOptions.PhoneBandMirrorGain"/> and the search limits
/// (<see cref="PocketsphinxOptions.MaxActiveHmms"/>, <see cref="PocketsphinxOptions.MaxWordsPerFrame"/>): every agent
/// line of the simulated call centre without numbers or other templates (54 lines), spoken in four flite voices through
/// a phone line and decoded without hints or domain model, so only the acoustics and the search differ; prints the word
/// error rate per voice. Explicit: about fifteen minutes of CPU each; run with
/// --filter FullyQualifiedName~AgentLinesMeasurement.
/// </summary>
[Explicit("measurement, about fifteen minutes of CPU")]
[Category("Measurement")]
public sealed class AgentLinesMeasurement
{
    [Test]
    public async Task Measure_WordErrors_ByVoiceAndGain()
    {
        var lines = AgentLines();
        using var temp = new TempDirectory();
        foreach (var voice in Voices)
        {
            var path = temp.File($"{voice}.wav");
            var truth = PhoneCall.Write(temp, path, voice, lines.Select(l => (Speaker.Agent, l)));
            foreach (var gain in new[] { 0.0, 1.0, 2.0 })
            {
                var (errors, words, _) = await DecodeAsync(new PocketsphinxOptions { MaxDecoders = 1, DomainModelWeight = 0, PhoneBandMirrorGain = gain }, path, truth);
                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{voice} gain {gain}: WER {100.0 * errors / words:F1}% ({errors}/{words})"));
            }
        }
    }

    /// <summary>
    /// Word errors and decoding CPU time at pocketsphinx's own search limits and tighter ones (the mirror at its
    /// default). The settings take turns per voice, so a machine that slows down during the run affects them alike.
    /// </summary>
    [Test]
    public async Task Measure_WordErrorsAndCpu_BySearchLimits()
    {
        (int Hmms, int Words)[] limits = [(30000, -1), (10000, 20), (5000, 20)];
        var lines = AgentLines();
        using var temp = new TempDirectory();
        var totals = new (int Errors, int Words, TimeSpan Cpu)[limits.Length];
        var warmUp = temp.File("warm-up.wav");
        PhoneCall.Write(temp, warmUp, "rms", [(Speaker.Agent, lines[0])]);
        foreach (var voice in Voices)
        {
            var path = temp.File($"{voice}.wav");
            var truth = PhoneCall.Write(temp, path, voice, lines.Select(l => (Speaker.Agent, l)));
            for (var i = 0; i < limits.Length; i++)
            {
                var (errors, words, cpu) = await DecodeAsync(new PocketsphinxOptions { MaxDecoders = 1, DomainModelWeight = 0, MaxActiveHmms = limits[i].Hmms, MaxWordsPerFrame = limits[i].Words }, path, truth, warmUp);
                totals[i] = (totals[i].Errors + errors, totals[i].Words + words, totals[i].Cpu + cpu);
                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{voice} maxhmmpf {limits[i].Hmms} maxwpf {limits[i].Words}: WER {100.0 * errors / words:F1}% ({errors}/{words}), decoding CPU {cpu.TotalSeconds:F1} s"));
            }
        }

        for (var i = 0; i < limits.Length; i++)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all voices maxhmmpf {limits[i].Hmms} maxwpf {limits[i].Words}: WER {100.0 * totals[i].Errors / totals[i].Words:F1}%, decoding CPU {totals[i].Cpu.TotalSeconds:F1} s ({totals[i].Cpu / totals[0].Cpu:P0} of the first)"));
        }
    }

    private static readonly string[] Voices = ["rms", "awb", "kal16", "slt"];

    /// <summary>Decodes the whole recording (after <paramref name="warmUpPath"/>, when given, so the model load is not timed): word errors against each line's truth and the decode's CPU time.</summary>
    private static async Task<(int Errors, int Words, TimeSpan Cpu)> DecodeAsync(PocketsphinxOptions options, string path, IReadOnlyList<SpokenLine> truth, string? warmUpPath = null)
    {
        using var transcriber = new PocketsphinxTranscriber(options);
        var request = new TranscriptionRequest(path, 2, 0.5, "en-US", []);
        if (warmUpPath is not null)
        {
            _ = await transcriber.TranscribeAsync(request with { RecordingPath = warmUpPath });
        }

        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var transcript = await transcriber.TranscribeAsync(request);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        int errors = 0, words = 0;
        foreach (var line in truth)
        {
            var reference = WordErrorRate.Words(line.Text);
            var hypothesis = line.HeardIn(transcript).SelectMany(s => WordErrorRate.Words(s.Text)).ToArray();
            errors += WordErrorRate.Errors(reference, hypothesis);
            words += reference.Length;
        }

        return (errors, words, cpu);
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
