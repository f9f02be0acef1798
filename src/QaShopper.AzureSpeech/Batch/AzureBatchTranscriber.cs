using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaShopper.Core.Ports;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Speech to text with Azure Speech batch transcription (speechtotext 2024-11-15), for recordings over the fast API's
/// limits: the recording is uploaded to the container of <see cref="AzureSpeechOptions.BatchContainerUrl"/>, submitted by
/// URL, polled until it ends, and its result file read into a <see cref="Transcript"/> as fast transcription's is.
/// The blob and the transcription are deleted afterwards, after a failure and after a cancellation too (best effort).
/// Any failure throws: a transcript is returned whole or not at all.
/// </summary>
/// <remarks>
/// Batch transcription in 2024-11-15 has no phrase list, so unlike fast transcription the checklist's phrases and the
/// agents' names do not bias recognition here.
/// </remarks>
public sealed partial class AzureBatchTranscriber : ITranscriber
{
    private const string Submit = "batch transcription submit";
    private const string Status = "batch transcription status";
    private const string Files = "batch transcription file list";
    private const string Result = "batch transcription result";
    private const string Delete = "batch transcription delete";

    /// <summary>How far waits between polls grow without advice from the service, as a multiple of the poll interval.</summary>
    private const double LongestPollFactor = 6;

    private readonly AzureSpeechConnection connection;
    private readonly AzureSpeechOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly AzureBlobStaging staging;

    /// <summary>Creates a transcriber that calls the service through the host's shared <paramref name="connection"/>.</summary>
    public AzureBatchTranscriber(AzureSpeechConnection connection, TimeProvider timeProvider, ILogger<AzureBatchTranscriber>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.connection = connection;
        options = connection.Options;
        time = timeProvider;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        staging = new AzureBlobStaging(connection.Transport, options, this.logger);
    }

    /// <inheritdoc />
    public string Engine => "azure";

    /// <inheritdoc />
    /// <remarks>The locales in <see cref="AzureSpeechOptions.TranscriptionLocales"/>.</remarks>
    public bool Supports(string locale) => AzureTranscriptionChecks.Supports(options, locale);

    /// <inheritdoc />
    /// <exception cref="SpeechEngineException">
    /// The locale is not configured, <see cref="AzureSpeechOptions.BatchContainerUrl"/> is not set, the recording is
    /// unreadable, the upload or the service failed, or the transcription took longer than <see cref="AzureSpeechOptions.BatchTimeout"/>.
    /// </exception>
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        AzureTranscriptionChecks.Validate(request, options);
        var recording = await AzureRecording.ReadAsync(request.RecordingPath, cancellationToken).ConfigureAwait(false);
        return await TranscribeAsync(request, recording, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Transcribes a recording already read, whatever its size.</summary>
    internal async Task<Transcript> TranscribeAsync(TranscriptionRequest request, AzureRecording recording, CancellationToken cancellationToken)
    {
        if (options.BatchContainerUrl is null)
        {
            throw new SpeechEngineException(
                $"{recording.Path}: Azure batch transcription needs a storage container for the audio; set {AzureSpeechOptions.SectionName}:BatchContainerUrl to a container SAS URL that allows create, write, read and delete. Nothing was sent");
        }

        var deadline = time.GetUtcNow() + options.BatchTimeout;
        StagedBlob? blob = null;
        Guid? id = null;
        try
        {
            blob = await staging.UploadAsync(recording, cancellationToken).ConfigureAwait(false);
            id = await SubmitAsync(request, blob, cancellationToken).ConfigureAwait(false);
            await WaitAsync(id.Value, recording, deadline, cancellationToken).ConfigureAwait(false);
            var content = await ResultUrlAsync(id.Value, cancellationToken).ConfigureAwait(false);
            var json = await DownloadAsync(content, cancellationToken).ConfigureAwait(false);
            var transcript = BatchTranscriptionJson.ParseResult(json, request, recording.Duration.TotalSeconds);
            LogTranscribed(logger, id.Value, transcript.Segments.Count);
            return transcript;
        }
        catch (SpeechEngineException ex) when (Leaks(ex))
        {
            // A message must not carry the SAS token into a log, nor an inner exception that does.
            throw new SpeechEngineException(BlobSas.Redact(ex.Message, options.BatchContainerUrl));
        }
        finally
        {
            // Not the caller's token: a cancelled transcription must still be cleaned up. Each request is bounded by
            // AzureSpeech:Timeout and the retry budget, so this cannot hang.
            if (id is { } created)
            {
                await CleanUpAsync(() => DeleteTranscriptionAsync(created), "transcription " + created.ToString("D")).ConfigureAwait(false);
            }

            if (blob is not null)
            {
                await CleanUpAsync(() => staging.DeleteAsync(blob, CancellationToken.None), "blob " + blob.Name).ConfigureAwait(false);
            }
        }
    }

    private async Task<Guid> SubmitAsync(TranscriptionRequest request, StagedBlob blob, CancellationToken cancellationToken)
    {
        var displayName = "QaShopper " + Path.GetFileName(request.RecordingPath);
        var definition = BatchTranscriptionJson.Definition(request, blob.Url, displayName);
        using var response = await connection.SendRenewingTokenAsync(
            () => Json(new HttpRequestMessage(HttpMethod.Post, connection.Endpoints.BatchSubmit)
            {
                Content = new StringContent(definition, Encoding.UTF8, "application/json"),
            }),
            Submit,
            cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw AzureSpeechErrors.FromResponse(response.StatusCode, body, Submit, options);
        }

        var id = BatchTranscriptionJson.ReadId(body);
        LogSubmitted(logger, id, blob.Name);
        return id;
    }

    /// <summary>
    /// Polls until the transcription ends: each wait is the service's <c>Retry-After</c> when it gives one, else the poll
    /// interval growing by half each time (a long recording takes a while; no need to ask every 10 s for an hour).
    /// 429 and 5xx answers to a poll are retried by the transport, which honours their <c>Retry-After</c>.
    /// </summary>
    private async Task WaitAsync(Guid id, AzureRecording recording, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var backOff = options.BatchPollInterval;
        var longest = options.BatchPollInterval * LongestPollFactor;
        var wait = backOff;
        for (var poll = 1; ; poll++)
        {
            if (time.GetUtcNow() + wait > deadline)
            {
                throw new SpeechEngineException(string.Create(CultureInfo.InvariantCulture,
                    $"Azure Speech batch transcription of {recording.Path} ({recording.Duration.TotalMinutes:0.#} min) at {options.Target} did not finish within {options.BatchTimeout} ({AzureSpeechOptions.SectionName}:BatchTimeout); it was cancelled and deleted"));
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            using var response = await connection.SendRenewingTokenAsync(
                () => Json(new HttpRequestMessage(HttpMethod.Get, connection.Endpoints.BatchTranscription(id))),
                Status,
                cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AzureSpeechErrors.FromResponse(response.StatusCode, body, Status, options);
            }

            var status = BatchTranscriptionJson.ReadStatus(body);
            LogStatus(logger, id, status.Status, poll);
            if (status.Succeeded)
            {
                return;
            }

            if (status.Failed)
            {
                var code = status.ErrorCode ?? "no error code";
                var message = status.ErrorMessage is { Length: > 0 } m ? ": " + m : string.Empty;
                throw new SpeechEngineException(BlobSas.Redact(
                    $"Azure Speech batch transcription of {recording.Path} failed at {options.Target} ({code}{message}); no transcript was made", options.BatchContainerUrl));
            }

            backOff = backOff * 1.5 < longest ? backOff * 1.5 : longest;
            wait = RetryAfter(response) ?? backOff;
        }
    }

    /// <summary>The content URL of the result file of kind <c>Transcription</c>, following the list's pages.</summary>
    private async Task<Uri> ResultUrlAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = connection.Endpoints.BatchFiles(id);
        for (var pages = 0; pages < 100; pages++)
        {
            var url = page;
            using var response = await connection.SendRenewingTokenAsync(() => Json(new HttpRequestMessage(HttpMethod.Get, url)), Files, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AzureSpeechErrors.FromResponse(response.StatusCode, body, Files, options);
            }

            var (content, next) = BatchTranscriptionJson.ReadFiles(body);
            if (content is not null)
            {
                return content;
            }

            // The key or token goes only to the Speech endpoint: a next link elsewhere is not followed.
            if (next is null || !string.Equals(next.Authority, connection.Endpoints.SpeechToText.Authority, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            page = next;
        }

        throw new SpeechEngineException($"Azure Speech batch transcription {id:D} succeeded at {options.Target} but lists no file of kind Transcription; no transcript was made");
    }

    /// <summary>Reads the result file. Its URL carries its own SAS token, so no Speech key or token is sent with it.</summary>
    private async Task<string> DownloadAsync(Uri content, CancellationToken cancellationToken)
    {
        using var response = await connection.Transport.SendAsync(
            _ => Task.FromResult(Json(new HttpRequestMessage(HttpMethod.Get, content))),
            Result,
            cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? body
            : throw new SpeechEngineException(string.Create(CultureInfo.InvariantCulture,
                $"Azure Speech {Result} download from {BlobSas.Redact(content)} failed ({(int)response.StatusCode}); no transcript was made"));
    }

    private async Task DeleteTranscriptionAsync(Guid id)
    {
        using var response = await connection.SendRenewingTokenAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, connection.Endpoints.BatchTranscription(id)),
            Delete,
            CancellationToken.None).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            throw AzureSpeechErrors.FromResponse(response.StatusCode, body, Delete, options);
        }

        LogDeleted(logger, id);
    }

    /// <summary>Runs a clean-up step; its failure is logged, not thrown, so it never hides the error that matters.</summary>
    private async Task CleanUpAsync(Func<Task> step, string what)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SpeechEngineException or HttpRequestException or OperationCanceledException)
        {
            LogCleanUpFailed(logger, what, BlobSas.Redact(ex.Message, options.BatchContainerUrl));
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w > TimeSpan.Zero ? w : null;
    }

    private bool Leaks(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (BlobSas.Redact(e.Message, options.BatchContainerUrl) != e.Message)
            {
                return true;
            }
        }

        return false;
    }

    private static HttpRequestMessage Json(HttpRequestMessage request)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitted batch transcription {Id} for blob {Blob}")]
    private static partial void LogSubmitted(ILogger logger, Guid id, string blob);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch transcription {Id} is {Status} (poll {Poll})")]
    private static partial void LogStatus(ILogger logger, Guid id, string status, int poll);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch transcription {Id} read: {Segments} segments")]
    private static partial void LogTranscribed(ILogger logger, Guid id, int segments);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted batch transcription {Id}")]
    private static partial void LogDeleted(ILogger logger, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {What} after batch transcription: {Problem}")]
    private static partial void LogCleanUpFailed(ILogger logger, string what, string problem);
}
