using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Ports;

namespace QaShopper.Twilio;

/// <summary>Maps Twilio's webhooks onto a host's endpoints.</summary>
public static class TwilioWebhookEndpoints
{
    /// <summary>
    /// Maps POST <c>/twilio/calls/{callId}/voice</c>, <c>/gather/{step}/{attempt}</c>, <c>/status</c>, <c>/recording</c>
    /// (each signature-checked: 403 when forged, 404 for an unknown call, 400 for a malformed body) and GET
    /// <c>/twilio/audio/{hash}.wav</c> (the caller's clips, content-addressed, unsigned as Twilio fetches media).
    /// Needs <see cref="TwilioCarrierExtensions.AddTwilioCarrier"/>'s services.
    /// </summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Signature-checked instead of signed in: Twilio has no session, so a host that requires sign-in lets these through.
        var group = endpoints.MapGroup("/twilio").AllowAnonymous();
        group.MapPost("/calls/{callId}/voice", (HttpContext context, string callId) =>
            Handler(context).VoiceAsync(context, callId));
        group.MapPost("/calls/{callId}/gather/{step:int}/{attempt:int}", (HttpContext context, string callId, int step, int attempt) =>
            Handler(context).GatherAsync(context, callId, step, attempt));
        group.MapPost("/calls/{callId}/status", (HttpContext context, string callId) =>
            Handler(context).StatusAsync(context, callId));
        group.MapPost("/calls/{callId}/recording", (HttpContext context, string callId) =>
            Handler(context).RecordingAsync(context, callId));
        group.MapGet("/audio/{file}", (HttpContext context, string file) =>
            Handler(context).Audio(file));
        return endpoints;
    }

    private static TwilioWebhookHandler Handler(HttpContext context) => context.RequestServices.GetRequiredService<TwilioWebhookHandler>();
}

/// <summary>
/// Handles Twilio's webhooks: checks the signature, journals what Twilio reported (deduplicated: a retried or repeated
/// callback changes nothing twice), wakes the call's follower and answers with TwiML from the turn-taking engine.
/// </summary>
public sealed class TwilioWebhookHandler
{
    private const string Xml = "application/xml";
    private readonly ICarrierCallJournal journal;
    private readonly CallJournalNotifier notifier;
    private readonly ITurnTaking turns;
    private readonly TwilioSignatureCheck signatures;
    private readonly TwilioAudioStore audio;
    private readonly TimeProvider clock;
    private readonly ILogger<TwilioWebhookHandler> logger;

    /// <summary>Creates the handler.</summary>
    public TwilioWebhookHandler(ICarrierCallJournal journal, CallJournalNotifier notifier, ITurnTaking turns, TwilioSignatureCheck signatures, TwilioAudioStore audio, TimeProvider clock, ILogger<TwilioWebhookHandler> logger)
    {
        this.journal = journal;
        this.notifier = notifier;
        this.turns = turns;
        this.signatures = signatures;
        this.audio = audio;
        this.clock = clock;
        this.logger = logger;
    }

    internal async Task<IResult> VoiceAsync(HttpContext context, string callId)
    {
        var (problem, _, call) = await AcceptAsync(context, callId).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var twiml = await turns.AnswerAsync(call!, context.RequestAborted).ConfigureAwait(false);
        notifier.Notify(callId);
        return Results.Text(twiml, Xml, Encoding.UTF8);
    }

    internal async Task<IResult> GatherAsync(HttpContext context, string callId, int step, int attempt)
    {
        var (problem, parameters, call) = await AcceptAsync(context, callId).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        string twiml;
        try
        {
            twiml = await turns.ContinueAsync(call!, step, attempt, parameters!, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return Malformed(context, ex.Message.Split(Environment.NewLine)[0]);
        }

        notifier.Notify(callId);
        return Results.Text(twiml, Xml, Encoding.UTF8);
    }

    internal async Task<IResult> StatusAsync(HttpContext context, string callId)
    {
        var (problem, parameters, _) = await AcceptAsync(context, callId).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!parameters!.TryGetValue("CallSid", out var sid) || string.IsNullOrEmpty(sid)
            || !parameters.TryGetValue("CallStatus", out var status) || string.IsNullOrEmpty(status))
        {
            return Malformed(context, "a status callback needs CallSid and CallStatus");
        }

        long? sequence = null;
        if (parameters.TryGetValue("SequenceNumber", out var sequenceText))
        {
            if (!long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Malformed(context, "SequenceNumber is not a number");
            }

            sequence = parsed;
        }

        // Keyed by CallSid and SequenceNumber: Twilio's retry of one callback carries the same pair.
        var key = $"status:{sid}:{(sequence is { } s ? s.ToString(CultureInfo.InvariantCulture) : status)}";
        var stored = await journal.AppendAsync(callId, new CarrierCallEvent(JournalKinds.Status, key, sequence, clock.GetUtcNow(), parameters), context.RequestAborted).ConfigureAwait(false);
        TwilioLog.WebhookReceived(logger, callId, "status", status, !stored);
        notifier.Notify(callId);
        return Results.NoContent();
    }

    internal async Task<IResult> RecordingAsync(HttpContext context, string callId)
    {
        var (problem, parameters, _) = await AcceptAsync(context, callId).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!parameters!.TryGetValue("RecordingSid", out var sid) || string.IsNullOrEmpty(sid))
        {
            return Malformed(context, "a recording callback needs RecordingSid");
        }

        var status = parameters.GetValueOrDefault("RecordingStatus", "completed");
        if (status == "completed" && (!parameters.TryGetValue("RecordingUrl", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out _)))
        {
            return Malformed(context, "a completed recording callback needs an absolute RecordingUrl");
        }

        var stored = await journal.AppendAsync(callId, new CarrierCallEvent(JournalKinds.Recording, $"recording:{sid}:{status}", null, clock.GetUtcNow(), parameters), context.RequestAborted).ConfigureAwait(false);
        TwilioLog.WebhookReceived(logger, callId, "recording", status, !stored);
        notifier.Notify(callId);
        return Results.NoContent();
    }

    internal IResult Audio(string file)
    {
        // Only a lower-case SHA-256 followed by .wav names a clip; anything else is 404, never a path.
        if (!file.EndsWith(".wav", StringComparison.Ordinal) || audio.PathOf(file[..^4]) is not { } path || !File.Exists(path))
        {
            return Results.NotFound();
        }

        return Results.File(path, "audio/wav");
    }

    /// <summary>Reads the body, checks the signature, finds the call: a result to return when any of that fails.</summary>
    private async Task<(IResult? Problem, Dictionary<string, string>? Parameters, CarrierCallRecord? Call)> AcceptAsync(HttpContext context, string callId)
    {
        var request = context.Request;
        Dictionary<string, string> parameters;
        string? refused;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                return (Malformed(context, "the form body cannot be read: " + ex.Message), null, null);
            }

            refused = signatures.CheckForm(request, form);
            parameters = form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            refused = signatures.CheckJson(request, body);
            try
            {
                parameters = refused is null ? JsonParameters(body) : [];
            }
            catch (System.Text.Json.JsonException ex)
            {
                return (Malformed(context, "the JSON body cannot be read: " + ex.Message), null, null);
            }
        }
        else
        {
            return (Malformed(context, $"unsupported content type '{request.ContentType}'; Twilio posts forms"), null, null);
        }

        if (refused is not null)
        {
            TwilioLog.WebhookRefused(logger, request.Method, request.Path, refused);
            return (Results.StatusCode(StatusCodes.Status403Forbidden), null, null);
        }

        var call = await journal.GetAsync(callId, context.RequestAborted).ConfigureAwait(false);
        return call is null ? (Results.NotFound(), null, null) : (null, parameters, call);
    }

    private static Dictionary<string, string> JsonParameters(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
            : throw new System.Text.Json.JsonException("the body is not a JSON object");
    }

    private IResult Malformed(HttpContext context, string reason)
    {
        TwilioLog.WebhookMalformed(logger, context.Request.Path, reason);
        return Results.Problem(detail: reason, statusCode: StatusCodes.Status400BadRequest, title: "Malformed Twilio webhook");
    }
}
