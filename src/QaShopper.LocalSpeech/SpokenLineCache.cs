using System.Security.Cryptography;
using System.Text;
using QaShopper.Audio;

namespace QaShopper.LocalSpeech;

/// <summary>
/// Speech a local engine's program made, kept on disk by engine, voice and text, so a simulated call centre that says
/// the same lines again and again runs the program once per line. The key names the engine, so engines share a folder.
/// </summary>
internal sealed class SpokenLineCache(string directory, string engine)
{
    /// <summary>
    /// The cached clip, or the one <paramref name="speakInto"/> writes to the WAV path it is given, which is then kept.
    /// A damaged entry (disk full, killed process) is simply made again.
    /// </summary>
    public async Task<AudioClip> GetOrMakeAsync(string voice, string text, Func<string, Task> speakInto, CancellationToken cancellationToken)
    {
        var key = Key(voice, text);
        var cacheFile = Path.Combine(directory, key + ".wav");
        if (File.Exists(cacheFile))
        {
            try
            {
                return ToClip(WavFile.Read(cacheFile));
            }
            catch (WavFormatException)
            {
                // Made again below.
            }
        }

        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{key}.{Guid.NewGuid():N}.tmp.wav");
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await speakInto(temporary).ConfigureAwait(false);
            var clip = ToClip(WavFile.Read(temporary));

            // Rename into place: concurrent calls for the same line each write their own temporary file and the last rename wins.
            File.Move(temporary, cacheFile, overwrite: true);
            return clip;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private string Key(string voice, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{engine}\n{voice}\n{text}")));

    private static AudioClip ToClip(WavAudio wav) => new(wav.SampleRate, wav.Channels[0]);
}
