using Microsoft.Extensions.Options;

namespace QaShopper.LocalSpeech;

/// <summary>Checks <see cref="EspeakOptions"/> beyond the data annotations, with messages that name the setting.</summary>
internal sealed class EspeakOptionsValidator : IValidateOptions<EspeakOptions>
{
    public ValidateOptionsResult Validate(string? name, EspeakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.CacheDirectory is { } cache && string.IsNullOrWhiteSpace(cache))
        {
            return ValidateOptionsResult.Fail(
                $"{EspeakOptions.SectionName}:CacheDirectory is empty; set it to a folder for cached speech, for example 'data/cache/tts', or leave it out to use flite's.");
        }

        // espeak-ng is optional: a bare name missing from PATH means it is not installed, which only a request for an
        // espeak voice needs (and that request says what to install). A full path someone set on purpose must exist.
        if (!string.IsNullOrWhiteSpace(options.ExecutablePath) && ProgramPath.IsPath(options.ExecutablePath) && !ProgramPath.Exists(options.ExecutablePath))
        {
            return ValidateOptionsResult.Fail(
                $"{EspeakOptions.SectionName}:ExecutablePath '{options.ExecutablePath}' is not a program that exists; install the " +
                "Debian package espeak-ng, or set it to 'espeak-ng' or the full path of the espeak-ng program.");
        }

        return ValidateOptionsResult.Success;
    }
}
