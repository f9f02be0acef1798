using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
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
        return LocalLanguages.IsEnglish(locale) ? Voices : [];
    }

    /// <inheritdoc />
    public async Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!LocalLanguages.IsEnglish(request.Locale))
        {
            throw new SpeechEngineException($"no local voice for {request.Locale}; flite speaks English only");
        }

        // A cloud voice name (en-US-AvaNeural) in a scenario must not stop an offline run: use the default instead.
        var voice = request.Voice is { } v && Voices.Contains(v, StringComparer.Ordinal) ? v : options.DefaultVoice;
        return await new SpokenLineCache(options.CacheDirectory, Engine).GetOrMakeAsync(voice, request.Text, temporary => SpeakAsync(voice, request.Text, temporary, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task SpeakAsync(string voice, string text, string wavPath, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(options.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };

        // ArgumentList, never a shell: the text is spoken as written, quotes and all.
        foreach (var argument in new[] { "-voice", voice, "-t", text, "-o", wavPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

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

        if (exitCode != 0 || !File.Exists(wavPath))
        {
            throw new SpeechEngineException(string.Create(CultureInfo.InvariantCulture, $"flite failed (exit code {exitCode}) with voice {voice}: {error.Trim()}"));
        }
    }
}
