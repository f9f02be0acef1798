namespace QaShopper.Audio;

/// <summary>What a telephone line does to speech: narrow band at 8 kHz and G.711 mu-law quantisation.</summary>
public static class TelephoneLine
{
    /// <summary>The sample rate of a narrow-band phone line.</summary>
    public const int SampleRate = 8000;

    /// <summary>The clip as the far end hears it: resampled to 8 kHz (band-limited) and passed through a mu-law encode/decode.</summary>
    public static AudioClip Apply(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var narrow = clip.ResampleTo(SampleRate);
        return new AudioClip(SampleRate, MuLaw.RoundTrip(narrow.Samples));
    }
}
