using Microsoft.Extensions.Options;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>Checks <see cref="PocketsphinxOptions"/> at start-up with messages that name the setting.</summary>
internal sealed class PocketsphinxOptionsValidator : IValidateOptions<PocketsphinxOptions>
{
    private const string Prefix = PocketsphinxOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PocketsphinxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Check(options);

        // At start only: a transcriber built directly reports a missing model when it first loads it, as a speech error.
        RequireExists(options.ModelDirectory, nameof(PocketsphinxOptions.ModelDirectory), errors, Directory.Exists, "folder");
        RequireExists(options.Dictionary, nameof(PocketsphinxOptions.Dictionary), errors, File.Exists, "file");
        RequireExists(options.LanguageModel, nameof(PocketsphinxOptions.LanguageModel), errors, File.Exists, "file");
        if (!string.IsNullOrWhiteSpace(options.AdaptationFile) && !File.Exists(options.AdaptationFile))
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.AdaptationFile)} '{options.AdaptationFile}' is not a file that exists; make one with 'qashopper model adapt --out FILE', or set it empty to use the model as installed.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Check(PocketsphinxOptions options)
    {
        var errors = new List<string>();
        Require(options.ModelDirectory, nameof(PocketsphinxOptions.ModelDirectory), errors);
        Require(options.Dictionary, nameof(PocketsphinxOptions.Dictionary), errors);
        Require(options.LanguageModel, nameof(PocketsphinxOptions.LanguageModel), errors);
        if (!(options.KeyphraseThreshold > 0 && options.KeyphraseThreshold < 1))
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.KeyphraseThreshold)} is {options.KeyphraseThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be between 0 and 1 (exclusive), for example 1e-20.");
        }

        if (!(options.DomainModelWeight is >= 0 and < 1))
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.DomainModelWeight)} is {options.DomainModelWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be at least 0 (0 = no biasing) and below 1.");
        }

        if (!(options.PhoneBandMirrorGain is >= 0 and <= 4))
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.PhoneBandMirrorGain)} is {options.PhoneBandMirrorGain.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be 0 (off) to 4.");
        }

        if (options.MaxActiveHmms is not -1 and (< 500 or > 1_000_000))
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.MaxActiveHmms)} is {options.MaxActiveHmms}; it must be 500 to 1000000, or -1 for no limit.");
        }

        if (options.MaxWordsPerFrame is not -1 and (< 1 or > 10_000))
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.MaxWordsPerFrame)} is {options.MaxWordsPerFrame}; it must be 1 to 10000, or -1 for no limit.");
        }

        if (options.MaxDecoders is < 1 or > 64)
        {
            errors.Add($"{Prefix}{nameof(PocketsphinxOptions.MaxDecoders)} is {options.MaxDecoders}; it must be 1 to 64 (each decoder takes about 100 MB).");
        }

        return errors;
    }

    private static void Require(string? path, string setting, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add($"{Prefix}{setting} is empty; leave it unset for the Debian package pocketsphinx-en-us or set a path.");
        }
    }

    private static void RequireExists(string? path, string setting, List<string> errors, Func<string, bool> exists, string what)
    {
        if (!string.IsNullOrWhiteSpace(path) && !exists(path))
        {
            // Checked at start, so a missing model stops the command before its first call, not in the decoder mid-run.
            errors.Add($"{Prefix}{setting} '{path}' is not a {what} that exists; install the Debian package pocketsphinx-en-us or set it to the model's {what}.");
        }
    }
}
