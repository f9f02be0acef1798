using System.Net.Http.Headers;
using System.Text;
using QaShopper.Core.Ports;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Speech to text with Azure Speech fast transcription over REST: the two-channel recording is sent in one synchronous
/// request, each channel transcribed separately, and the answer becomes a <see cref="Transcript"/>. Recordings beyond the
/// fast API's limits are refused before anything is sent: <see cref="AzureTranscriber"/> sends those to
/// <see cref="AzureBatchTranscriber"/>. Any failure throws: a transcript is returned whole or not at all.
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
    public bool Supports(string locale) => AzureTranscriptionChecks.Supports(options, locale);

    /// <inheritdoc />
    /// <exception cref="SpeechEngineException">
    /// The locale is not configured, the recording is unreadable or beyond the fast API's limits, or the service failed.
    /// </exception>
    /// <remarks>
    /// A recording beyond the fast API's limits is refused here; <see cref="AzureTranscriber"/> (what
    /// <see cref="AzureSpeechExtensions.AddAzureSpeechTranscription"/> registers) sends it to batch transcription instead.
    /// </remarks>
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        AzureTranscriptionChecks.Validate(request, options);
        var recording = await AzureRecording.ReadAsync(request.RecordingPath, cancellationToken).ConfigureAwait(false);
        return recording.FitsFastTranscription(options)
            ? await TranscribeAsync(request, recording, cancellationToken).ConfigureAwait(false)
            : throw AzureTranscriptionChecks.NeedsBatch(recording, options);
    }

    /// <summary>Transcribes a recording already read and known to fit the fast API's limits.</summary>
    internal async Task<Transcript> TranscribeAsync(TranscriptionRequest request, AzureRecording recording, CancellationToken cancellationToken)
    {
        var audio = recording.Bytes ?? throw new InvalidOperationException("a recording over 200 MB cannot be sent to fast transcription");
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
            ? FastTranscriptionJson.Parse(body, request, recording.Duration.TotalSeconds)
            : throw AzureSpeechErrors.FromResponse(response.StatusCode, body, Operation, options);
    }
}
