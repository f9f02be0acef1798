using System.Diagnostics;
using System.Globalization;
using System.Text;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech.Pocketsphinx.Adaptation;

/// <summary>
/// Estimates an MLLR transform of the acoustic model from utterances with known words, with CMU sphinxtrain as its
/// tutorial on adapting the default model describes: features (<c>sphinx_fe</c> with the model's own parameters),
/// Baum-Welch statistics (<c>bw</c>), then the transform (<c>mllr_solve</c>). pocketsphinx applies it at load
/// (<see cref="PocketsphinxOptions.AdaptationFile"/>). The tools come from the Debian packages sphinxtrain and
/// sphinxbase-utils.
/// </summary>
public sealed class MllrTrainer(PocketsphinxOptions model)
{
    /// <summary>Where Debian's sphinxtrain installs its programs (not on PATH).</summary>
    public const string SphinxTrainDirectory = "/usr/lib/sphinxtrain";

    private const string FeatureExtractor = "sphinx_fe";
    private const string ModelConverter = "pocketsphinx_mdef_convert";

    /// <summary>True when every program the training runs is installed.</summary>
    public static bool ToolsInstalled =>
        ProgramPath.Exists(FeatureExtractor) && ProgramPath.Exists(ModelConverter)
        && File.Exists(Path.Combine(SphinxTrainDirectory, "bw")) && File.Exists(Path.Combine(SphinxTrainDirectory, "mllr_solve"));

    /// <summary>Writes the transform estimated from <paramref name="utterances"/> to <paramref name="outputPath"/>, working in <paramref name="workDirectory"/>.</summary>
    public async Task<MllrResult> TrainAsync(IReadOnlyList<AdaptationUtterance> utterances, string workDirectory, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        if (!ToolsInstalled)
        {
            throw new SpeechEngineException("adapting the model needs sphinx_fe, pocketsphinx_mdef_convert and sphinxtrain's bw and mllr_solve: install the Debian packages sphinxbase-utils, pocketsphinx and sphinxtrain");
        }

        if (utterances.Count == 0)
        {
            throw new ArgumentException("no utterances to adapt on", nameof(utterances));
        }

        ModelFiles.EnsureExist(model);
        var data = Directory.CreateDirectory(Path.Combine(workDirectory, "data")).FullName;
        var hmm = Directory.CreateDirectory(Path.Combine(workDirectory, "model")).FullName;
        var ids = new StringBuilder();
        var transcription = new StringBuilder();
        var seconds = 0.0;
        foreach (var utterance in utterances)
        {
            WavFile.Write(Path.Combine(data, utterance.Id + ".wav"), utterance.Speech);
            ids.Append(utterance.Id).Append('\n');
            transcription.Append(CultureInfo.InvariantCulture, $"<s> {string.Join(' ', utterance.Words)} </s> ({utterance.Id})\n");
            seconds += utterance.Speech.Duration.TotalSeconds;
        }

        var fileIds = Path.Combine(workDirectory, "fileids");
        var transcript = Path.Combine(workDirectory, "transcription");
        await File.WriteAllTextAsync(fileIds, ids.ToString(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(transcript, transcription.ToString(), cancellationToken).ConfigureAwait(false);
        var dictionary = Path.Combine(workDirectory, "dictionary");
        await WriteDictionaryAsync(utterances, dictionary, cancellationToken).ConfigureAwait(false);

        var modelFiles = model.ModelDirectory;
        await RunAsync(FeatureExtractor, ["-argfile", Path.Combine(modelFiles, "feat.params"), "-samprate", PocketsphinxTranscriber.ModelSampleRate.ToString(CultureInfo.InvariantCulture),
            "-c", fileIds, "-di", data, "-do", data, "-ei", "wav", "-eo", "mfc", "-mswav", "yes"], workDirectory, cancellationToken).ConfigureAwait(false);
        var textModel = Path.Combine(hmm, "mdef.txt");
        await RunAsync(ModelConverter, ["-text", Path.Combine(modelFiles, "mdef"), textModel], workDirectory, cancellationToken).ConfigureAwait(false);
        var mixtureWeights = Path.Combine(modelFiles, "mixture_weights");
        if (!File.Exists(mixtureWeights))
        {
            mixtureWeights = Path.Combine(hmm, "mixture_weights");
            MixtureWeights.FromSendump(Path.Combine(modelFiles, "sendump"), mixtureWeights);
        }

        var parameters = FeatureParameters(Path.Combine(modelFiles, "feat.params"));
        await RunAsync(Path.Combine(SphinxTrainDirectory, "bw"),
        [
            "-moddeffn", textModel, "-ts2cbfn", ".ptm.", "-meanfn", Path.Combine(modelFiles, "means"), "-varfn", Path.Combine(modelFiles, "variances"),
            "-mixwfn", mixtureWeights, "-tmatfn", Path.Combine(modelFiles, "transition_matrices"),
            "-feat", parameters.GetValueOrDefault("-feat", "1s_c_d_dd"), "-svspec", parameters.GetValueOrDefault("-svspec", "0-12/13-25/26-38"),
            "-cmn", parameters.GetValueOrDefault("-cmn", "batch"), "-agc", parameters.GetValueOrDefault("-agc", "none"),
            "-dictfn", dictionary, "-fdictfn", Path.Combine(modelFiles, "noisedict"), "-ctlfn", fileIds, "-lsnfn", transcript, "-cepdir", data, "-accumdir", workDirectory,
        ], workDirectory, cancellationToken).ConfigureAwait(false);
        await RunAsync(Path.Combine(SphinxTrainDirectory, "mllr_solve"),
            ["-meanfn", Path.Combine(modelFiles, "means"), "-varfn", Path.Combine(modelFiles, "variances"), "-outmllrfn", outputPath, "-accumdir", workDirectory],
            workDirectory, cancellationToken).ConfigureAwait(false);
        return new MllrResult(utterances.Count, seconds, outputPath);
    }

    /// <summary>The model's dictionary plus a guessed pronunciation for each word of the utterances it lacks (bw refuses unknown words).</summary>
    private async Task WriteDictionaryAsync(IReadOnlyList<AdaptationUtterance> utterances, string path, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in await File.ReadAllLinesAsync(model.Dictionary, cancellationToken).ConfigureAwait(false))
        {
            text.Append(line).Append('\n');
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                known.Add(line[..end]);
            }
        }

        foreach (var word in utterances.SelectMany(u => u.Words).Distinct(StringComparer.Ordinal).Where(w => !known.Contains(w)))
        {
            text.Append(word).Append(' ').Append(PronunciationGuesser.Phones(word)).Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The model's <c>feat.params</c> as option → value, so training computes the features decoding does.</summary>
    private static Dictionary<string, string> FeatureParameters(string path) =>
        File.ReadLines(path)
            .Select(l => l.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string workDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var log = Path.Combine(workDirectory, Path.GetFileName(program) + ".log");
        ProcessRun run;
        try
        {
            run = await SpeechProcess.RunToEndAsync(start, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new SpeechEngineException($"could not start {program}: {ex.Message}", ex);
        }

        // sphinxtrain's tools write their progress to standard output and their errors to standard error: keep both.
        var text = run.StandardOutput + run.StandardError;
        await File.WriteAllTextAsync(log, text, CancellationToken.None).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            var reason = text.Split('\n').LastOrDefault(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal))?.Trim() ?? $"exit code {run.ExitCode}";
            throw new SpeechEngineException($"{Path.GetFileName(program)} failed: {reason} (log: {log})");
        }
    }
}

/// <summary>What an adaptation was estimated from, and where it was written.</summary>
public sealed record MllrResult(int Utterances, double SpeechSeconds, string OutputPath);
