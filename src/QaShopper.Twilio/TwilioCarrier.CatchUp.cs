using System.Globalization;
using QaShopper.Core.Ports;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace QaShopper.Twilio;

public sealed partial class TwilioCarrier
{
    /// <summary>
    /// Before following a call an earlier host placed, asks Twilio what became of it: the callbacks sent while no host
    /// was listening are lost (Twilio retries once), so a call that ended then would otherwise wait out
    /// <see cref="TwilioOptions.CallTimeout"/>, fail, and be dialled again by the retry rules. Journals the call
    /// resource's end and, for a completed call, its recording, as the missed callbacks would have.
    /// </summary>
    private async Task CatchUpAsync(string id, CancellationToken cancellationToken)
    {
        if (await journal.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return;
        }

        var call = new JournaledCall(record);
        if (call.CallSid is not { } sid || call.Statuses.Any(s => Terminal.Contains(s["CallStatus"], StringComparer.Ordinal)))
        {
            return;
        }

        try
        {
            var resource = await CallResource.FetchAsync(pathSid: sid, client: client).WaitAsync(options.Value.HttpTimeout, cancellationToken).ConfigureAwait(false);
            var status = resource.Status?.ToString();
            if (status is null || !Terminal.Contains(status, StringComparer.Ordinal))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var ended = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CallSid"] = sid,
                ["CallStatus"] = status,
                ["CallDuration"] = resource.Duration ?? "0",
                ["Timestamp"] = (resource.EndTime ?? now.UtcDateTime).ToUniversalTime().ToString("r", CultureInfo.InvariantCulture),
                ["CallbackSource"] = "rest-catch-up",
            };

            // After every callback Twilio numbered: the end comes last in the call's order.
            var sequence = (call.Statuses.Max(s => s.Sequence) ?? -1) + 1;
            await journal.AppendAsync(id, new CarrierCallEvent(JournalKinds.Status, $"status:{sid}:rest:{status}", sequence, now, ended), cancellationToken).ConfigureAwait(false);
            TwilioLog.CallProblem(logger, id, $"its end ({status}) was read from Twilio's call resource: the callback came while no host was listening");
            if (status != "completed" || record.Events.Any(e => e.Kind == JournalKinds.Recording))
            {
                return;
            }

            var recordings = await RecordingResource.ReadAsync(callSid: sid, limit: 20, client: client).WaitAsync(options.Value.HttpTimeout, cancellationToken).ConfigureAwait(false);
            if (recordings.FirstOrDefault(r => r.Status?.ToString() == "completed") is { } recording)
            {
                var data = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["CallSid"] = sid,
                    ["RecordingSid"] = recording.Sid,
                    ["RecordingUrl"] = $"{TwilioOptions.TwilioApiBaseUrl.GetLeftPart(UriPartial.Authority)}/2010-04-01/Accounts/{options.Value.AccountSid}/Recordings/{recording.Sid}",
                    ["RecordingDuration"] = recording.Duration ?? "0",
                    ["RecordingChannels"] = recording.Channels?.ToString(CultureInfo.InvariantCulture) ?? "2",
                    ["RecordingStatus"] = "completed",
                    ["RecordingSource"] = "rest-catch-up",
                };
                await journal.AppendAsync(id, new CarrierCallEvent(JournalKinds.Recording, $"recording:{recording.Sid}:completed", null, now, data), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or TimeoutException or HttpRequestException)
        {
            // The callbacks may still come; the follower waits for them as it would have.
            TwilioLog.CallProblem(logger, id, "Twilio could not be asked what became of the call: " + ex.Message);
        }
    }
}
