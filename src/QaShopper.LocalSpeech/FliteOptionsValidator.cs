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

        return ValidateOptionsResult.Success;
    }
}
