using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace QaShopper.Twilio;

/// <summary>Following a call from the journal to its end, and turning the journal into the port's events.</summary>
public sealed partial class TwilioCarrier
{
    /// <summary>The longest the follower sleeps without a webhook before it looks at the journal and the deadline again.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    private static readonly string[] Terminal = ["completed", "busy", "no-answer", "failed", "canceled"];

    /// <summary>Waits for the end of the call (woken by the webhooks), handles the recording, marks the call finished.</summary>
    private async Task<IReadOnlyList<CallEvent>> FollowAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var wake = notifier.Watch(id);
                var call = await journal.GetAsync(id, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"call '{id}' vanished from the journal");
                var view = new JournaledCall(call);
                var outcome = await TryFinishAsync(view, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    await journal.FinishAsync(id, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    var completed = outcome.OfType<CallCompleted>().Single();
                    var (endStatus, endDetail) = (completed.Status.ToString(), completed.Detail);
                    TwilioLog.CallEnded(logger, id, endStatus, endDetail);
                    return outcome;
                }

                var now = clock.GetUtcNow();
                var deadline = view.DialledAt + options.Value.CallTimeout;
                if (now >= deadline)
                {
                    var detail = string.Create(CultureInfo.InvariantCulture,
                        $"no end of call reported by Twilio within Twilio:CallTimeout ({options.Value.CallTimeout}); check that Twilio:PublicBaseUrl reaches this host's /twilio webhooks");
                    await journal.AppendAsync(id, new CarrierCallEvent(JournalKinds.TimedOut, JournalKinds.TimedOut, null, now, new Dictionary<string, string> { ["Detail"] = detail }), CancellationToken.None).ConfigureAwait(false);
                    await HangUpAsync(view).ConfigureAwait(false);
                    continue;
                }

                using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var wait = TimeSpan.FromTicks(Math.Min(Recheck.Ticks, (deadline - now).Ticks));
                await Task.WhenAny(wake, Task.Delay(wait, clock, sleep.Token)).ConfigureAwait(false);
                await sleep.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping past its grace: do not leave a test call running unattended at a real call centre.
            if (await journal.GetAsync(id, CancellationToken.None).ConfigureAwait(false) is { } call)
            {
                await HangUpAsync(new JournaledCall(call)).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The call's events when its end is known (and its recording handled); null while it goes on.</summary>
    private async Task<IReadOnlyList<CallEvent>?> TryFinishAsync(JournaledCall call, CancellationToken cancellationToken)
    {
        var id = call.Record.CallId;
        if (call.Find(JournalKinds.CreateFailed) is { } createFailed)
        {
            return [new CallCompleted(id, TimeSpan.Zero, CallStatus.Failed, null, createFailed["Error"])];
        }

        var end = call.Statuses.LastOrDefault(s => Terminal.Contains(s["CallStatus"], StringComparer.Ordinal));
        if (end is null)
        {
            return call.Find(JournalKinds.TimedOut) is { } timedOut
                ? [.. Events(call, null, CallStatus.Failed, timedOut["Detail"], null)]
                : null;
        }

        var status = end["CallStatus"]!;
        if (status != "completed")
        {
            var (mapped, detail) = status switch
            {
                "busy" => (CallStatus.Busy, (string?)null),
                "no-answer" => (CallStatus.NoAnswer, null),
                "canceled" => (CallStatus.Failed, "the call was canceled at Twilio before it was answered"),
                _ => (CallStatus.Failed, Describe("Twilio reported the call failed", end)),
            };
            return [.. Events(call, end, mapped, detail, null)];
        }

        var stored = call.Find(JournalKinds.Stored);
        if (stored is null)
        {
            var recording = call.Events.FirstOrDefault(e => e.Kind == JournalKinds.Recording);
            if (recording is null)
            {
                return call.Find(JournalKinds.TimedOut) is { } timedOut
                    ? [.. Events(call, end, CallStatus.Failed, "the call ended but Twilio never reported its recording: " + timedOut["Detail"], null)]
                    : null;
            }

            if (recording["RecordingStatus"] is { } recordingStatus && recordingStatus != "completed")
            {
                return [.. Events(call, end, CallStatus.Failed, $"Twilio made no usable recording (RecordingStatus {recordingStatus}, error {recording["ErrorCode"] ?? "none"})", null)];
            }

            try
            {
                stored = await StoreRecordingAsync(call, end, recording, cancellationToken).ConfigureAwait(false);
            }
            catch (RecordingRejectedException ex)
            {
                // Twilio's copy is kept: it is the only one.
                return [.. Events(call, end, CallStatus.Failed, ex.Message, null)];
            }
        }

        await DeleteAtTwilioAsync(call, stored).ConfigureAwait(false);
        await CrossCheckRingTimeAsync(call).ConfigureAwait(false);
        return [.. Events(call, end, CallStatus.Completed, null, stored)];
    }

    /// <summary>Downloads, verifies and writes the recording, finds the agent's channel, journals the result.</summary>
    private async Task<CarrierCallEvent> StoreRecordingAsync(JournaledCall call, CarrierCallEvent end, CarrierCallEvent recording, CancellationToken cancellationToken)
    {
        var id = call.Record.CallId;
        var sid = recording["RecordingSid"]!;
        var bytes = await DownloadAsync(id, sid, recording["RecordingUrl"]!, cancellationToken).ConfigureAwait(false);
        TimeSpan? expected = double.TryParse(end["CallDuration"], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
        var twoChannels = RecordingVerifier.Verify(bytes, expected, $"recording {sid} of call {id}");

        var clips = call.Plan.Steps.Where(s => s.Kind == StepKinds.Say).Select(s => audio.Load(s.Audio!)).OfType<AudioClip>().ToList();
        var caller = CallerChannelFinder.Find(twoChannels, clips);
        if (caller is null)
        {
            TwilioLog.CallProblem(logger, id, "the caller's channel could not be told from the audio; channel 2 is taken as the agent's");
        }

        var agentChannel = caller is 1 ? 2 : caller is 2 ? 1 : 2;
        var path = Path.Combine(recordingDirectory, $"{id}.wav");
        Directory.CreateDirectory(recordingDirectory);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Path"] = path,
            ["AgentChannel"] = agentChannel.ToString(CultureInfo.InvariantCulture),
            ["RecordingSid"] = sid,
        };
        if (MenuAnswer(call, twoChannels.Channel(agentChannel)) is { } answered)
        {
            data["AnsweredTicks"] = answered.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }

        var stored = new CarrierCallEvent(JournalKinds.Stored, JournalKinds.Stored, null, clock.GetUtcNow(), data);
        await journal.AppendAsync(id, stored, CancellationToken.None).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// For a script that navigates a menu, when the agent first spoke after the last press (from the agent's channel);
    /// null when the script has no menu or no words follow the press.
    /// </summary>
    private static DateTimeOffset? MenuAnswer(JournaledCall call, AudioClip agent)
    {
        if (call.Plan.MenuSteps == 0 || call.StepTime(call.Plan.MenuSteps - 1) is not { } lastPress || call.AnsweredAt is not { } recordingStart)
        {
            return null;
        }

        var after = (lastPress - recordingStart).TotalSeconds;
        var words = VoiceActivityDetector.Detect(agent).Where(s => s.Start >= after).Select(s => (double?)s.Start).FirstOrDefault();
        return words is { } start ? recordingStart + TimeSpan.FromSeconds(start) : null;
    }

    private async Task<byte[]> DownloadAsync(string id, string sid, string recordingUrl, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var http = httpClients.CreateClient(TwilioCarrierExtensions.HttpClientName);
        var url = recordingUrl.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? recordingUrl : recordingUrl + ".wav";
        url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "RequestedChannels=2";
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.RestUser}:{o.RestSecret}")));
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }

                var detail = $"HTTP {(int)response.StatusCode}";
                if (attempt == attempts)
                {
                    throw new RecordingRejectedException($"recording {sid} could not be downloaded: {detail}");
                }

                TwilioLog.DownloadFailed(logger, id, sid, attempt, detail);
            }
            catch (HttpRequestException ex) when (attempt < attempts)
            {
                TwilioLog.DownloadFailed(logger, id, sid, attempt, ex.Message);
            }
            catch (HttpRequestException ex)
            {
                throw new RecordingRejectedException($"recording {sid} could not be downloaded: {ex.Message}");
            }

            // The media can lag the callback by a moment.
            await Task.Delay(TimeSpan.FromSeconds(2 * attempt), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes Twilio's copy once ours is stored (best effort: a failure is logged and retried by a resumed follower).</summary>
    private async Task DeleteAtTwilioAsync(JournaledCall call, CarrierCallEvent stored)
    {
        if (!options.Value.DeleteRecordings || call.Find(JournalKinds.Deleted) is not null || stored["RecordingSid"] is not { } sid)
        {
            return;
        }

        var id = call.Record.CallId;
        try
        {
            await RecordingResource.DeleteAsync(pathSid: sid, client: client).WaitAsync(options.Value.HttpTimeout).ConfigureAwait(false);
            await journal.AppendAsync(id, new CarrierCallEvent(JournalKinds.Deleted, JournalKinds.Deleted, null, clock.GetUtcNow(), new Dictionary<string, string> { ["RecordingSid"] = sid }), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or TimeoutException or HttpRequestException)
        {
            TwilioLog.DeleteFailed(logger, id, sid, ex.Message);
        }
    }

    /// <summary>Compares the ring time from the callbacks with the call resource's <c>(EndTime - StartTime) - Duration</c>.</summary>
    private async Task CrossCheckRingTimeAsync(JournaledCall call)
    {
        if (call.CallSid is not { } sid || call.RingingAt is not { } ringing || call.AnsweredAt is not { } answered)
        {
            return;
        }

        try
        {
            var resource = await CallResource.FetchAsync(pathSid: sid, client: client).WaitAsync(options.Value.HttpTimeout).ConfigureAwait(false);
            if (resource.StartTime is { } start && resource.EndTime is { } stop
                && double.TryParse(resource.Duration, NumberStyles.Float, CultureInfo.InvariantCulture, out var duration))
            {
                var fromResource = (stop - start).TotalSeconds - duration;
                var fromCallbacks = (answered - ringing).TotalSeconds;
                if (Math.Abs(fromResource - fromCallbacks) > 2)
                {
                    TwilioLog.RingTimeMismatch(logger, call.Record.CallId, fromCallbacks, fromResource);
                }
            }
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or TimeoutException or HttpRequestException)
        {
            TwilioLog.CallProblem(logger, call.Record.CallId, "the call resource could not be fetched to cross-check the ring time: " + ex.Message);
        }
    }

    /// <summary>Ends the call at Twilio, best effort and briefly: the host may be stopping.</summary>
    private async Task HangUpAsync(JournaledCall call)
    {
        if (call.CallSid is not { } sid)
        {
            return;
        }

        try
        {
            var update = new UpdateCallOptions(sid) { Status = CallResource.UpdateStatusEnum.Completed };
            await CallResource.UpdateAsync(update, client).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or TimeoutException or HttpRequestException)
        {
            TwilioLog.HangupFailed(logger, call.Record.CallId, ex.Message);
        }
    }

    /// <summary>
    /// The port's events from the journal: ringing, the menu's steps, the answer, the other steps, the end, the
    /// recording. A menu script's answer is the agent's first words after the last press, when the recording shows them.
    /// </summary>
    private static List<CallEvent> Events(JournaledCall call, CarrierCallEvent? end, CallStatus status, string? detail, CarrierCallEvent? stored)
    {
        var id = call.Record.CallId;
        var events = new List<CallEvent>();
        var endAt = end is null ? (TimeSpan?)null : call.Since(JournaledCall.TimeOf(end));
        if (call.RingingAt is { } ringing)
        {
            events.Add(new CallRinging(id, call.Since(ringing)));
        }

        var answered = status == CallStatus.Completed ? call.AnsweredAt : null;
        var steps = answered is null
            ? []
            : call.Steps.Where(s => endAt is null || call.Since(s.At) <= endAt.Value + TimeSpan.FromSeconds(1)).ToList();
        var menuAnswer = stored?["AnsweredTicks"] is { } ticks ? new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero) : (DateTimeOffset?)null;
        var menuSteps = menuAnswer is null ? 0 : call.Plan.MenuSteps;
        foreach (var (index, at) in steps.Where(s => s.Index < menuSteps))
        {
            events.Add(new StepPlayed(id, call.Since(at), index));
        }

        if (answered is { } answeredAt)
        {
            events.Add(new CallAnswered(id, call.Since(menuAnswer ?? answeredAt)));
        }

        foreach (var (index, at) in steps.Where(s => s.Index >= menuSteps))
        {
            events.Add(new StepPlayed(id, call.Since(at), index));
        }

        double? duration = status == CallStatus.Completed && double.TryParse(end?["CallDuration"], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        var completedAt = endAt ?? TimeSpan.Zero;
        events.Add(new CallCompleted(id, completedAt, status, duration, detail));
        if (stored is not null && status == CallStatus.Completed)
        {
            events.Add(new RecordingReady(id, completedAt, stored["Path"]!, int.Parse(stored["AgentChannel"]!, CultureInfo.InvariantCulture)));
        }

        return events;
    }

    private static string Describe(string what, CarrierCallEvent status)
    {
        var parts = new List<string> { what };
        if (status["SipResponseCode"] is { } sip)
        {
            parts.Add($"SIP {sip}");
        }

        if (status["ErrorCode"] is { } error)
        {
            parts.Add($"error {error}");
        }

        return string.Join(", ", parts);
    }
}
