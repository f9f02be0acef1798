using System.Globalization;
using System.Threading.Channels;

namespace QaShopper.Twilio.Emulator;

/// <summary>
/// A call's status and recording callbacks: built in call order with their SequenceNumber, sent one after another in
/// the background (the call does not wait for them, as on Twilio), duplicated or held back and reversed on demand.
/// </summary>
internal sealed class StatusCallbacks
{
    private readonly CallRun run;
    private readonly EmulatorContext context;
    private readonly CallRequest request;
    private readonly CallFaults faults;
    private readonly Channel<(WebhookKind Kind, Uri Url, string Method, List<KeyValuePair<string, string>> Parameters)> queue =
        Channel.CreateUnbounded<(WebhookKind, Uri, string, List<KeyValuePair<string, string>>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly List<(WebhookKind, Uri, string, List<KeyValuePair<string, string>>)> held = [];
    private readonly Task sender;
    private int sequence;

    public StatusCallbacks(CallRun run, EmulatorContext context, CallRequest request, CallFaults faults)
    {
        this.run = run;
        this.context = context;
        this.request = request;
        this.faults = faults;
        sender = Task.Run(SendAllAsync);
    }

    /// <summary>A call-progress event, if the request asked for it; <paramref name="duration"/> only for <c>completed</c>.</summary>
    public void Status(string @event, string callStatus, int? duration = null)
    {
        if (request.StatusCallback is not { } url || !request.StatusCallbackEvents.Contains(@event))
        {
            return;
        }

        var parameters = run.CallParameters(callStatus);
        parameters.Add(new("CallbackSource", "call-progress-events"));
        parameters.Add(new("Timestamp", CallRun.Rfc2822(run.At(run.Now))));
        parameters.Add(new("SequenceNumber", (sequence++).ToString(CultureInfo.InvariantCulture)));
        if (duration is { } seconds)
        {
            parameters.Add(new("CallDuration", seconds.ToString(CultureInfo.InvariantCulture)));

            // Duration is the billed length in whole minutes; CallDuration is the seconds.
            parameters.Add(new("Duration", ((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture)));
        }

        var callback = (WebhookKind.StatusCallback, url, request.StatusCallbackMethod, parameters);
        for (var copy = 0; copy < (faults.DuplicateStatusCallbacks ? 2 : 1); copy++)
        {
            if (faults.ReorderStatusCallbacks)
            {
                held.Add(callback);
            }
            else
            {
                queue.Writer.TryWrite(callback);
            }
        }
    }

    /// <summary>The recording's <c>in-progress</c> event at the answer, if asked for.</summary>
    public void RecordingStarted(string recordingSid, DateTimeOffset startTime) =>
        RecordingEvent("in-progress", recordingSid, startTime, null, null);

    /// <summary>The recording's <c>completed</c> event, if asked for.</summary>
    public void Recording(EmulatedRecording recording, string recordingStatus) =>
        RecordingEvent(recordingStatus, recording.Sid, recording.StartTime, recording.DurationSeconds, recording.Channels);

    /// <summary>No more callbacks: held ones go out now, last first.</summary>
    public void Close()
    {
        for (var i = held.Count - 1; i >= 0; i--)
        {
            queue.Writer.TryWrite(held[i]);
        }

        held.Clear();
        queue.Writer.TryComplete();
    }

    /// <summary>Completes when every callback was sent.</summary>
    public Task DrainAsync()
    {
        Close();
        return sender;
    }

    private void RecordingEvent(string recordingStatus, string sid, DateTimeOffset startTime, int? duration, int? channels)
    {
        if (request.RecordingStatusCallback is not { } url || !request.RecordingStatusCallbackEvents.Contains(recordingStatus))
        {
            return;
        }

        List<KeyValuePair<string, string>> parameters =
        [
            new("AccountSid", context.AccountSid),
            new("CallSid", run.Sid),
            new("RecordingSid", sid),
            new("RecordingUrl", new Uri(context.BaseAddress, $"2010-04-01/Accounts/{context.AccountSid}/Recordings/{sid}").ToString()),
            new("RecordingStatus", recordingStatus),
            new("RecordingStartTime", CallRun.Rfc2822(startTime)),
            new("RecordingSource", "OutboundAPI"),
            new("RecordingTrack", "both"),
            new("ErrorCode", "0"),
        ];
        if (duration is { } seconds)
        {
            parameters.Add(new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)));
        }

        if (channels is { } count)
        {
            parameters.Add(new("RecordingChannels", count.ToString(CultureInfo.InvariantCulture)));
        }

        // Recording callbacks are never reordered or duplicated by the status-callback faults; held ones still come after it.
        queue.Writer.TryWrite((WebhookKind.RecordingStatusCallback, url, request.RecordingStatusCallbackMethod, parameters));
    }

    private async Task SendAllAsync()
    {
        await foreach (var (kind, url, method, parameters) in queue.Reader.ReadAllAsync(context.Stopping).ConfigureAwait(false))
        {
            await context.Webhooks.SendAsync(run.Sid, kind, method, url, parameters, context.Stopping).ConfigureAwait(false);
        }
    }
}
