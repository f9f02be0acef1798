using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QaShopper.Audio;

namespace QaShopper.AzureSpeech.Emulator;

/// <summary>
/// Batch transcription (speechtotext 2024-11-15: submit, status, files, result file, delete) and the Blob Storage
/// container it reads audio from (Put Blob, Put Block, Put Block List, Get Blob, Delete Blob, authorised by a SAS
/// signature the emulator issues). A transcription advances NotStarted → Running → Succeeded (or Failed) on successive
/// status requests; its result is made when it ends, from the blob, in the service's result-file shape.
/// </summary>
public sealed partial class AzureSpeechEmulator
{
    private const string BlobRoot = "blob";
    private const string ContainerName = "recordings";
    private const string ResultRoot = "batch-results";

    private static readonly string[] TranscriptionFields = ["contentUrls", "contentContainerUrl", "locale", "displayName", "description", "customProperties", "model", "properties"];

    private static readonly string[] PropertyFields =
        ["wordLevelTimestampsEnabled", "displayFormWordLevelTimestampsEnabled", "channels", "destinationContainerUrl", "punctuationMode", "profanityFilterMode", "timeToLiveHours", "diarization", "languageIdentification"];

    private readonly ConcurrentDictionary<string, byte[]> blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> uncommittedBlocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, BatchJob> jobs = new();
    private readonly ConcurrentQueue<EmulatedBatchSubmission> batchSubmissions = new();
    private readonly ConcurrentQueue<(string Code, string Message)> batchFailures = new();

    /// <summary>The signature of the container SAS the emulator issues; each request to the container must carry it.</summary>
    private readonly string containerSignature = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The signature of the result files' SAS URLs (the service's own storage, not the client's container).</summary>
    private readonly string resultSignature = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// A container SAS URL for <c>AzureSpeech:BatchContainerUrl</c>: create, write, read and delete, signed by the emulator.
    /// A request to the container without this signature is refused with 403 AuthenticationFailed, as by Blob Storage.
    /// </summary>
    public Uri BatchContainerUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The SAS signature in <see cref="BatchContainerUrl"/>, for tests that check it never leaks.</summary>
    public string BatchContainerSignature => containerSignature;

    /// <summary>How many status requests answer NotStarted before Running. Default 1.</summary>
    public int BatchNotStartedPolls { get; set; } = 1;

    /// <summary>How many status requests answer Running before the transcription ends. Default 1.</summary>
    public int BatchRunningPolls { get; set; } = 1;

    /// <summary>The <c>Retry-After</c> a status answer carries while the transcription has not ended (seconds), or null for none.</summary>
    public string? BatchStatusRetryAfter { get; set; }

    /// <summary>
    /// When set, the service cannot read the blobs it is given (as with a SAS without read permission or an expired one):
    /// transcriptions end Failed with <c>InvalidData</c>.
    /// </summary>
    public bool BlobsUnreadableByService { get; set; }

    /// <summary>The blobs in the container now, by name.</summary>
    public IReadOnlyCollection<string> Blobs => [.. blobs.Keys];

    /// <summary>The batch transcriptions that exist now (not yet deleted).</summary>
    public IReadOnlyCollection<Guid> BatchTranscriptions => [.. jobs.Keys];

    /// <summary>The submit requests that passed authorisation, in arrival order.</summary>
    public IReadOnlyCollection<EmulatedBatchSubmission> BatchSubmissions => batchSubmissions;

    private string ContainerSas => $"sv=2023-11-03&sr=c&sp=rcwd&se=2099-01-01T00%3A00%3A00Z&sig={containerSignature}";

    /// <summary>The next transcription submitted ends Failed with this error in <c>properties.error</c>.</summary>
    public void FailNextBatchTranscription(string code = "InvalidData", string message = "The recordings could not be transcribed.")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        batchFailures.Enqueue((code, message));
    }

    private void MapBatch(WebApplication web)
    {
        web.MapPut($"/{BlobRoot}/{ContainerName}/{{**name}}", PutBlobAsync);
        web.MapGet($"/{BlobRoot}/{ContainerName}/{{**name}}", GetBlobAsync);
        web.MapDelete($"/{BlobRoot}/{ContainerName}/{{**name}}", DeleteBlobAsync);
        web.MapPost("/speechtotext/transcriptions:submit", SubmitBatchAsync);
        web.MapGet("/speechtotext/transcriptions/{id:guid}", BatchStatusAsync);
        web.MapGet("/speechtotext/transcriptions/{id:guid}/files", BatchFilesAsync);
        web.MapDelete("/speechtotext/transcriptions/{id:guid}", DeleteBatchAsync);
        web.MapGet($"/{ResultRoot}/{{id:guid}}/{{file}}", BatchResultAsync);
    }

    private async Task PutBlobAsync(HttpContext context, string name)
    {
        if (await Begin(context, EmulatorRoute.BlobUpload).ConfigureAwait(false) || !await BlobAuthorisedAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var request = context.Request;
        if (string.IsNullOrEmpty(request.Headers["x-ms-version"]))
        {
            // Optional with a SAS for the real service (the token's sv stands in); required here so the adapter is seen to pin it.
            await BlobErrorAsync(context, StatusCodes.Status400BadRequest, "MissingRequiredHeader", "x-ms-version is required").ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        switch (request.Query["comp"].ToString())
        {
            case "block":
                var blockId = request.Query["blockid"].ToString();
                if (!IsBase64(blockId))
                {
                    await BlobErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidQueryParameterValue", "blockid must be base64").ConfigureAwait(false);
                    return;
                }

                uncommittedBlocks.GetOrAdd(name, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal))[blockId] = body;
                break;
            case "blocklist":
                if (CommitBlocks(name, body) is not { } whole)
                {
                    await BlobErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidBlockList", "the block list names a block that was not uploaded").ConfigureAwait(false);
                    return;
                }

                blobs[name] = whole;
                break;
            case "":
                if (!string.Equals(request.Headers["x-ms-blob-type"], "BlockBlob", StringComparison.Ordinal))
                {
                    await BlobErrorAsync(context, StatusCodes.Status400BadRequest, "MissingRequiredHeader", "x-ms-blob-type: BlockBlob is required").ConfigureAwait(false);
                    return;
                }

                blobs[name] = body;
                break;
            default:
                await BlobErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidQueryParameterValue", "unsupported comp").ConfigureAwait(false);
                return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private byte[]? CommitBlocks(string name, byte[] xml)
    {
        if (!uncommittedBlocks.TryRemove(name, out var blocks))
        {
            blocks = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        }

        try
        {
            using var stream = new MemoryStream(xml);
            var list = XDocument.Load(stream).Root;
            if (list is null || list.Name.LocalName != "BlockList")
            {
                return null;
            }

            using var whole = new MemoryStream();
            foreach (var id in list.Elements().Where(e => e.Name.LocalName is "Latest" or "Uncommitted").Select(e => e.Value))
            {
                if (!blocks.TryGetValue(id, out var block))
                {
                    return null;
                }

                whole.Write(block);
            }

            return whole.ToArray();
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private async Task GetBlobAsync(HttpContext context, string name)
    {
        if (await Begin(context, EmulatorRoute.BlobRead).ConfigureAwait(false) || !await BlobAuthorisedAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!blobs.TryGetValue(name, out var bytes))
        {
            await BlobErrorAsync(context, StatusCodes.Status404NotFound, "BlobNotFound", "The specified blob does not exist.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task DeleteBlobAsync(HttpContext context, string name)
    {
        if (await Begin(context, EmulatorRoute.BlobDelete).ConfigureAwait(false) || !await BlobAuthorisedAsync(context).ConfigureAwait(false))
        {
            return;
        }

        uncommittedBlocks.TryRemove(name, out _);
        if (!blobs.TryRemove(name, out _))
        {
            await BlobErrorAsync(context, StatusCodes.Status404NotFound, "BlobNotFound", "The specified blob does not exist.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task<bool> BlobAuthorisedAsync(HttpContext context)
    {
        if (string.Equals(context.Request.Query["sig"], containerSignature, StringComparison.Ordinal))
        {
            return true;
        }

        await BlobErrorAsync(context, StatusCodes.Status403Forbidden, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.").ConfigureAwait(false);
        return false;
    }

    private static Task BlobErrorAsync(HttpContext context, int status, string code, string message)
    {
        // Blob Storage's error shape: the code in a header and in an XML body.
        context.Response.StatusCode = status;
        context.Response.Headers["x-ms-error-code"] = code;
        context.Response.ContentType = "application/xml";
        return context.Response.WriteAsync(new XDocument(new XElement("Error", new XElement("Code", code), new XElement("Message", message))).ToString());
    }

    private async Task SubmitBatchAsync(HttpContext context)
    {
        if (await RefusedAsync(context, EmulatorRoute.BatchSubmit).ConfigureAwait(false))
        {
            return;
        }

        var request = context.Request;

        var apiVersion = request.Query["api-version"].ToString();
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        batchSubmissions.Enqueue(new EmulatedBatchSubmission(apiVersion, body));
        if (!TranscriptionApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequest", $"api-version '{apiVersion}' is not supported").ConfigureAwait(false);
            return;
        }

        if (CheckSubmission(body) is { } problem)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidPayload", problem).ConfigureAwait(false);
            return;
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var id = Guid.NewGuid();
        var job = new BatchJob(
            id,
            root.GetProperty("locale").GetString()!,
            root.GetProperty("displayName").GetString()!,
            new Uri(root.GetProperty("contentUrls")[0].GetString()!),
            root.GetProperty("properties").GetRawText(),
            time.GetUtcNow(),
            batchFailures.TryDequeue(out var failure) ? failure : null);
        jobs[id] = job;
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = Self(id);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(StatusJson(job), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The schema's checks on a submitted <c>Transcription</c>, and the emulator's: one content URL, known fields only.</summary>
    private string? CheckSubmission(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "the body is not a Transcription object";
            }

            if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !TranscriptionFields.Contains(n, StringComparer.Ordinal)) is { } unknownField)
            {
                return $"'{unknownField}' is not a property of Transcription";
            }

            if (!root.TryGetProperty("locale", out var locale) || locale.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(locale.GetString()))
            {
                return "locale is required";
            }

            if (!TranscriptionLocales.Contains(locale.GetString()!))
            {
                return $"locale '{locale.GetString()}' is not supported";
            }

            if (!root.TryGetProperty("displayName", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(name.GetString()))
            {
                return "displayName is required";
            }

            if (!root.TryGetProperty("contentUrls", out var urls) || urls.ValueKind != JsonValueKind.Array || urls.GetArrayLength() == 0
                || urls.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String || !Uri.TryCreate(u.GetString(), UriKind.Absolute, out _)))
            {
                return "contentUrls must list the audio's absolute URLs (the emulator does not read contentContainerUrl)";
            }

            if (!root.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                return "properties is required";
            }

            if (properties.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !PropertyFields.Contains(n, StringComparer.Ordinal)) is { } unknown)
            {
                return $"'{unknown}' is not a property of TranscriptionProperties (timeToLiveHours is required)";
            }

            if (!properties.TryGetProperty("timeToLiveHours", out var ttl) || !ttl.TryGetInt32(out var hours) || hours is < 6 or > 744)
            {
                return "properties.timeToLiveHours is required, from 6 hours to 31 days";
            }

            if (properties.TryGetProperty("channels", out var channels)
                && (channels.ValueKind != JsonValueKind.Array || channels.EnumerateArray().Any(c => !c.TryGetInt32(out var n) || n is < 0 or > 1)))
            {
                return "properties.channels: 0-based channel indices of the audio";
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return "the body is not valid JSON";
        }
    }

    private async Task BatchStatusAsync(HttpContext context, Guid id)
    {
        if (await Begin(context, EmulatorRoute.BatchStatus).ConfigureAwait(false) || !await BatchAuthorisedAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!jobs.TryGetValue(id, out var job))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", "The transcription does not exist.").ConfigureAwait(false);
            return;
        }

        var polls = Interlocked.Increment(ref job.Polls);
        if (polls > BatchNotStartedPolls + BatchRunningPolls && job.Status is "NotStarted" or "Running")
        {
            await FinishAsync(job, context.RequestAborted).ConfigureAwait(false);
        }
        else if (polls > BatchNotStartedPolls && job.Status == "NotStarted")
        {
            job.Status = "Running";
            job.LastAction = time.GetUtcNow();
        }

        if (job.Status is "NotStarted" or "Running" && BatchStatusRetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(StatusJson(job), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Ends a transcription as the service would: reads the audio by its URL, transcribes it, or fails.</summary>
    private async Task FinishAsync(BatchJob job, CancellationToken cancellationToken)
    {
        job.LastAction = time.GetUtcNow();
        if (job.Failure is { } failure)
        {
            (job.Status, job.Error) = ("Failed", failure);
            return;
        }

        if (ReadContent(job.ContentUrl) is not { } audio)
        {
            (job.Status, job.Error) = ("Failed", ("InvalidData", "Failed to download the audio from the content URL; check that it exists and that its SAS allows reading."));
            return;
        }

        WavAudio wav;
        try
        {
            wav = WavFile.Parse(audio, "audio.wav");
        }
        catch (WavFormatException)
        {
            (job.Status, job.Error) = ("Failed", ("InvalidData", "The audio could not be decoded."));
            return;
        }

        string fast;
        if (RecordedTranscriptions.TryGetValue(job.Locale, out var recorded))
        {
            fast = recorded;
        }
        else if (transcriber is not null && transcriber.Supports(job.Locale))
        {
            fast = await TranscribeLocallyAsync(audio, wav, job.Locale, [], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (job.Status, job.Error) = ("Failed", ("InvalidData", $"locale '{job.Locale}' cannot be transcribed"));
            return;
        }

        (job.Result, job.DurationMilliseconds) = ToBatchResult(fast, job.ContentUrl);
        job.Status = "Succeeded";
    }

    /// <summary>The audio behind a content URL, when it is a blob of the emulator's container with its signature.</summary>
    private byte[]? ReadContent(Uri url)
    {
        var prefix = new Uri(Endpoint, $"{BlobRoot}/{ContainerName}/").AbsolutePath;
        if (BlobsUnreadableByService || url.Authority != Endpoint.Authority || !url.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal)
            || !url.Query.TrimStart('?').Split('&').Contains("sig=" + containerSignature, StringComparer.Ordinal))
        {
            return null;
        }

        return blobs.TryGetValue(Uri.UnescapeDataString(url.AbsolutePath[prefix.Length..]), out var bytes) ? bytes : null;
    }

    private async Task BatchFilesAsync(HttpContext context, Guid id)
    {
        if (await Begin(context, EmulatorRoute.BatchFiles).ConfigureAwait(false) || !await BatchAuthorisedAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!jobs.TryGetValue(id, out var job))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", "The transcription does not exist.").ConfigureAwait(false);
            return;
        }

        var values = new JsonArray();
        if (job.Status == "Succeeded")
        {
            // The report first, as the service may list it: the client has to pick the file by kind.
            values.Add(FileJson(job, "report.json", "TranscriptionReport"));
            values.Add(FileJson(job, "contenturl_0.json", "Transcription"));
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["values"] = values }.ToJsonString(Compact), context.RequestAborted).ConfigureAwait(false);
    }

    private JsonObject FileJson(BatchJob job, string name, string kind) => new()
    {
        ["self"] = new Uri(Endpoint, $"speechtotext/transcriptions/{job.Id:D}/files/{Guid.NewGuid():D}?api-version=2024-11-15").AbsoluteUri,
        ["name"] = name,
        ["kind"] = kind,
        ["links"] = new JsonObject { ["contentUrl"] = new Uri(Endpoint, $"{ResultRoot}/{job.Id:D}/{name}?sv=2023-11-03&sr=b&sp=r&sig={resultSignature}").AbsoluteUri },
        ["properties"] = new JsonObject { ["size"] = kind == "Transcription" ? job.Result?.Length ?? 0 : 100 },
        ["createdDateTime"] = Iso(job.LastAction),
    };

    private async Task BatchResultAsync(HttpContext context, Guid id, string file)
    {
        if (await Begin(context, EmulatorRoute.BatchResult).ConfigureAwait(false))
        {
            return;
        }

        if (!string.Equals(context.Request.Query["sig"], resultSignature, StringComparison.Ordinal))
        {
            await BlobErrorAsync(context, StatusCodes.Status403Forbidden, "AuthenticationFailed", "Server failed to authenticate the request.").ConfigureAwait(false);
            return;
        }

        if (!jobs.TryGetValue(id, out var job) || job.Result is null)
        {
            await BlobErrorAsync(context, StatusCodes.Status404NotFound, "BlobNotFound", "The specified blob does not exist.").ConfigureAwait(false);
            return;
        }

        var text = file == "report.json"
            ? new JsonObject { ["successfulTranscriptionsCount"] = 1, ["failedTranscriptionsCount"] = 0 }.ToJsonString(Compact)
            : job.Result;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task DeleteBatchAsync(HttpContext context, Guid id)
    {
        if (await Begin(context, EmulatorRoute.BatchDelete).ConfigureAwait(false) || !await BatchAuthorisedAsync(context).ConfigureAwait(false))
        {
            return;
        }

        // 204 whether it existed or not, as the schema says.
        jobs.TryRemove(id, out _);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task<bool> BatchAuthorisedAsync(HttpContext context)
    {
        if (!Authorised(context.Request))
        {
            await DeniedAsync(context).ConfigureAwait(false);
            return false;
        }

        var apiVersion = context.Request.Query["api-version"].ToString();
        if (!TranscriptionApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequest", $"api-version '{apiVersion}' is not supported").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private string Self(Guid id) => new Uri(Endpoint, $"speechtotext/transcriptions/{id:D}?api-version=2024-11-15").AbsoluteUri;

    /// <summary>A <c>Transcription</c> as the status request answers it (the submitted properties, plus duration or error).</summary>
    private string StatusJson(BatchJob job)
    {
        var properties = JsonNode.Parse(job.Properties)!.AsObject();
        if (job.DurationMilliseconds is { } ms)
        {
            properties["durationMilliseconds"] = ms;
        }

        if (job.Error is { } error)
        {
            properties["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        }

        return new JsonObject
        {
            ["self"] = Self(job.Id),
            ["displayName"] = job.DisplayName,
            ["locale"] = job.Locale,
            ["createdDateTime"] = Iso(job.Created),
            ["lastActionDateTime"] = Iso(job.LastAction),
            ["links"] = new JsonObject { ["files"] = new Uri(Endpoint, $"speechtotext/transcriptions/{job.Id:D}/files?api-version=2024-11-15").AbsoluteUri },
            ["properties"] = properties,
            ["status"] = job.Status,
        }.ToJsonString(Compact);
    }

    /// <summary>
    /// A fast transcription answer rewritten as a batch result file: <c>recognizedPhrases</c> with the channel, times in
    /// milliseconds, ticks and ISO 8601 (as the service writes them), and <c>nBest[0]</c> with display text, confidence and
    /// words with their times and confidences (the phrase's, where the fast answer gives none).
    /// </summary>
    private static (string Json, long DurationMilliseconds) ToBatchResult(string fastJson, Uri source)
    {
        var fast = JsonNode.Parse(fastJson)!.AsObject();
        var durationMs = fast["durationMilliseconds"]!.GetValue<long>();
        var phrases = new JsonArray();
        var combined = new Dictionary<int, List<string>>();
        foreach (var node in fast["phrases"]!.AsArray())
        {
            var phrase = node!.AsObject();
            var channel = phrase["channel"]?.GetValue<int>() ?? 0;
            var text = phrase["text"]!.GetValue<string>();
            var confidence = phrase["confidence"]!.GetValue<double>();
            var words = new JsonArray();
            foreach (var w in phrase["words"]?.AsArray() ?? [])
            {
                var word = Timed(w!["offsetMilliseconds"]!.GetValue<long>(), w["durationMilliseconds"]!.GetValue<long>());
                word.Insert(0, "word", w["text"]!.GetValue<string>());
                word["confidence"] = w["confidence"]?.GetValue<double>() ?? confidence;
                words.Add(word);
            }

            var recognized = Timed(phrase["offsetMilliseconds"]!.GetValue<long>(), phrase["durationMilliseconds"]!.GetValue<long>());
            recognized.Insert(0, "recognitionStatus", "Success");
            recognized.Insert(1, "channel", channel);
            recognized["nBest"] = new JsonArray(new JsonObject
            {
                ["confidence"] = confidence,
                ["lexical"] = text.ToLowerInvariant(),
                ["itn"] = text.ToLowerInvariant(),
                ["maskedITN"] = text.ToLowerInvariant(),
                ["display"] = text,
                ["words"] = words,
            });
            phrases.Add(recognized);
            (combined.TryGetValue(channel, out var list) ? list : combined[channel] = []).Add(text);
        }

        var result = new JsonObject
        {
            ["source"] = source.GetLeftPart(UriPartial.Path),
            ["timestamp"] = "2026-01-01T00:00:00Z",
            ["durationInTicks"] = durationMs * TimeSpan.TicksPerMillisecond,
            ["durationMilliseconds"] = durationMs,
            ["duration"] = XmlConvert.ToString(TimeSpan.FromMilliseconds(durationMs)),
            ["combinedRecognizedPhrases"] = new JsonArray([.. combined.OrderBy(c => c.Key).Select(c => (JsonNode)new JsonObject
            {
                ["channel"] = c.Key,
                ["lexical"] = string.Join(" ", c.Value).ToLowerInvariant(),
                ["display"] = string.Join(" ", c.Value),
            })]),
            ["recognizedPhrases"] = phrases,
        };
        return (result.ToJsonString(Compact), durationMs);
    }

    private static JsonObject Timed(long offsetMs, long durationMs) => new()
    {
        ["offset"] = XmlConvert.ToString(TimeSpan.FromMilliseconds(offsetMs)),
        ["duration"] = XmlConvert.ToString(TimeSpan.FromMilliseconds(durationMs)),
        ["offsetInTicks"] = (double)(offsetMs * TimeSpan.TicksPerMillisecond),
        ["durationInTicks"] = (double)(durationMs * TimeSpan.TicksPerMillisecond),
        ["offsetMilliseconds"] = offsetMs,
        ["durationMilliseconds"] = durationMs,
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>One batch transcription the emulator holds.</summary>
    private sealed class BatchJob(Guid id, string locale, string displayName, Uri contentUrl, string properties, DateTimeOffset created, (string Code, string Message)? failure)
    {
        public int Polls;

        public Guid Id { get; } = id;

        public string Locale { get; } = locale;

        public string DisplayName { get; } = displayName;

        public Uri ContentUrl { get; } = contentUrl;

        public string Properties { get; } = properties;

        public DateTimeOffset Created { get; } = created;

        public (string Code, string Message)? Failure { get; } = failure;

        public DateTimeOffset LastAction { get; set; } = created;

        public string Status { get; set; } = "NotStarted";

        public (string Code, string Message)? Error { get; set; }

        public string? Result { get; set; }

        public long? DurationMilliseconds { get; set; }
    }
}

/// <summary>One batch transcription submit request as the emulator received it.</summary>
/// <param name="ApiVersion">The <c>api-version</c> query parameter.</param>
/// <param name="Body">The <c>Transcription</c> JSON sent.</param>
public sealed record EmulatedBatchSubmission(string ApiVersion, string Body);
