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

        if (!string.IsNullOrWhiteSpace(options.ExecutablePath) && !ProgramExists(options.ExecutablePath))
        {
            return ValidateOptionsResult.Fail(
                $"{FliteOptions.SectionName}:ExecutablePath '{options.ExecutablePath}' is not a program that exists; install the " +
                "Debian packages flite and libflite1, or set it to the full path of the flite program.");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>
    /// A path is checked as given; a bare name is looked up in PATH as the OS would start it. Checked at start-up
    /// (only hosts that speak register these options), so a wrong path stops the command before its first call.
    /// </summary>
    internal static bool ProgramExists(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || executable.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable);
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { string.Empty, ".exe" } : [string.Empty];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => extensions.Any(ext => File.Exists(Path.Combine(folder, executable + ext))));
    }
}
