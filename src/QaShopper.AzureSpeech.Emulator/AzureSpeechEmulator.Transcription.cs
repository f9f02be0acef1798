using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.AzureSpeech.Emulator;

/// <summary>The fast transcription route: the service's checks on the multipart request, and its answer shape.</summary>
public sealed partial class AzureSpeechEmulator
{
    /// <summary>The API versions the route accepts, as the service documents them for fast transcription.</summary>
    public static readonly IReadOnlyList<string> TranscriptionApiVersions = ["2024-11-15", "2025-10-15"];

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentQueue<EmulatedTranscriptionRequest> transcriptionRequests = new();

    /// <summary>The locales fast transcription accepts. Default en-US, en-GB and zh-CN.</summary>
    public ISet<string> TranscriptionLocales { get; } = new HashSet<string>(["en-US", "en-GB", "zh-CN"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Recorded answers (the service's JSON) by locale, sent whatever the audio: for locales no local recogniser can hear.
    /// Holds zh-CN (<see cref="RecordedZhCnFixture"/>) unless replaced.
    /// </summary>
    public IDictionary<string, string> RecordedTranscriptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-CN"] = RecordedZhCnFixture,
    };

    /// <summary>
    /// A zh-CN fast transcription answer in the service's shape (built on the documented multichannel example's shape):
    /// a BrightMart agent on channel 0 answering a returns question on channel 1.
    /// </summary>
    public static string RecordedZhCnFixture { get; } = ReadResource("fast-transcription_zh-CN.json");

    /// <summary>The fast transcription requests that passed authorisation, in arrival order.</summary>
    public IReadOnlyCollection<EmulatedTranscriptionRequest> TranscriptionRequests => transcriptionRequests;

    private async Task TranscribeAsync(HttpContext context)
    {
        if (await RefusedAsync(context, EmulatorRoute.FastTranscription).ConfigureAwait(false))
        {
            return;
        }

        var request = context.Request;

        var apiVersion = request.Query["api-version"].ToString();
        if (!TranscriptionApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequest", $"api-version '{apiVersion}' is not supported").ConfigureAwait(false);
            return;
        }

        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "Content-Type must be multipart/form-data").ConfigureAwait(false);
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var audioFile = form.Files.GetFile("audio");
        var definitionText = form.TryGetValue("definition", out var d) ? d.ToString() : null;
        byte[] audio = [];
        if (audioFile is not null)
        {
            using var buffer = new MemoryStream();
            await audioFile.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            audio = buffer.ToArray();
        }

        transcriptionRequests.Enqueue(new EmulatedTranscriptionRequest(
            apiVersion,
            [.. form.Keys, .. form.Files.Select(f => f.Name)],
            definitionText,
            audioFile?.FileName,
            audioFile?.ContentType,
            audio));

        if (audioFile is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequest", "the 'audio' part is required").ConfigureAwait(false);
            return;
        }

        if (ParseDefinition(definitionText) is not { } definition)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "'definition' is not a valid TranscribeDefinition").ConfigureAwait(false);
            return;
        }

        if (definition.Locales.FirstOrDefault(l => !TranscriptionLocales.Contains(l)) is { } unknown)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", $"locale '{unknown}' is not supported").ConfigureAwait(false);
            return;
        }

        if (definition.Channels.Count > 2 || definition.Channels.Distinct().Count() != definition.Channels.Count || definition.Channels.Any(c => c is < 0 or > 1))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "channels: up to two distinct 0-based channel indices of the audio").ConfigureAwait(false);
            return;
        }

        WavAudio wav;
        try
        {
            wav = WavFile.Parse(audio, audioFile.FileName);
        }
        catch (WavFormatException)
        {
            await ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "UnprocessableEntity", "the audio could not be decoded").ConfigureAwait(false);
            return;
        }

        if (definition.Channels.Any(c => c >= wav.Channels.Count))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "channels names a channel the audio does not have").ConfigureAwait(false);
            return;
        }

        // The service detects the language when no locale is given; the emulator takes the first it knows instead.
        var locale = definition.Locales.Count > 0 ? definition.Locales[0] : "en-US";
        string answer;
        if (RecordedTranscriptions.TryGetValue(locale, out var recorded))
        {
            answer = recorded;
        }
        else if (transcriber is not null && transcriber.Supports(locale))
        {
            answer = await TranscribeLocallyAsync(audio, wav, locale, definition.Phrases, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", $"locale '{locale}' is not supported").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<string> TranscribeLocallyAsync(byte[] audio, WavAudio wav, string locale, IReadOnlyList<string> phrases, CancellationToken cancellationToken)
    {
        // The local recogniser reads a file and treats the channel it is told is the agent's differently (the hints go
        // there). The service applies its phrase list to every channel alike, so each channel is heard once as the
        // "agent": pass one keeps channel 0, pass two channel 1 (relabelled Caller, which maps back to channel 1).
        var path = Path.Combine(Path.GetTempPath(), "qashopper-emulator-" + Guid.NewGuid().ToString("N") + ".wav");
        await File.WriteAllBytesAsync(path, audio, cancellationToken).ConfigureAwait(false);
        try
        {
            var first = await transcriber!.TranscribeAsync(new TranscriptionRequest(path, 1, 0, locale, phrases), cancellationToken).ConfigureAwait(false);
            if (wav.Channels.Count < 2)
            {
                return ToServiceJson(first, locale, wav.Duration);
            }

            var second = await transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, 0, locale, phrases), cancellationToken).ConfigureAwait(false);
            var segments = first.Segments.Where(s => s.Speaker == Speaker.Agent)
                .Concat(second.Segments.Where(s => s.Speaker == Speaker.Agent).Select(s => s with { Speaker = Speaker.Caller }))
                .ToList();
            return ToServiceJson(first with { Segments = segments, Duration = Math.Max(first.Duration, second.Duration) }, locale, wav.Duration);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A transcript in the service's <c>TranscribeResult</c> shape: agent on channel 0, caller on channel 1.</summary>
    private static string ToServiceJson(Transcript transcript, string locale, TimeSpan audioDuration)
    {
        static int Ms(double seconds) => (int)Math.Round(seconds * 1000);
        static int Channel(TranscriptSegment s) => s.Speaker == Speaker.Agent ? 0 : 1;

        var ordered = transcript.Segments.OrderBy(Channel).ThenBy(s => s.Start).ToList();
        var phrases = new JsonArray();
        foreach (var s in ordered)
        {
            var words = new JsonArray();
            foreach (var w in s.Words ?? [])
            {
                // Word confidences are not in the service's answer, so the emulator leaves them out too.
                words.Add(new JsonObject { ["text"] = w.Text, ["offsetMilliseconds"] = Ms(w.Start), ["durationMilliseconds"] = Ms(w.End - w.Start) });
            }

            // The schema requires a phrase confidence; a recogniser that gave none is taken at its word, as the scorer does.
            var confidence = s.Confidence ?? (s.Words is { Count: > 0 } ws && ws.All(w => w.Confidence is not null) ? ws.Average(w => w.Confidence!.Value) : 1.0);
            var phrase = new JsonObject
            {
                ["channel"] = Channel(s),
                ["offsetMilliseconds"] = Ms(s.Start),
                ["durationMilliseconds"] = Ms(s.End - s.Start),
                ["text"] = s.Text,
            };
            if (words.Count > 0)
            {
                phrase["words"] = words;
            }

            phrase["locale"] = locale;
            phrase["confidence"] = confidence;
            phrases.Add(phrase);
        }

        var combined = new JsonArray();
        foreach (var group in ordered.GroupBy(Channel))
        {
            combined.Add(new JsonObject { ["channel"] = group.Key, ["text"] = string.Join(" ", group.Select(s => s.Text)) });
        }

        var root = new JsonObject
        {
            ["durationMilliseconds"] = Ms(Math.Max(transcript.Duration, audioDuration.TotalSeconds)),
            ["combinedPhrases"] = combined,
            ["phrases"] = phrases,
        };
        return root.ToJsonString(Compact);
    }

    private static TranscribeDefinition? ParseDefinition(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // The definition is optional in the schema: all channels merged, language detected.
            return new TranscribeDefinition([], [], []);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var locales = new List<string>();
            if (root.TryGetProperty("locales", out var l))
            {
                if (l.ValueKind != JsonValueKind.Array || l.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    return null;
                }

                locales.AddRange(l.EnumerateArray().Select(e => e.GetString()!));
            }

            var channels = new List<int>();
            if (root.TryGetProperty("channels", out var c))
            {
                if (c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out _)))
                {
                    return null;
                }

                channels.AddRange(c.EnumerateArray().Select(e => e.GetInt32()));
            }

            var phrases = new List<string>();
            if (root.TryGetProperty("phraseList", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("phrases", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    return null;
                }

                phrases.AddRange(list.EnumerateArray().Select(e => e.GetString()!));
            }

            return new TranscribeDefinition(locales, channels, phrases);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(AzureSpeechEmulator).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record TranscribeDefinition(IReadOnlyList<string> Locales, IReadOnlyList<int> Channels, IReadOnlyList<string> Phrases);
}

/// <summary>One fast transcription request as the emulator received it.</summary>
/// <param name="ApiVersion">The <c>api-version</c> query parameter.</param>
/// <param name="PartNames">The names of the multipart parts, fields and files.</param>
/// <param name="Definition">The <c>definition</c> part's JSON, if sent.</param>
/// <param name="AudioFileName">The <c>audio</c> part's file name, if sent.</param>
/// <param name="AudioContentType">The <c>audio</c> part's content type, if sent.</param>
/// <param name="Audio">The <c>audio</c> part's bytes (empty if not sent).</param>
public sealed record EmulatedTranscriptionRequest(
    string ApiVersion,
    IReadOnlyList<string> PartNames,
    string? Definition,
    string? AudioFileName,
    string? AudioContentType,
    IReadOnlyList<byte> Audio);
