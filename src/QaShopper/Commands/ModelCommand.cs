using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaShopper.Audio;
using QaShopper.Cli;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.LocalSpeech.Pocketsphinx.Adaptation;
using QaShopper.Simulation;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper model adapt</c>: estimates the recogniser's adaptation to phone-line speech (an MLLR transform of the
/// acoustic model) from the simulated call centre's agent lines, spoken in its agents' voices through the phone line
/// and prepared exactly as a call's audio is for decoding.
/// </summary>
internal static class ModelCommand
{
    /// <summary>Where the shipped transform lives in the repository, and the default output.</summary>
    public const string DefaultOutput = "models/telephone.mllr";

    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Where to write the transform", DefaultValueFactory = _ => DefaultOutput, HelpName = "FILE" };
        var callCentre = new Option<string?>("--call-centre") { Description = "The call-centre file whose agents' lines to speak (default: Simulation:CallCentreFile)", HelpName = "FILE" };
        var adapt = new Command("adapt", "Adapt the offline recogniser to phone-line speech from the simulated call centre's agent lines (needs the Debian packages sphinxtrain and sphinxbase-utils)")
        {
            output, callCentre,
        };
        adapt.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await AppHost.StartAsync(parse, HostFeatures.Speech, cancellationToken).ConfigureAwait(false);
            var file = parse.GetValue(callCentre) ?? host.Services.GetRequiredService<IOptions<SimulationOptions>>().Value.CallCentreFile;
            return await AdaptAsync(host.Services, file, parse.GetRequiredValue(output), console, cancellationToken).ConfigureAwait(false);
        });
        return new Command("model", "The offline recogniser's model") { adapt };
    }

    /// <summary>The clip as the simulated call centre puts an agent on the line (<see cref="SimulatedLine.Agent"/>).</summary>
    private static AudioClip OnTheLine(AudioClip spoken, int seed) =>
        SimulatedLine.Agent((float[])spoken.ResampleTo(TelephoneLine.SampleRate).Samples.Clone(), new Random(seed));

    private static async Task<int> AdaptAsync(IServiceProvider services, string callCentre, string output, CliConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<AgentSpeech> lines;
        try
        {
            lines = AgentSpeechCorpus.Load(callCentre);
        }
        catch (CallCentreException ex)
        {
            throw new CliException(string.Join(Environment.NewLine, ex.Errors));
        }

        if (!MllrTrainer.ToolsInstalled)
        {
            throw new CliException("model adapt needs sphinx_fe, pocketsphinx_mdef_convert and sphinxtrain's bw and mllr_solve: install the Debian packages sphinxbase-utils, pocketsphinx and sphinxtrain");
        }

        var model = services.GetRequiredService<IOptions<PocketsphinxOptions>>().Value;
        var synthesizer = services.GetRequiredService<ISpeechSynthesizer>();
        var utterances = new List<AdaptationUtterance>(lines.Count);
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var spoken = await synthesizer.SynthesizeAsync(new SpeechRequest(line.Text, "en-US", line.Voice), cancellationToken).ConfigureAwait(false);
            var speech = PocketsphinxTranscriber.ForModel(OnTheLine(spoken, index), model.PhoneBandMirrorGain);
            var id = string.Create(CultureInfo.InvariantCulture, $"u{index:D4}");
            utterances.Add(new AdaptationUtterance(id, speech, SpottablePhrases.Prepare(line.Text).Words ?? []));
            if ((index + 1) % 25 == 0 || index + 1 == lines.Count)
            {
                await console.Error.WriteLineAsync($"spoken {index + 1} of {lines.Count} lines").ConfigureAwait(false);
            }
        }

        var work = Path.Combine(Path.GetTempPath(), "qashopper-adapt", Guid.NewGuid().ToString("N"));
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            var result = await new MllrTrainer(model).TrainAsync(utterances, work, Path.GetFullPath(output), cancellationToken).ConfigureAwait(false);
            var voices = string.Join(", ", lines.Select(l => l.Voice).Distinct(StringComparer.Ordinal));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"adapted on {result.Utterances} lines ({result.SpeechSeconds:F0} s of speech; voices {voices}; from {callCentre}); wrote {output}")).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"pocketsphinx uses it when LocalSpeech:Pocketsphinx:AdaptationFile names it (the default names the shipped {DefaultOutput})").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
