using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech;

/// <summary>
/// Offline text-to-speech with the flite program (Debian packages <c>flite</c> and <c>libflite1</c>). English only;
/// 16 kHz output. Audio is cached on disk by engine, voice and text, so a simulated call centre that says the same
/// lines again and again runs flite once per line.
/// </summary>
public sealed class FliteSynthesizer : ISpeechSynthesizer
{
    /// <summary>The voices compiled into Debian's flite, best recognised at 8 kHz first is <c>rms</c>.</summary>
    public static readonly IReadOnlyList<string> Voices = ["kal", "kal16", "awb", "rms", "slt"];

    private readonly FliteOptions options;
    private readonly ISpeechProcess process;

    /// <summary>Creates a synthesizer that runs flite as <paramref name="options"/> say.</summary>
    public FliteSynthesizer(FliteOptions options)
        : this(options, SpeechProcess.Instance)
    {
    }

    internal FliteSynthesizer(FliteOptions options, ISpeechProcess process)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(process);
        this.options = options;
        this.process = process;
    }

    /// <inheritdoc />
    public string Engine => "flite";

    /// <inheritdoc />
    public IReadOnlyList<string> VoicesFor(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return IsEnglish(locale) ? Voices : [];
    }

    /// <inheritdoc />
    public async Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsEnglish(request.Locale))
        {
            throw new SpeechEngineException($"no local voice for {request.Locale}; flite speaks English only");
        }

        // A cloud voice name (en-US-AvaNeural) in a scenario must not stop an offline run: use the default instead.
        var voice = request.Voice is { } v && Voices.Contains(v, StringComparer.Ordinal) ? v : options.DefaultVoice;
        var cacheFile = Path.Combine(options.CacheDirectory, CacheKey(voice, request.Text) + ".wav");
        if (File.Exists(cacheFile))
        {
            try
            {
                return ToClip(WavFile.Read(cacheFile));
            }
            catch (WavFormatException)
            {
                // A damaged cache entry (disk full, killed process) is simply made again.
            }
        }

        Directory.CreateDirectory(options.CacheDirectory);
        var temporary = Path.Combine(options.CacheDirectory, $"{Path.GetFileNameWithoutExtension(cacheFile)}.{Guid.NewGuid():N}.tmp.wav");
        var startInfo = new ProcessStartInfo(options.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };

        // ArgumentList, never a shell: the text is spoken as written, quotes and all.
        foreach (var argument in new[] { "-voice", voice, "-t", request.Text, "-o", temporary })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            int exitCode;
            string error;
            try
            {
                (exitCode, error) = await process.RunAsync(startInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (Win32Exception ex)
            {
                throw new SpeechEngineException($"flite not found: install the Debian packages flite and libflite1 (tried '{options.ExecutablePath}')", ex);
            }

            if (exitCode != 0 || !File.Exists(temporary))
            {
                throw new SpeechEngineException(string.Create(CultureInfo.InvariantCulture, $"flite failed (exit code {exitCode}) with voice {voice}: {error.Trim()}"));
            }

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

    private string CacheKey(string voice, string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Engine}\n{voice}\n{text}"));
        return Convert.ToHexStringLower(bytes);
    }

    private static AudioClip ToClip(WavAudio wav) => new(wav.SampleRate, wav.Channels[0]);

    private static bool IsEnglish(string locale) =>
        locale.Equals("en", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
