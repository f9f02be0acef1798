using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Speech to text with Azure Speech fast transcription over REST: the two-channel recording is sent in one synchronous
/// request, each channel transcribed separately, and the answer becomes a <see cref="Transcript"/>. Recordings beyond the
/// fast API's limits are refused before anything is sent (they would need batch transcription, not implemented). Any
/// failure throws: a transcript is returned whole or not at all.
/// </summary>
public sealed class AzureFastTranscriber : ITranscriber
{
    private const string Operation = "fast transcription";

    private readonly AzureSpeechConnection connection;
    private readonly AzureSpeechOptions options;

    /// <summary>Creates a transcriber that calls the service through the host's shared <paramref name="connection"/>.</summary>
    public AzureFastTranscriber(AzureSpeechConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        options = connection.Options;
    }

    /// <inheritdoc />
    public string Engine => "azure";

    /// <inheritdoc />
    /// <remarks>The locales in <see cref="AzureSpeechOptions.TranscriptionLocales"/>.</remarks>
    public bool Supports(string locale) =>
        locale is not null && options.TranscriptionLocales.Contains(locale, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    /// <exception cref="SpeechEngineException">
    /// The locale is not configured, the recording is unreadable or beyond the fast API's limits, or the service failed.
    /// </exception>
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AgentChannel is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.AgentChannel, "AgentChannel must be 1 or 2");
        }

        if (!Supports(request.Locale))
        {
            throw new SpeechEngineException(
                $"Azure fast transcription is not configured for locale '{request.Locale}'; add it to {AzureSpeechOptions.SectionName}:TranscriptionLocales ({string.Join(", ", options.TranscriptionLocales)})");
        }

        var (audio, seconds) = await ReadRecordingAsync(request.RecordingPath, cancellationToken).ConfigureAwait(false);
        var definition = FastTranscriptionJson.Definition(request);
        var fileName = Path.GetFileName(request.RecordingPath);
        using var response = await connection.SendRenewingTokenAsync(
            () =>
            {
                // Built afresh for each attempt: content that was sent once cannot be sent again.
                var content = new MultipartFormDataContent();
                var definitionPart = new StringContent(definition, Encoding.UTF8, "application/json");
                content.Add(definitionPart, "definition");
                var audioPart = new ByteArrayContent(audio);
                audioPart.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
                content.Add(audioPart, "audio", fileName);
                var message = new HttpRequestMessage(HttpMethod.Post, connection.Endpoints.FastTranscription) { Content = content };
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return message;
            },
            Operation,
            cancellationToken).ConfigureAwait(false);

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? FastTranscriptionJson.Parse(body, request, seconds)
            : throw AzureSpeechErrors.FromResponse(response.StatusCode, body, Operation, options);
    }

    /// <summary>Reads the recording and checks it against the fast API's limits, so nothing too big is ever sent.</summary>
    private async Task<(byte[] Bytes, double Seconds)> ReadRecordingAsync(string path, CancellationToken cancellationToken)
    {
        long size;
        try
        {
            size = new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpeechEngineException($"{path}: cannot read the recording: {ex.Message}", ex);
        }

        if (size > AzureSpeechOptions.FastTranscriptionMaxBytes)
        {
            throw TooBig(path, string.Create(CultureInfo.InvariantCulture, $"is {size / (1024.0 * 1024.0):0.#} MB, over the fast transcription limit of {AzureSpeechOptions.FastTranscriptionMaxBytes / (1024 * 1024)} MB"));
        }

        byte[] bytes;
        WavAudio wav;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            wav = WavFile.Parse(bytes, path);
            wav.ToTwoChannel(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or WavFormatException)
        {
            throw new SpeechEngineException($"{path}: not a readable two-channel WAV recording: {ex.Message}", ex);
        }

        if (wav.Duration > options.FastTranscriptionMaxDuration)
        {
            throw TooBig(path, string.Create(CultureInfo.InvariantCulture,
                $"lasts {wav.Duration.TotalMinutes:0.#} min, over the fast transcription limit of {options.FastTranscriptionMaxDuration.TotalMinutes:0.#} min ({AzureSpeechOptions.SectionName}:FastTranscriptionMaxDuration)"));
        }

        return (bytes, wav.Duration.TotalSeconds);
    }

    private static SpeechEngineException TooBig(string path, string problem) =>
        new($"{path} {problem}: it needs Azure batch transcription, which is not implemented yet; nothing was sent");
}
