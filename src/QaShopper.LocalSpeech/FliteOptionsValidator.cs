using Microsoft.Extensions.Options;

namespace QaShopper.LocalSpeech;

/// <summary>Checks <see cref="FliteOptions"/> beyond the data annotations, with messages that name the setting.</summary>
internal sealed class FliteOptionsValidator : IValidateOptions<FliteOptions>
{
    public ValidateOptionsResult Validate(string? name, FliteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!FliteSynthesizer.Voices.Contains(options.DefaultVoice, StringComparer.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"{FliteOptions.SectionName}:DefaultVoice '{options.DefaultVoice}' is not a flite voice; use one of {string.Join(", ", FliteSynthesizer.Voices)}.");
        }

        // Checked at start-up (only hosts that speak register these options), so a wrong path stops the command before its first call.
        if (!string.IsNullOrWhiteSpace(options.ExecutablePath) && !ProgramPath.Exists(options.ExecutablePath))
        {
            return ValidateOptionsResult.Fail(
                $"{FliteOptions.SectionName}:ExecutablePath '{options.ExecutablePath}' is not a program that exists; install the " +
                "Debian packages flite and libflite1, or set it to the full path of the flite program.");
        }

        return ValidateOptionsResult.Success;
    }
}
