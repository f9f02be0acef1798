using QaShopper.Core.Ports;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech;

/// <summary>
/// The Azure Speech <see cref="ITranscriber"/>: a recording within the fast API's limits (200 MB and
/// <see cref="AzureSpeechOptions.FastTranscriptionMaxDuration"/>) goes to <see cref="AzureFastTranscriber"/>, a longer or
/// bigger one to <see cref="AzureBatchTranscriber"/> when <see cref="AzureSpeechOptions.BatchContainerUrl"/> is set, and
/// is refused before anything is sent, with the setting to set, when it is not.
/// </summary>
public sealed class AzureTranscriber : ITranscriber
{
    private readonly AzureFastTranscriber fast;
    private readonly AzureBatchTranscriber batch;
    private readonly AzureSpeechOptions options;

    /// <summary>Creates the transcriber that chooses between <paramref name="fast"/> and <paramref name="batch"/>.</summary>
    public AzureTranscriber(AzureSpeechConnection connection, AzureFastTranscriber fast, AzureBatchTranscriber batch)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(fast);
        ArgumentNullException.ThrowIfNull(batch);
        this.fast = fast;
        this.batch = batch;
        options = connection.Options;
    }

    /// <inheritdoc />
    public string Engine => "azure";

    /// <inheritdoc />
    /// <remarks>The locales in <see cref="AzureSpeechOptions.TranscriptionLocales"/>, for both APIs.</remarks>
    public bool Supports(string locale) => AzureTranscriptionChecks.Supports(options, locale);

    /// <inheritdoc />
    /// <exception cref="SpeechEngineException">
    /// The locale is not configured, the recording is unreadable, it is over the fast limits without
    /// <see cref="AzureSpeechOptions.BatchContainerUrl"/>, or the service failed.
    /// </exception>
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        AzureTranscriptionChecks.Validate(request, options);

        // Read once: the checks decide the route, and fast transcription sends the bytes already read.
        var recording = await AzureRecording.ReadAsync(request.RecordingPath, cancellationToken).ConfigureAwait(false);
        if (recording.FitsFastTranscription(options))
        {
            return await fast.TranscribeAsync(request, recording, cancellationToken).ConfigureAwait(false);
        }

        return options.BatchContainerUrl is null
            ? throw AzureTranscriptionChecks.NeedsBatch(recording, options)
            : await batch.TranscribeAsync(request, recording, cancellationToken).ConfigureAwait(false);
    }
}
