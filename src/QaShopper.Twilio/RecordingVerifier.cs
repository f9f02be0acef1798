using System.Globalization;
using QaShopper.Audio;

namespace QaShopper.Twilio;

/// <summary>A downloaded recording that must not be kept in place of Twilio's copy; the message says why.</summary>
public sealed class RecordingRejectedException(string message) : Exception(message);

/// <summary>
/// Checks a downloaded recording before Twilio's copy may be deleted: a readable WAV, two channels (one per side), and
/// as long as the call (within <see cref="Tolerance"/>), so a cut-short download is never the only copy.
/// </summary>
public static class RecordingVerifier
{
    /// <summary>The allowed difference: 2 seconds or 5 % of the call, whichever is more (Twilio reports whole seconds).</summary>
    public static TimeSpan Tolerance(TimeSpan expected) => TimeSpan.FromSeconds(Math.Max(2, expected.TotalSeconds * 0.05));

    /// <summary>The recording's two channels, or <see cref="RecordingRejectedException"/>.</summary>
    /// <param name="wav">The downloaded bytes.</param>
    /// <param name="expected">The call's answered duration; null skips the length check.</param>
    /// <param name="name">What to call the file in messages.</param>
    public static TwoChannelAudio Verify(ReadOnlySpan<byte> wav, TimeSpan? expected, string name)
    {
        WavAudio audio;
        try
        {
            audio = WavFile.Parse(wav, name);
        }
        catch (WavFormatException ex)
        {
            throw new RecordingRejectedException($"recording rejected: {ex.Message}");
        }

        if (audio.Channels.Count != 2)
        {
            throw new RecordingRejectedException($"recording rejected: {name} has {audio.Channels.Count} channel(s); a dual-channel recording (one per side) was asked for");
        }

        if (expected is { } duration && (audio.Duration - duration).Duration() > Tolerance(duration))
        {
            throw new RecordingRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"recording rejected: {name} lasts {audio.Duration.TotalSeconds:F1} s but the call lasted {duration.TotalSeconds:F1} s (truncated download?)"));
        }

        return audio.ToTwoChannel(name);
    }
}
