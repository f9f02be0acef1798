using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>Checks that the configured model files exist before pocketsphinx fails on them with a less helpful message.</summary>
internal static class ModelFiles
{
    public static void EnsureExist(PocketsphinxOptions options)
    {
        var missing = new List<string>();
        if (!File.Exists(Path.Combine(options.ModelDirectory, "mdef")))
        {
            missing.Add($"{PocketsphinxOptions.SectionName}:{nameof(PocketsphinxOptions.ModelDirectory)} '{options.ModelDirectory}' (no acoustic model: mdef missing)");
        }

        if (!File.Exists(options.Dictionary))
        {
            missing.Add($"{PocketsphinxOptions.SectionName}:{nameof(PocketsphinxOptions.Dictionary)} '{options.Dictionary}'");
        }

        if (!File.Exists(options.LanguageModel))
        {
            missing.Add($"{PocketsphinxOptions.SectionName}:{nameof(PocketsphinxOptions.LanguageModel)} '{options.LanguageModel}'");
        }

        if (!string.IsNullOrWhiteSpace(options.AdaptationFile) && !File.Exists(options.AdaptationFile))
        {
            missing.Add($"{PocketsphinxOptions.SectionName}:{nameof(PocketsphinxOptions.AdaptationFile)} '{options.AdaptationFile}' (make one with 'qashopper model adapt', or set it empty)");
        }

        if (missing.Count > 0)
        {
            throw new SpeechEngineException($"pocketsphinx model files not found: {string.Join("; ", missing)}. Install the Debian package pocketsphinx-en-us or correct the setting.");
        }
    }
}
