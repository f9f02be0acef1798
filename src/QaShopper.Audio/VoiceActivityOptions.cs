namespace QaShopper.Audio;

/// <summary>
/// Tuning of <see cref="VoiceActivityDetector"/>. The defaults suit one side of a phone call: 8 kHz mu-law with line
/// noise, or the same upsampled to 16 kHz.
/// </summary>
public sealed record VoiceActivityOptions
{
    /// <summary>Analysis frame length in seconds. Default 0.01 (10 ms).</summary>
    public double FrameSeconds { get; init; } = 0.01;

    /// <summary>
    /// The percentile (0..100) of frame energies taken as the channel's noise floor. Default 5: a phone channel is
    /// silent (line noise only) for well over a twentieth of the call, because the other side talks too and speech
    /// pauses between phrases.
    /// </summary>
    public double NoiseFloorPercentile { get; init; } = 5;

    /// <summary>How far above the noise floor a frame must be to count as speech, in dB. Default 12.</summary>
    public double ThresholdDb { get; init; } = 12;

    /// <summary>
    /// The quietest frame level (dBFS) that can count as speech however low the noise floor is, so that digital
    /// silence with a little dither is not taken for speech. Default -55.
    /// </summary>
    public double MinimumSpeechLevelDb { get; init; } = -55;

    /// <summary>Speech shorter than this (seconds) is a click or a cough, not an utterance. Default 0.15.</summary>
    public double MinimumSpeechSeconds { get; init; } = 0.15;

    /// <summary>Pauses up to this long (seconds) stay inside one utterance: breaths between words and clauses. Default 0.35.</summary>
    public double HangoverSeconds { get; init; } = 0.35;

    /// <summary>Silence kept before and after each utterance (seconds), so soft onsets and word endings are not cut. Default 0.2.</summary>
    public double PaddingSeconds { get; init; } = 0.2;

    /// <summary>Longer utterances are split at their quietest moment (seconds). Default 20: keeps decoding memory and latency bounded.</summary>
    public double MaximumUtteranceSeconds { get; init; } = 20;

    /// <summary>Throws when a setting is outside its meaningful range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameSeconds, 0.005, nameof(FrameSeconds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FrameSeconds, 0.05, nameof(FrameSeconds));
        ArgumentOutOfRangeException.ThrowIfNegative(NoiseFloorPercentile, nameof(NoiseFloorPercentile));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NoiseFloorPercentile, 100, nameof(NoiseFloorPercentile));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ThresholdDb, nameof(ThresholdDb));
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumSpeechSeconds, nameof(MinimumSpeechSeconds));
        ArgumentOutOfRangeException.ThrowIfNegative(HangoverSeconds, nameof(HangoverSeconds));
        ArgumentOutOfRangeException.ThrowIfNegative(PaddingSeconds, nameof(PaddingSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumUtteranceSeconds, 1, nameof(MaximumUtteranceSeconds));
    }
}

/// <summary>One stretch of speech, in seconds from the start of the clip.</summary>
public readonly record struct SpeechSpan(double Start, double End)
{
    public double Duration => End - Start;
}
