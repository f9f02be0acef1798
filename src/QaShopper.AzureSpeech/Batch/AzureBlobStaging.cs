using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>A recording uploaded for batch transcription: its blob name (safe to log) and its SAS URL (a secret).</summary>
internal sealed class StagedBlob(string name, Uri url)
{
    /// <summary>The blob's name in the container: a content hash and a random part, nothing secret.</summary>
    public string Name { get; } = name;

    /// <summary>The blob's URL with the container's SAS token: what the service reads. Never logged.</summary>
    public Uri Url { get; } = url;

    /// <summary>The name only, so the SAS token cannot reach a log through string formatting.</summary>
    public override string ToString() => Name;
}

/// <summary>
/// Puts recordings in the container of <see cref="AzureSpeechOptions.BatchContainerUrl"/> and takes them out again, with
/// the Blob service REST API (no SDK is served here): Put Blob for a recording of one block, Put Block and Put Block List
/// for bigger ones, Delete Blob. Requests go through the retrying transport without the Speech key: storage is
/// authorised by the SAS token alone, and the key must never reach another service.
/// </summary>
internal sealed partial class AzureBlobStaging(AzureSpeechTransport transport, AzureSpeechOptions options, ILogger logger)
{
    /// <summary>The Blob service version the requests are written against.</summary>
    public const string BlobApiVersion = "2023-11-03";

    private const string Upload = "batch audio upload";
    private const string Delete = "batch audio delete";

    /// <summary>Uploads the recording under an unguessable name: its SHA-256 and 128 random bits.</summary>
    public async Task<StagedBlob> UploadAsync(AzureRecording recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var container = options.BatchContainerUrl ?? throw new InvalidOperationException($"{AzureSpeechOptions.SectionName}:BatchContainerUrl is not set");
        var hash = recording.Bytes is { } whole ? SHA256.HashData(whole) : await HashFileAsync(recording.Path, cancellationToken).ConfigureAwait(false);

        // The hash names the content for whoever looks at the container; the random part makes the name impossible to
        // guess from a known recording, and two uploads of one file never collide.
        var name = $"qashopper/{Convert.ToHexStringLower(hash.AsSpan(0, 16))}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.wav";
        var blob = new StagedBlob(name, BlobSas.BlobUrl(container, name));
        if (recording.Size <= options.BatchUploadBlockSize)
        {
            var bytes = recording.Bytes ?? await File.ReadAllBytesAsync(recording.Path, cancellationToken).ConfigureAwait(false);
            await PutAsync(blob.Url, () => Audio(bytes, bytes.Length), BlockBlob, "Put Blob", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await PutBlocksAsync(blob, recording, cancellationToken).ConfigureAwait(false);
        }

        LogUploaded(logger, name, recording.Size);
        return blob;
    }

    /// <summary>Deletes the blob; one already gone is fine.</summary>
    public async Task DeleteAsync(StagedBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var response = await transport.SendAsync(
            _ => Task.FromResult(Versioned(new HttpRequestMessage(HttpMethod.Delete, blob.Url))),
            Delete,
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw await FailureAsync(response, Delete, cancellationToken).ConfigureAwait(false);
        }

        LogDeleted(logger, blob.Name);
    }

    /// <summary>
    /// Uploads block by block: each block is read from the file when it is sent (memory holds one block), and a failed
    /// block is retried alone. The blob exists only once the block list is committed.
    /// </summary>
    private async Task PutBlocksAsync(StagedBlob blob, AzureRecording recording, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var buffer = new byte[options.BatchUploadBlockSize];
        var file = File.OpenRead(recording.Path);
        await using (file.ConfigureAwait(false))
        {
            while (true)
            {
                var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                // Block ids must all have the same length within a blob: a fixed-width counter, base64 as the API asks.
                var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"block-{ids.Count:D6}")));
                var url = BlobSas.WithQuery(blob.Url, "comp=block&blockid=" + Uri.EscapeDataString(id));
                await PutAsync(url, () => Audio(buffer, read), _ => { }, "Put Block", cancellationToken).ConfigureAwait(false);
                ids.Add(id);
            }
        }

        var list = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in ids)
        {
            list.Append("<Latest>").Append(id).Append("</Latest>");
        }

        var xml = list.Append("</BlockList>").ToString();
        await PutAsync(
            BlobSas.WithQuery(blob.Url, "comp=blocklist"),
            () => new StringContent(xml, Encoding.UTF8, "application/xml"),
            request => request.Headers.Add("x-ms-blob-content-type", "audio/wav"),
            "Put Block List",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task PutAsync(Uri url, Func<HttpContent> content, Action<HttpRequestMessage> headers, string what, CancellationToken cancellationToken)
    {
        using var response = await transport.SendAsync(
            _ =>
            {
                var request = Versioned(new HttpRequestMessage(HttpMethod.Put, url) { Content = content() });
                headers(request);
                return Task.FromResult(request);
            },
            Upload,
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, $"{Upload} ({what})", cancellationToken).ConfigureAwait(false);
        }
    }

    private static void BlockBlob(HttpRequestMessage request) => request.Headers.Add("x-ms-blob-type", "BlockBlob");

    private static HttpRequestMessage Versioned(HttpRequestMessage request)
    {
        request.Headers.Add("x-ms-version", BlobApiVersion);
        return request;
    }

    private static ByteArrayContent Audio(byte[] bytes, int count)
    {
        var content = new ByteArrayContent(bytes, 0, count);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return content;
    }

    /// <summary>An error that says what to check, with the Blob service's error code and the container without its token.</summary>
    private async Task<SpeechEngineException> FailureAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        if (code is null)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var start = body.IndexOf("<Code>", StringComparison.Ordinal);
            var end = body.IndexOf("</Code>", StringComparison.Ordinal);
            code = start >= 0 && end > start ? body[(start + 6)..end] : null;
        }

        var advice = response.StatusCode switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized =>
                $"; the SAS token of {AzureSpeechOptions.SectionName}:BatchContainerUrl was refused: check that it allows create, write, read and delete and has not expired",
            HttpStatusCode.NotFound => $"; the container of {AzureSpeechOptions.SectionName}:BatchContainerUrl does not exist",
            _ => string.Empty,
        };
        var message = $"Azure {operation} to {options.BatchContainerForMessages} failed ({status}{(code is null ? string.Empty : " " + code)}){advice}";
        return new SpeechEngineException(BlobSas.Redact(message, options.BatchContainerUrl));
    }

    private static async Task<byte[]> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded {Bytes} bytes for batch transcription as blob {Blob}")]
    private static partial void LogUploaded(ILogger logger, string blob, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted blob {Blob}")]
    private static partial void LogDeleted(ILogger logger, string blob);
}
