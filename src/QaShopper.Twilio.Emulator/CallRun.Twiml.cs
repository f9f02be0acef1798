using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using QaShopper.Audio;

namespace QaShopper.Twilio.Emulator;

/// <content>The answered part of the call: TwiML interpreted verb by verb, the far end speaking turn by turn.</content>
internal sealed partial class CallRun
{
    /// <summary>What <c>speechTimeout="auto"</c> means here: the silence that ends an utterance.</summary>
    internal static readonly TimeSpan AutoSpeechTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The confidence reported with every <c>SpeechResult</c>: the emulator hears the far end's text exactly.</summary>
    internal const string SpeechConfidence = "0.9";

    private readonly Dictionary<string, AudioClip?> media = new(StringComparer.Ordinal);
    private Conversation conversation = null!;
    private IEmulatedAgent agent = null!;
    private TimeSpan deadline;
    private int turn;

    private async Task ConverseAsync(IEmulatedAgent answeredBy, CancellationToken token)
    {
        lock (gate)
        {
            answeredAt = now;
            status = "in-progress";
        }

        agent = answeredBy;
        conversation = new Conversation(now, context.Sids.Next("RE"), context.Options.CallerChannel);
        deadline = now + request.TimeLimit;
        callbacks.Status("answered", "in-progress");
        if (request.Record)
        {
            callbacks.RecordingStarted(conversation.RecordingSid, At(now));
        }

        try
        {
            turn = 1;
            await AgentTurnAsync(new AgentCue(1, AgentCueKind.Answered, TimeSpan.Zero), token).ConfigureAwait(false);
            var document = request.Twiml is { } inline
                ? Parse(inline)
                : await FetchTwimlAsync(WebhookKind.Twiml, request.Url!, request.Method, token).ConfigureAwait(false);
            var url = request.Url;
            while (document is { } current)
            {
                (document, url) = await ExecuteAsync(current, url, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (hangup.IsCancellationRequested)
        {
            // Hung up through the REST API: the call ends where virtual time got to.
        }
        catch (TimeLimitReachedException)
        {
            // TimeLimit ends the call like a hang-up.
        }

        End("completed", conversation);
    }

    /// <summary>Runs a document's verbs; returns the next document (Gather action, Redirect) or null to hang up.</summary>
    private async Task<(XDocument?, Uri?)> ExecuteAsync(XDocument document, Uri? url, CancellationToken token)
    {
        foreach (var verb in document.Root!.Elements())
        {
            switch (verb.Name.LocalName)
            {
                case "Play":
                    await PlayAsync(verb, url, token).ConfigureAwait(false);
                    break;
                case "Say":
                    await AdvanceLimitedAsync(now + SayLength(verb), token).ConfigureAwait(false);
                    break;
                case "Pause":
                    await AdvanceLimitedAsync(now + TimeSpan.FromSeconds(IntAttribute(verb, "length", 1)), token).ConfigureAwait(false);
                    break;
                case "Gather":
                    if (await GatherAsync(verb, url, token).ConfigureAwait(false) is { } next)
                    {
                        return next;
                    }

                    break;
                case "Redirect":
                    var target = Resolve(url, verb.Value.Trim());
                    if (target is null)
                    {
                        AddError(11100, $"invalid Redirect URL '{verb.Value.Trim()}'");
                        return (null, null);
                    }

                    return (await FetchTwimlAsync(WebhookKind.Redirect, target, Attribute(verb, "method") ?? "POST", token).ConfigureAwait(false), target);
                case "Hangup":
                    return (null, null);
                default:
                    // Dial, Record, Connect... are not emulated: noted on the call and skipped, so a test sees it.
                    AddError(12200, $"<{verb.Name.LocalName}> is not supported by the emulator; skipped");
                    break;
            }
        }

        return (null, null);
    }

    private async Task PlayAsync(XElement verb, Uri? url, CancellationToken token)
    {
        if (Attribute(verb, "digits") is { } digits)
        {
            var tones = Dtmf.Tones(digits);
            conversation.PlaceCaller(tones, now);
            await AdvanceLimitedAsync(now + tones.Duration, token).ConfigureAwait(false);
            await AgentTurnAsync(new AgentCue(turn, AgentCueKind.Digits, now - answeredAt!.Value, digits), token).ConfigureAwait(false);
            return;
        }

        if (await LoadMediaAsync(verb, url, token).ConfigureAwait(false) is not { } clip)
        {
            return;
        }

        // loop="0" repeats until the call ends (Twilio: up to 1000 times).
        var loops = IntAttribute(verb, "loop", 1);
        for (var i = 0; i < (loops <= 0 ? 1000 : loops); i++)
        {
            conversation.PlaceCaller(clip, now);
            await AdvanceLimitedAsync(now + clip.Duration, token).ConfigureAwait(false);
        }

        // A caller utterance: the far end takes its next turn.
        turn++;
        await AgentTurnAsync(new AgentCue(turn, AgentCueKind.CallerSpoke, now - answeredAt!.Value), token).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>&lt;Gather input="speech"&gt;</c>: nested verbs play from the start (cut when the far end starts speaking,
    /// unless <c>bargeIn="false"</c>); the far end must start within <c>timeout</c> after they end; speech is collected
    /// until a silence of <c>speechTimeout</c>; the action gets <c>SpeechResult</c> and <c>Confidence</c>.
    /// </summary>
    private async Task<(XDocument?, Uri?)?> GatherAsync(XElement verb, Uri? url, CancellationToken token)
    {
        var speech = (Attribute(verb, "input") ?? "dtmf").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("speech", StringComparer.OrdinalIgnoreCase);
        var timeout = TimeSpan.FromSeconds(IntAttribute(verb, "timeout", 5));
        var speechTimeoutText = Attribute(verb, "speechTimeout");
        var speechTimeout = speechTimeoutText is null ? timeout
            : string.Equals(speechTimeoutText, "auto", StringComparison.OrdinalIgnoreCase) ? AutoSpeechTimeout
            : TimeSpan.FromSeconds(int.Parse(speechTimeoutText, CultureInfo.InvariantCulture));
        var bargeIn = !string.Equals(Attribute(verb, "bargeIn"), "false", StringComparison.OrdinalIgnoreCase);
        var onEmpty = string.Equals(Attribute(verb, "actionOnEmptyResult"), "true", StringComparison.OrdinalIgnoreCase);
        var action = Attribute(verb, "action") is { } a ? Resolve(url, a) : url;
        var method = Attribute(verb, "method") ?? "POST";

        var listenFrom = now;
        var prompts = await PromptsAsync(verb, url, token).ConfigureAwait(false);
        var promptsEnd = prompts.Any(p => p.Forever) ? deadline : listenFrom + prompts.Aggregate(TimeSpan.Zero, (s, p) => s + p.Length);
        var heard = speech ? conversation.SpeechFrom(listenFrom, speechTimeout) : null;
        if (heard is { } h && h.Start >= promptsEnd + timeout)
        {
            heard = null;
        }

        var promptsUntil = heard is { } started && bargeIn ? Min(started.Start, promptsEnd) : promptsEnd;
        PlacePrompts(prompts, listenFrom, Min(promptsUntil, deadline));
        if (heard is { } result)
        {
            await AdvanceLimitedAsync(Max(result.End + speechTimeout, bargeIn ? listenFrom : promptsEnd), token).ConfigureAwait(false);
            return await GatherActionAsync(action, method, [new("SpeechResult", result.Text), new("Confidence", SpeechConfidence)], token).ConfigureAwait(false);
        }

        await AdvanceLimitedAsync(promptsEnd + timeout, token).ConfigureAwait(false);
        return onEmpty ? await GatherActionAsync(action, method, [], token).ConfigureAwait(false) : null;
    }

    private async Task<(XDocument?, Uri?)> GatherActionAsync(Uri? action, string method, List<KeyValuePair<string, string>> extra, CancellationToken token)
    {
        if (action is null)
        {
            AddError(11100, "Gather has no action and the document no URL");
            return (null, null);
        }

        return (await FetchTwimlAsync(WebhookKind.GatherAction, action, method, token, extra).ConfigureAwait(false), action);
    }

    /// <summary>A Gather's nested Play/Say/Pause as lengths and clips; <c>Forever</c> for a Play with <c>loop="0"</c>.</summary>
    private async Task<List<(AudioClip? Clip, TimeSpan Length, bool Forever)>> PromptsAsync(XElement gather, Uri? url, CancellationToken token)
    {
        var prompts = new List<(AudioClip?, TimeSpan, bool)>();
        foreach (var nested in gather.Elements())
        {
            switch (nested.Name.LocalName)
            {
                case "Play" when Attribute(nested, "digits") is { } digits:
                    var tones = Dtmf.Tones(digits);
                    prompts.Add((tones, tones.Duration, false));
                    break;
                case "Play":
                    if (await LoadMediaAsync(nested, url, token).ConfigureAwait(false) is { } clip)
                    {
                        var loops = IntAttribute(nested, "loop", 1);
                        for (var i = 0; i < Math.Max(loops, 1); i++)
                        {
                            prompts.Add((clip, clip.Duration, loops <= 0));
                        }
                    }

                    break;
                case "Say":
                    prompts.Add((null, SayLength(nested), false));
                    break;
                case "Pause":
                    prompts.Add((null, TimeSpan.FromSeconds(IntAttribute(nested, "length", 1)), false));
                    break;
                default:
                    AddError(12200, $"<{nested.Name.LocalName}> inside <Gather> is not supported by the emulator; skipped");
                    break;
            }
        }

        return prompts;
    }

    /// <summary>Puts the prompts on the caller's channel from <paramref name="from"/>, cut at <paramref name="until"/>.</summary>
    private void PlacePrompts(List<(AudioClip? Clip, TimeSpan Length, bool Forever)> prompts, TimeSpan from, TimeSpan until)
    {
        if (prompts.Count == 0)
        {
            return;
        }

        var at = from;
        for (var i = 0; at < until; i++)
        {
            if (i >= prompts.Count)
            {
                // Only a looping-forever prompt gets here: it repeats.
                if (!prompts.Any(p => p.Forever))
                {
                    break;
                }

                i = prompts.FindIndex(p => p.Forever);
            }

            var (clip, length, _) = prompts[i];
            if (length <= TimeSpan.Zero)
            {
                break;
            }

            if (clip is not null)
            {
                conversation.PlaceCaller(clip, at, until);
            }

            at += length;
        }
    }

    private async Task AgentTurnAsync(AgentCue cue, CancellationToken token)
    {
        // The far end finishes what it was already saying before it replies.
        var start = Max(cue.At, conversation.AgentBusyUntil - answeredAt!.Value);
        var utterances = await agent.TakeTurnAsync(cue with { At = start }, token).ConfigureAwait(false);
        foreach (var utterance in utterances)
        {
            conversation.PlaceAgent(utterance.Audio, answeredAt.Value + start + utterance.Offset, utterance.Text);
        }
    }

    /// <summary>Advances virtual time, ending the call when it reaches the TimeLimit.</summary>
    private async Task AdvanceLimitedAsync(TimeSpan target, CancellationToken token)
    {
        if (target >= deadline)
        {
            await AdvanceAsync(deadline, token).ConfigureAwait(false);
            throw new TimeLimitReachedException();
        }

        await AdvanceAsync(target, token).ConfigureAwait(false);
    }

    private async Task<XDocument?> FetchTwimlAsync(WebhookKind kind, Uri url, string method, CancellationToken token, List<KeyValuePair<string, string>>? extra = null)
    {
        var parameters = CallParameters("in-progress");
        parameters.AddRange(extra ?? []);
        var result = await context.Webhooks.SendAsync(Sid, kind, method, url, parameters, token).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Twilio plays "an application error has occurred" and hangs up.
            AddError(11200, $"HTTP retrieval failure: {url} answered {result.Error}");
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(result.Body);
        lock (gate)
        {
            documents.Add(text);
        }

        return Parse(text);
    }

    private XDocument? Parse(string twiml)
    {
        try
        {
            var document = XDocument.Parse(twiml);
            if (document.Root?.Name.LocalName == "Response")
            {
                return document;
            }
        }
        catch (XmlException)
        {
        }

        AddError(12100, "Document parse failure: not a TwiML <Response>");
        return null;
    }

    /// <summary>Fetches a Play's audio (a WAV) once per URL; null, with an error on the call, when it cannot be played.</summary>
    private async Task<AudioClip?> LoadMediaAsync(XElement verb, Uri? url, CancellationToken token)
    {
        var text = verb.Value.Trim();
        if (media.TryGetValue(text, out var cached))
        {
            return cached;
        }

        AudioClip? clip = null;
        if (Resolve(url, text) is not { } target)
        {
            AddError(11100, $"invalid Play URL '{text}'");
        }
        else
        {
            var result = await context.Webhooks.SendAsync(Sid, WebhookKind.Media, "GET", target, [], token).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                AddError(11200, $"HTTP retrieval failure: {target} answered {result.Error}");
            }
            else
            {
                try
                {
                    var wav = WavFile.Parse(result.Body, target.AbsolutePath);
                    var mono = new float[wav.Channels[0].Length];
                    foreach (var channel in wav.Channels)
                    {
                        for (var i = 0; i < mono.Length; i++)
                        {
                            mono[i] += channel[i] / wav.Channels.Count;
                        }
                    }

                    clip = new AudioClip(wav.SampleRate, mono).ResampleTo(TelephoneLine.SampleRate);
                }
                catch (WavFormatException ex)
                {
                    AddError(12300, $"Invalid Content-Type or audio at {target}: {ex.Message}");
                }
            }
        }

        media[text] = clip;
        return clip;
    }

    private static Uri? Resolve(Uri? document, string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
        : document is not null && Uri.TryCreate(document, target, out var relative) ? relative
        : null;

    private static TimeSpan SayLength(XElement say) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Round(0.07 * say.Value.Trim().Length, 1)));

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static int IntAttribute(XElement element, string name, int fallback) =>
        int.TryParse(Attribute(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class TimeLimitReachedException : Exception;
}
