using System.ComponentModel.DataAnnotations;

namespace QaShopper.LocalSpeech;

/// <summary>How to run espeak-ng; bound from the <c>LocalSpeech:Espeak</c> section.</summary>
public sealed class EspeakOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "LocalSpeech:Espeak";

    /// <summary>
    /// The espeak-ng program (<c>LocalSpeech:Espeak:ExecutablePath</c>): a name looked up on PATH or a full path. Default
    /// <c>espeak-ng</c>. A bare name that is not installed is allowed (only espeak voices need it); a full path must exist.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "LocalSpeech:Espeak:ExecutablePath is empty; set it to 'espeak-ng' or the full path of the espeak-ng program.")]
    public string ExecutablePath { get; set; } = "espeak-ng";

    /// <summary>
    /// Where synthesised audio is cached (<c>LocalSpeech:Espeak:CacheDirectory</c>). Unset: the folder of
    /// <c>LocalSpeech:Flite:CacheDirectory</c>, so a run that moves flite's cache moves this one too (the cache key names the engine).
    /// </summary>
    public string? CacheDirectory { get; set; }
}
