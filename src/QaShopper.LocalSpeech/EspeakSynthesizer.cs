using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech;

/// <summary>
/// Offline text-to-speech with the espeak-ng program (Debian package <c>espeak-ng</c>): formant synthesis, nothing like
/// flite's voices, so held-out agents can speak with an engine the tuning set never heard. English only here; 22050 Hz
/// output, returned at that rate (the phone line resamples). Voices are named <c>espeak:LANGUAGE[+VARIANT]</c> so they
/// never collide with flite's. Audio is cached on disk by engine, voice and text, as flite's is.
/// </summary>
public sealed partial class EspeakSynthesizer : ISpeechSynthesizer
{
    /// <summary>What every espeak-ng voice name starts with.</summary>
    public const string VoicePrefix = "espeak:";

    /// <summary>The English voices offered: espeak-ng 1.51's English accents, each plain and with its male and female variants.</summary>
    public static readonly IReadOnlyList<string> Voices =
        [.. from language in new[] { "en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029" }
            from variant in new[] { string.Empty, "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+m7", "+f1", "+f2", "+f3", "+f4", "+f5" }
            select VoicePrefix + language + variant];

    private readonly EspeakOptions options;
    private readonly ISpeechProcess process;

    /// <summary>Creates a synthesizer that runs espeak-ng as <paramref name="options"/> say.</summary>
    public EspeakSynthesizer(EspeakOptions options)
        : this(options, SpeechProcess.Instance)
    {
    }

    internal EspeakSynthesizer(EspeakOptions options, ISpeechProcess process)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(process);
        this.options = options;
        this.process = process;
    }

    /// <inheritdoc />
    public string Engine => "espeak-ng";

    /// <summary>True when <paramref name="voice"/> names an espeak-ng voice (<c>espeak:…</c>).</summary>
    public static bool IsEspeakVoice(string? voice) => voice is not null && voice.StartsWith(VoicePrefix, StringComparison.Ordinal);

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
            throw new SpeechEngineException($"no espeak-ng voice for {request.Locale}; only English is offered");
        }

        var voice = IsEspeakVoice(request.Voice) ? request.Voice! : DefaultVoiceFor(request.Locale);
        var language = voice[VoicePrefix.Length..];

        // Any espeak-ng voice may be asked for, but only as a name: nothing that could read as another option.
        if (!VoiceName().IsMatch(language))
        {
            throw new SpeechEngineException($"'{voice}' is not an espeak-ng voice name; use one like {Voices[2]}");
        }

        return await new SpokenLineCache(CacheDirectory, Engine).GetOrMakeAsync(voice, request.Text, temporary => SpeakAsync(voice, language, request.Text, temporary, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task SpeakAsync(string voice, string language, string text, string wavPath, CancellationToken cancellationToken)
    {
        var textFile = Path.ChangeExtension(wavPath, ".txt");
        var startInfo = new ProcessStartInfo(options.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { "-v", language, "-w", wavPath, "-f", textFile })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            // The text goes in a file (-f), never in argv: a line starting with '-' would otherwise be read as an option.
            await File.WriteAllTextAsync(textFile, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            int exitCode;
            string error;
            try
            {
                (exitCode, error) = await process.RunAsync(startInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (Win32Exception ex)
            {
                throw new SpeechEngineException(
                    $"espeak-ng not found: install the Debian package espeak-ng to speak with {voice} (tried '{options.ExecutablePath}')", ex);
            }

            if (exitCode != 0 || !File.Exists(wavPath))
            {
                throw new SpeechEngineException(string.Create(CultureInfo.InvariantCulture, $"espeak-ng failed (exit code {exitCode}) with voice {voice}: {error.Trim()}"));
            }
        }
        finally
        {
            if (File.Exists(textFile))
            {
                File.Delete(textFile);
            }
        }
    }

    /// <summary>Where the clips are kept; flite's default folder when the options name none (the host fills in flite's setting).</summary>
    private string CacheDirectory => options.CacheDirectory ?? "data/cache/tts";

    private static string DefaultVoiceFor(string locale) =>
        VoicePrefix + (locale.Equals("en-GB", StringComparison.OrdinalIgnoreCase) ? "en-gb" : "en-us");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*(\+[A-Za-z0-9_-]+)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VoiceName();
}
