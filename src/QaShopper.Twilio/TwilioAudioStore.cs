using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using QaShopper.Audio;
using QaShopper.Core.Configuration;

namespace QaShopper.Twilio;

/// <summary>
/// The caller's clips, stored content-addressed (the SHA-256 of the WAV bytes names the file) so Twilio can fetch them
/// at an unguessable URL without a signature (Twilio does not sign media fetches), and the same line said twice is
/// stored once. Lives in <c>twilio-audio</c> under the recordings folder.
/// </summary>
public sealed class TwilioAudioStore
{
    private readonly string directory;

    /// <summary>Creates the store under <see cref="RecordingFolderOptions.Directory"/>.</summary>
    public TwilioAudioStore(IOptions<RecordingFolderOptions> recordings)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        directory = Path.Combine(Path.GetFullPath(recordings.Value.Directory), "twilio-audio");
    }

    /// <summary>The folder of the clips.</summary>
    public string Directory => directory;

    /// <summary>Stores a clip as 8 kHz 16-bit PCM WAV (what a telephone line carries) and returns its hash.</summary>
    public string Save(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var wav = WavFile.Encode(TelephoneLine.SampleRate, [clip.ResampleTo(TelephoneLine.SampleRate).Samples], WavEncoding.Pcm16);
        var hash = Convert.ToHexStringLower(SHA256.HashData(wav));
        var path = PathOf(hash)!;
        if (!File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(directory);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, wav);
            File.Move(temporary, path, overwrite: true);
        }

        return hash;
    }

    /// <summary>The file of a clip; null when <paramref name="hash"/> is not a lower-case SHA-256 (so no path can escape the folder).</summary>
    public string? PathOf(string hash) =>
        hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') ? Path.Combine(directory, hash + ".wav") : null;

    /// <summary>The clip's samples, for finding the caller's channel in a recording; null when missing.</summary>
    public AudioClip? Load(string hash) =>
        PathOf(hash) is { } path && File.Exists(path) ? new AudioClip(TelephoneLine.SampleRate, WavFile.Read(path).Channels[0]) : null;
}
