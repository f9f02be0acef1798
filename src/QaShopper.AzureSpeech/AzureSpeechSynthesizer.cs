using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Text to speech with Azure Speech over REST (the SDK is not available here): SSML in, 8 kHz telephony RIFF out, decoded
/// into an <see cref="AudioClip"/>. Audio is cached on disk by voice, format and text, so a line said again costs nothing.
/// </summary>
public sealed class AzureSpeechSynthesizer : ISpeechSynthesizer, IDisposable
{
    private readonly AzureSpeechConnection connection;
    private readonly AzureSpeechOptions options;
    private readonly SemaphoreSlim voicesGate = new(1, 1);
    private IReadOnlyList<AzureVoice>? voices;

    /// <summary>Creates a synthesizer that calls the service through the host's shared <paramref name="connection"/>.</summary>
    public AzureSpeechSynthesizer(AzureSpeechConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        options = connection.Options;
    }

    /// <inheritdoc />
    public string Engine => "azure";

    /// <inheritdoc />
    /// <remarks>The voice list is fetched once and kept; the port is synchronous, so the first call waits for it.</remarks>
    public IReadOnlyList<string> VoicesFor(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);

        // Task.Run: no caller's synchronisation context can deadlock the wait.
        var all = Task.Run(() => VoiceListAsync(CancellationToken.None)).GetAwaiter().GetResult();
        var speaking = all.Where(v => v.Speaks(locale)).Select(v => v.ShortName).ToList();

        // The configured default first, then voices whose main locale it is, then multilingual ones.
        return [.. speaking.OrderBy(v => options.VoicesByLocale.TryGetValue(locale, out var preferred) && string.Equals(v, preferred, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(v => v.StartsWith(locale + "-", StringComparison.OrdinalIgnoreCase) ? 0 : 1)];
    }

    /// <summary>The service's voice list for the configured region or endpoint, fetched once.</summary>
    public async Task<IReadOnlyList<AzureVoice>> VoiceListAsync(CancellationToken cancellationToken = default)
    {
        if (voices is { } known)
        {
            return known;
        }

        await voicesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (voices is { } fetched)
            {
                return fetched;
            }

            using var response = await connection.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, connection.Endpoints.Voices),
                "voice list",
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AzureSpeechErrors.FromResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), "voice list", options);
            }

            var list = await response.Content.ReadFromJsonAsync<List<AzureVoice>>(cancellationToken).ConfigureAwait(false)
                ?? throw new SpeechEngineException($"Azure Speech voice list at {options.Target} was empty");
            voices = list;
            return list;
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new SpeechEngineException($"Azure Speech voice list at {options.Target} is not the expected JSON: {ex.Message}", ex);
        }
        finally
        {
            voicesGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var voice = ChooseVoice(request);
        var cacheFile = Path.Combine(options.CacheDirectory, CacheKey(voice, request) + ".wav");
        if (File.Exists(cacheFile))
        {
            try
            {
                return ToClip(WavFile.Read(cacheFile));
            }
            catch (WavFormatException)
            {
                // A damaged cache entry (disk full, killed process) is simply fetched again.
            }
        }

        var ssml = Ssml.For(request.Text, request.Locale, voice);
        using var response = await connection.SendRenewingTokenAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, connection.Endpoints.Synthesis) { Content = new StringContent(ssml, Encoding.UTF8) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ssml+xml");
                message.Headers.Add("X-Microsoft-OutputFormat", options.OutputFormat);
                return message;
            },
            "synthesis",
            cancellationToken).ConfigureAwait(false);

        if (response.IsSuccessStatusCode)
        {
            var bytes = RiffHeader.Repair(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            AudioClip clip;
            try
            {
                clip = ToClip(WavFile.Parse(bytes, "Azure Speech audio"));
            }
            catch (WavFormatException ex)
            {
                throw new SpeechEngineException($"Azure Speech answered audio this adapter cannot read ({options.OutputFormat}): {ex.Message}", ex);
            }

            Store(cacheFile, bytes);
            return clip;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest && await UnknownVoiceAsync(voice, request.Locale, cancellationToken).ConfigureAwait(false) is { } unknown)
        {
            throw unknown;
        }

        throw AzureSpeechErrors.FromResponse(response.StatusCode, body, "synthesis", options);
    }

    /// <inheritdoc />
    public void Dispose() => voicesGate.Dispose();

    private string ChooseVoice(SpeechRequest request)
    {
        // Azure voice names start with their locale (en-US-JennyNeural); a local voice name (rms, or an engine-prefixed
        // one such as espeak:en-gb+f2, which has a '-' but never a name of Azure's) in a scenario means "the default".
        if (request.Voice is { } named && named.Contains('-', StringComparison.Ordinal) && !named.Contains(':', StringComparison.Ordinal))
        {
            return named;
        }

        return options.VoicesByLocale.TryGetValue(request.Locale, out var voice)
            ? voice
            : throw new SpeechEngineException($"no Azure voice configured for {request.Locale}; set AzureSpeech:VoicesByLocale:{request.Locale} to a voice such as '{request.Locale}-...Neural'");
    }

    /// <summary>The service answers 400 without saying why; an unknown voice is the usual cause, and the voice list tells.</summary>
    private async Task<SpeechEngineException?> UnknownVoiceAsync(string voice, string locale, CancellationToken cancellationToken)
    {
        IReadOnlyList<AzureVoice> list;
        try
        {
            list = await VoiceListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechEngineException)
        {
            return null;
        }

        if (list.Any(v => string.Equals(v.ShortName, voice, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var offered = list.Where(v => v.Speaks(locale)).Select(v => v.ShortName).Take(8).ToList();
        return new SpeechEngineException(
            $"voice '{voice}' is not offered in {options.Target}; "
            + (offered.Count == 0 ? $"it has no voice for {locale}" : $"voices for {locale}: {string.Join(", ", offered)}")
            + " (AzureSpeech:VoicesByLocale or the scenario's voice)");
    }

    private string CacheKey(string voice, SpeechRequest request)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Engine}\n{voice}\n{request.Locale}\n{options.OutputFormat}\n{request.Text}")));
        return Convert.ToHexStringLower(bytes);
    }

    private static void Store(string cacheFile, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);

        // Rename into place: concurrent calls for the same line each write their own file and the last rename wins.
        var temporary = $"{cacheFile}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, cacheFile, overwrite: true);
    }

    private static AudioClip ToClip(WavAudio wav) => new(wav.SampleRate, wav.Channels[0]);
}
