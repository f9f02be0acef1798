using System.Globalization;
using Microsoft.Extensions.Logging;

namespace QaShopper.Twilio.Emulator;

/// <summary>
/// One call from creation to its last callback, in virtual time: <see cref="now"/> is the offset from creation, the
/// wall-clock times reported are creation plus offsets. With <see cref="TwilioEmulatorOptions.TimeScale"/> 0 nothing
/// waits; otherwise each advance of virtual time waits that many real seconds per virtual second.
/// </summary>
internal sealed partial class CallRun : IDisposable
{
    /// <summary>Between the request and the far end ringing.</summary>
    internal static readonly TimeSpan DialDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a busy line takes to say so after ringing starts.</summary>
    internal static readonly TimeSpan BusyAfter = TimeSpan.FromSeconds(1);

    private readonly EmulatorContext context;
    private readonly CallRequest request;
    private readonly CallFaults faults;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource hangup = new();
    private readonly List<string> documents = [];
    private readonly List<string> errors = [];
    private readonly StatusCallbacks callbacks;
    private TimeSpan now;
    private string status = "queued";
    private TimeSpan? startedAt;
    private TimeSpan? answeredAt;
    private TimeSpan? endedAt;
    private string? recordingSid;

    public CallRun(EmulatorContext context, string sid, CallRequest request, CallFaults faults, DateTimeOffset created)
    {
        this.context = context;
        this.request = request;
        this.faults = faults;
        Sid = sid;
        Created = created;
        callbacks = new StatusCallbacks(this, context, request, faults);
    }

    public string Sid { get; }

    public DateTimeOffset Created { get; }

    public CallRequest Request => request;

    /// <summary>Runs the call; ends when the call and its callbacks are done.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>Releases the hang-up signal; only once the call has completed.</summary>
    public void Dispose() => hangup.Dispose();

    /// <summary>
    /// <c>Status=completed|canceled</c> from the REST API: a queued or ringing call is canceled by either; an answered call
    /// is hung up by <c>completed</c> only (Twilio ignores <c>canceled</c> then).
    /// </summary>
    public void RequestEnd(string requested)
    {
        lock (gate)
        {
            if (endedAt is not null || (requested == "canceled" && answeredAt is not null))
            {
                return;
            }
        }

        try
        {
            hangup.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The emulator is gone; so is the call.
        }
    }

    public EmulatedCall Snapshot()
    {
        lock (gate)
        {
            return new EmulatedCall(Sid, request.To, request.From, status, Created, At(startedAt), At(answeredAt), At(endedAt), recordingSid,
                recordingSid is not null && context.Recordings.TryGetValue(recordingSid, out var r) && r.Deleted, [.. documents], [.. errors]);
        }
    }

    /// <summary>The resource fields that change as the call goes (status, times, duration), read together.</summary>
    public (string Status, DateTimeOffset? Start, DateTimeOffset? End, int? Duration, DateTimeOffset Updated) State()
    {
        lock (gate)
        {
            int? duration = endedAt is { } end ? (answeredAt is { } answer ? Seconds(end - answer) : 0) : null;
            return (status, At(startedAt), At(endedAt), duration, Created + (endedAt ?? answeredAt ?? startedAt ?? TimeSpan.Zero));
        }
    }

    internal static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero);

    internal static string Rfc2822(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    internal DateTimeOffset At(TimeSpan offset) => Created + offset;

    private DateTimeOffset? At(TimeSpan? offset) => offset is { } o ? Created + o : null;

    private void AddError(int code, string message)
    {
        lock (gate)
        {
            errors.Add($"{code}: {message}");
        }

        LogCallError(context.Logger, Sid, code, message);
    }

    private async Task RunAsync()
    {
        try
        {
            await RunCallAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A call's failure must end the call, never the emulator: it is recorded on the call.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AddError(0, $"emulator fault: {ex.Message}");
            if (endedAt is null)
            {
                End("failed");
            }
        }

        await callbacks.DrainAsync().ConfigureAwait(false);
    }

    private async Task RunCallAsync()
    {
        var token = hangup.Token;
        lock (gate)
        {
            startedAt = now;
        }

        callbacks.Status("initiated", "initiated");
        if (!await AdvanceOrCancelAsync(now + DialDelay).ConfigureAwait(false))
        {
            return;
        }

        SetStatus("ringing");
        callbacks.Status("ringing", "ringing");
        var ringing = now;
        EmulatedAnswer answer;
        if (faults.Answer is { } forced)
        {
            answer = forced;
        }
        else
        {
            try
            {
                answer = await context.Callee.AnswerAsync(new EmulatedCallInfo(Sid, request.To, request.From, request.Url ?? InlineUrl), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                End("canceled");
                return;
            }
        }

        if (faults.RingTime is { } ring && answer is EmulatedAnswer.AnsweredBy slow)
        {
            answer = slow with { RingTime = ring };
        }

        switch (answer)
        {
            case EmulatedAnswer.BusyAnswer:
                if (await AdvanceOrCancelAsync(ringing + BusyAfter).ConfigureAwait(false))
                {
                    End("busy");
                }

                return;
            case EmulatedAnswer.FailedAnswer failed:
                AddError(32009, failed.Reason ?? "the call could not be connected");
                End("failed");
                return;
            case EmulatedAnswer.AnsweredBy answered when answered.RingTime < request.Timeout:
                if (!await AdvanceOrCancelAsync(ringing + answered.RingTime).ConfigureAwait(false))
                {
                    return;
                }

                await ConverseAsync(answered.Agent, token).ConfigureAwait(false);
                return;
            default:
                // No answer, or an answer that would come after the request's Timeout.
                if (await AdvanceOrCancelAsync(ringing + request.Timeout).ConfigureAwait(false))
                {
                    End("no-answer");
                }

                return;
        }
    }

    /// <summary>Waits until <paramref name="target"/>; false (and the call ended as canceled) when cancelled meanwhile.</summary>
    private async Task<bool> AdvanceOrCancelAsync(TimeSpan target)
    {
        try
        {
            await AdvanceAsync(target, hangup.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (hangup.IsCancellationRequested)
        {
            End("canceled");
            return false;
        }
    }

    /// <summary>
    /// Moves virtual time to <paramref name="target"/>, waiting in real time when the scale asks for it. When cancelled
    /// mid-wait, virtual time stops where the wait got to.
    /// </summary>
    private async Task AdvanceAsync(TimeSpan target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (target <= now)
        {
            return;
        }

        var scale = context.Options.TimeScale;
        if (scale > 0)
        {
            var started = context.Time.GetUtcNow();
            try
            {
                await Task.Delay((target - now) * scale, context.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                now += (context.Time.GetUtcNow() - started) / scale;
                throw;
            }
        }

        now = target;
    }

    private void SetStatus(string value)
    {
        lock (gate)
        {
            status = value;
        }
    }

    private void End(string final, Conversation? conversation = null)
    {
        lock (gate)
        {
            endedAt = now;
            status = final;
        }

        LogCallEnded(context.Logger, Sid, final);
        EmulatedRecording? recording = null;
        if (conversation is not null && request.Record)
        {
            recording = conversation.Finish(context, this, now);
            context.Recordings[recording.Sid] = recording;
            lock (gate)
            {
                recordingSid = recording.Sid;
            }
        }

        var duration = answeredAt is { } answer ? Seconds(now - answer) : 0;
        if (recording is not null && faults.RecordingCallbackBeforeCompleted)
        {
            callbacks.Recording(recording, "completed");
        }

        callbacks.Status("completed", final, duration);
        if (recording is not null && !faults.RecordingCallbackBeforeCompleted)
        {
            callbacks.Recording(recording, "completed");
        }

        callbacks.Close();
    }

    /// <summary>The parameters Twilio sends with every request about the call.</summary>
    internal List<KeyValuePair<string, string>> CallParameters(string callStatus) =>
    [
        new("AccountSid", context.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", Sid),
        new("CallStatus", callStatus),
        new("Called", request.To),
        new("Caller", request.From),
        new("Direction", "outbound-api"),
        new("From", request.From),
        new("To", request.To),
    ];

    internal TimeSpan Now => now;

    /// <summary>The URL reported for a call created with inline TwiML.</summary>
    internal static readonly Uri InlineUrl = new("http://127.0.0.1/inline-twiml");

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallSid} ended: {Status}")]
    private static partial void LogCallEnded(ILogger logger, string callSid, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallSid}: error {Code}: {Message}")]
    private static partial void LogCallError(ILogger logger, string callSid, int code, string message);
}
