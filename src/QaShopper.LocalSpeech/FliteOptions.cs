using System.ComponentModel.DataAnnotations;

namespace QaShopper.LocalSpeech;

/// <summary>How to run flite; bound from the <c>LocalSpeech:Flite</c> section.</summary>
public sealed class FliteOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "LocalSpeech:Flite";

    /// <summary>The flite program (<c>LocalSpeech:Flite:ExecutablePath</c>): a name looked up on PATH or a full path. Default <c>flite</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "LocalSpeech:Flite:ExecutablePath is empty; set it to 'flite' or the full path of the flite program.")]
    public string ExecutablePath { get; set; } = "flite";

    /// <summary>Where synthesised audio is cached (<c>LocalSpeech:Flite:CacheDirectory</c>). Default <c>data/cache/tts</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "LocalSpeech:Flite:CacheDirectory is empty; set it to a folder for cached speech, for example 'data/cache/tts'.")]
    public string CacheDirectory { get; set; } = "data/cache/tts";

    /// <summary>The voice used when a request names none or a voice flite lacks (<c>LocalSpeech:Flite:DefaultVoice</c>). Default <c>rms</c>, the best recognised at 8 kHz.</summary>
    public string DefaultVoice { get; set; } = "rms";
}
