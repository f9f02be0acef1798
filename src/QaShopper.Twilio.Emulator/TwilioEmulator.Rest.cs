using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using QaShopper.Audio;

namespace QaShopper.Twilio.Emulator;

/// <content>The REST resources, in the JSON shapes of Twilio's OpenAPI description (api.v2010.account.*).</content>
public sealed partial class TwilioEmulator
{
    /// <summary>The list filters on calls the emulator honours (Twilio's query names).</summary>
    private static readonly string[] CallFilters = ["To", "From", "Status"];

    /// <summary>Twilio's cap on <c>Timeout</c>.</summary>
    private const int MaxTimeoutSeconds = 600;

    /// <summary>Twilio's default and cap for <c>TimeLimit</c>: four hours.</summary>
    private const int MaxTimeLimitSeconds = 14400;

    private async Task CreateCallAsync(HttpContext http, string accountSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;
        string? One(string key) => form.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        var to = One("To");
        var from = One("From");
        if (to is null)
        {
            await ErrorAsync(http, 400, 21201, "No 'To' number is specified").ConfigureAwait(false);
            return;
        }

        if (!E164.IsValid(to))
        {
            await ErrorAsync(http, 400, 21211, $"Invalid 'To' Phone Number: {to}").ConfigureAwait(false);
            return;
        }

        if (from is null)
        {
            await ErrorAsync(http, 400, 21213, "No 'From' number is specified").ConfigureAwait(false);
            return;
        }

        if (!numbers.Any(n => n.Number == from))
        {
            await ErrorAsync(http, 400, 21212, $"Invalid From Number (caller ID): {from}").ConfigureAwait(false);
            return;
        }

        var twiml = One("Twiml");
        Uri? url = null;
        if (twiml is null && (One("Url") is not { } urlText || (url = AbsoluteHttp(urlText)) is null))
        {
            await ErrorAsync(http, 400, 21205, "Url parameter is required and must be an absolute http(s) URL").ConfigureAwait(false);
            return;
        }

        Uri? statusCallback = null;
        if (One("StatusCallback") is { } statusText && (statusCallback = AbsoluteHttp(statusText)) is null)
        {
            await ErrorAsync(http, 400, 21609, $"Invalid StatusCallback url: {statusText}").ConfigureAwait(false);
            return;
        }

        Uri? recordingCallback = null;
        if (One("RecordingStatusCallback") is { } recordingText && (recordingCallback = AbsoluteHttp(recordingText)) is null)
        {
            await ErrorAsync(http, 400, 21609, $"Invalid RecordingStatusCallback url: {recordingText}").ConfigureAwait(false);
            return;
        }

        var trim = One("Trim") ?? "trim-silence";
        if (trim is not ("trim-silence" or "do-not-trim"))
        {
            await ErrorAsync(http, 400, 21218, $"Invalid Trim value: {trim}").ConfigureAwait(false);
            return;
        }

        var channels = One("RecordingChannels") ?? "mono";
        if (channels is not ("mono" or "dual"))
        {
            await ErrorAsync(http, 400, 21218, $"Invalid RecordingChannels value: {channels}").ConfigureAwait(false);
            return;
        }

        var timeout = Math.Clamp(Int(One("Timeout"), 60), 1, MaxTimeoutSeconds);
        var timeLimit = Math.Clamp(Int(One("TimeLimit"), MaxTimeLimitSeconds), 1, MaxTimeLimitSeconds);
        var request = new CallRequest(
            to,
            from,
            url,
            (One("Method") ?? "POST").ToUpperInvariant(),
            twiml,
            statusCallback,
            (One("StatusCallbackMethod") ?? "POST").ToUpperInvariant(),
            Events(form, "StatusCallbackEvent"),
            string.Equals(One("Record"), "true", StringComparison.OrdinalIgnoreCase),
            channels == "dual",
            recordingCallback,
            (One("RecordingStatusCallbackMethod") ?? "POST").ToUpperInvariant(),
            Events(form, "RecordingStatusCallbackEvent"),
            trim == "trim-silence",
            TimeSpan.FromSeconds(timeout),
            TimeSpan.FromSeconds(timeLimit));

        var sid = context.Sids.Next("CA");
        var run = new CallRun(context, sid, request, Faults.Take(to), context.Time.GetUtcNow());
        calls[sid] = run;
        order.Enqueue(run);
        LogCallCreated(context.Logger, sid, from, to);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await http.Response.WriteAsJsonAsync(CallJson(run)).ConfigureAwait(false);

        // Started after the answer is written, so the caller has the sid before any callback arrives.
        run.Start();
    }

    private async Task FetchCallAsync(HttpContext http, string accountSid, string callSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        if (!calls.TryGetValue(callSid, out var run))
        {
            await ErrorAsync(http, 404, 20404, $"The requested resource {http.Request.Path} was not found").ConfigureAwait(false);
            return;
        }

        await http.Response.WriteAsJsonAsync(CallJson(run)).ConfigureAwait(false);
    }

    /// <summary>The calls, newest first as Twilio lists them, filtered by To, From and Status, paged like the numbers.</summary>
    private async Task ListCallsAsync(HttpContext http, string accountSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        var query = http.Request.Query;
        var filters = CallFilters.Where(k => query[k].ToString().Length > 0).ToDictionary(k => k, k => query[k].ToString(), StringComparer.Ordinal);
        var matching = order.Reverse().Select(run => (Run: run, Json: CallJson(run)))
            .Where(c => filters.All(f => string.Equals(c.Json[f.Key.ToLowerInvariant()] as string, f.Value, StringComparison.Ordinal)))
            .Select(c => c.Json).ToList();
        var extra = string.Concat(filters.Select(f => $"&{f.Key}={System.Uri.EscapeDataString(f.Value)}"));
        await http.Response.WriteAsJsonAsync(Page(http, $"/{ApiVersion}/Accounts/{AccountSid}/Calls.json", "calls", matching, extra)).ConfigureAwait(false);
    }

    /// <summary>The account's recordings not deleted, newest first, filtered by <c>CallSid</c> when given.</summary>
    private async Task ListRecordingsAsync(HttpContext http, string accountSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        var callSid = http.Request.Query["CallSid"].ToString();
        var matching = context.Recordings.Values
            .Where(r => !r.Deleted && (callSid.Length == 0 || string.Equals(r.CallSid, callSid, StringComparison.Ordinal)))
            .OrderByDescending(r => r.Created)
            .Select(RecordingJson)
            .ToList();
        var extra = callSid.Length == 0 ? string.Empty : $"&CallSid={System.Uri.EscapeDataString(callSid)}";
        await http.Response.WriteAsJsonAsync(Page(http, $"/{ApiVersion}/Accounts/{AccountSid}/Recordings.json", "recordings", matching, extra)).ConfigureAwait(false);
    }

    /// <summary>One page of a list in Twilio's 2010-04-01 paging shape, the next page named by <c>next_page_uri</c>.</summary>
    private static Dictionary<string, object?> Page<T>(HttpContext http, string path, string key, List<T> matching, string extraQuery)
    {
        var pageSize = Math.Clamp(Int(http.Request.Query["PageSize"].ToString(), 50), 1, 1000);
        var page = Math.Max(0, Int(http.Request.Query["Page"].ToString(), 0));
        var items = matching.Skip(page * pageSize).Take(pageSize).ToList();
        string Uri(int p) => $"{path}?PageSize={pageSize}&Page={p}{extraQuery}";
        return new Dictionary<string, object?>
        {
            ["end"] = (page * pageSize) + Math.Max(items.Count - 1, 0),
            ["first_page_uri"] = Uri(0),
            ["next_page_uri"] = (page + 1) * pageSize < matching.Count ? Uri(page + 1) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? Uri(page - 1) : null,
            ["start"] = page * pageSize,
            ["uri"] = Uri(page),
            [key] = items,
        };
    }

    private async Task UpdateCallAsync(HttpContext http, string accountSid, string callSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        if (!calls.TryGetValue(callSid, out var run))
        {
            await ErrorAsync(http, 404, 20404, $"The requested resource {http.Request.Path} was not found").ConfigureAwait(false);
            return;
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;
        var status = form["Status"].ToString();
        if (status is "completed" or "canceled")
        {
            run.RequestEnd(status);

            // Twilio answers once the call has been torn down; give the run a moment to get there.
            await Task.WhenAny(run.Completion, Task.Delay(TimeSpan.FromSeconds(2), context.Time, http.RequestAborted)).ConfigureAwait(false);
        }
        else if (status.Length > 0)
        {
            await ErrorAsync(http, 400, 21218, $"Invalid Status value: {status}").ConfigureAwait(false);
            return;
        }
        else if (form.ContainsKey("Url") || form.ContainsKey("Twiml"))
        {
            // Redirecting a live call is not emulated: say so rather than pretend.
            await ErrorAsync(http, 400, 21220, "The emulator does not support redirecting a live call").ConfigureAwait(false);
            return;
        }

        await http.Response.WriteAsJsonAsync(CallJson(run)).ConfigureAwait(false);
    }

    private async Task FetchRecordingAsync(HttpContext http, string accountSid, string file)
    {
        var (sid, extension) = SplitFile(file);
        var media = extension is "" or ".wav";

        // Media URLs are public unless "enforce HTTP auth on media URLs" is on (Twilio's default is off); metadata needs auth.
        if (!media && !await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        if (!string.Equals(accountSid, AccountSid, StringComparison.Ordinal)
            || !context.Recordings.TryGetValue(sid, out var recording) || recording.Deleted || extension is not ("" or ".wav" or ".json"))
        {
            await ErrorAsync(http, 404, 20404, $"The requested resource {http.Request.Path} was not found").ConfigureAwait(false);
            return;
        }

        if (!media)
        {
            await http.Response.WriteAsJsonAsync(RecordingJson(recording)).ConfigureAwait(false);
            return;
        }

        var wav = recording.Wav;
        if (http.Request.Query["RequestedChannels"].ToString() == "1" && recording.Channels == 2)
        {
            var mixed = new float[recording.Samples[0].Length];
            for (var i = 0; i < mixed.Length; i++)
            {
                mixed[i] = Math.Clamp(recording.Samples[0][i] + recording.Samples[1][i], -1f, 1f);
            }

            wav = WavFile.Encode(TelephoneLine.SampleRate, [mixed], WavEncoding.Pcm16);
        }

        http.Response.ContentType = "audio/x-wav";
        await http.Response.Body.WriteAsync(wav, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task DeleteRecordingAsync(HttpContext http, string accountSid, string file)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        var (sid, extension) = SplitFile(file);
        if (extension is not ("" or ".json") || !context.Recordings.TryGetValue(sid, out var recording) || recording.Deleted)
        {
            await ErrorAsync(http, 404, 20404, $"The requested resource {http.Request.Path} was not found").ConfigureAwait(false);
            return;
        }

        recording.Deleted = true;
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task FetchAccountAsync(HttpContext http, string accountSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        var created = CallRun.Rfc2822(createdAt);
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["auth_token"] = AuthToken,
            ["date_created"] = created,
            ["date_updated"] = created,
            ["friendly_name"] = "QaShopper Twilio emulator",
            ["owner_account_sid"] = AccountSid,
            ["sid"] = AccountSid,
            ["status"] = "active",
            ["subresource_uris"] = new Dictionary<string, string>
            {
                ["calls"] = $"/{ApiVersion}/Accounts/{AccountSid}/Calls.json",
                ["recordings"] = $"/{ApiVersion}/Accounts/{AccountSid}/Recordings.json",
                ["incoming_phone_numbers"] = $"/{ApiVersion}/Accounts/{AccountSid}/IncomingPhoneNumbers.json",
            },
            ["type"] = "Full",
            ["uri"] = $"/{ApiVersion}/Accounts/{AccountSid}.json",
        }).ConfigureAwait(false);
    }

    private async Task ListNumbersAsync(HttpContext http, string accountSid)
    {
        if (!await AuthorisedAsync(http, accountSid).ConfigureAwait(false))
        {
            return;
        }

        var filter = http.Request.Query["PhoneNumber"].ToString();
        var created = CallRun.Rfc2822(createdAt);
        var matching = numbers.Where(n => filter.Length == 0 || n.Number.Contains(filter, StringComparison.Ordinal)).Select(n => new Dictionary<string, object?>
        {
            ["account_sid"] = AccountSid,
            ["api_version"] = ApiVersion,
            ["beta"] = false,
            ["capabilities"] = new Dictionary<string, bool> { ["voice"] = true, ["sms"] = true, ["mms"] = true, ["fax"] = false },
            ["date_created"] = created,
            ["date_updated"] = created,
            ["friendly_name"] = n.Number,
            ["phone_number"] = n.Number,
            ["origin"] = "twilio",
            ["sid"] = n.Sid,
            ["status"] = "in-use",
            ["status_callback_method"] = "POST",
            ["voice_method"] = "POST",
            ["voice_receive_mode"] = "voice",
            ["uri"] = $"/{ApiVersion}/Accounts/{AccountSid}/IncomingPhoneNumbers/{n.Sid}.json",
        }).ToList();
        var extra = filter.Length > 0 ? $"&PhoneNumber={System.Uri.EscapeDataString(filter)}" : string.Empty;
        await http.Response.WriteAsJsonAsync(Page(http, $"/{ApiVersion}/Accounts/{AccountSid}/IncomingPhoneNumbers.json", "incoming_phone_numbers", matching, extra))
            .ConfigureAwait(false);
    }

    private Dictionary<string, object?> CallJson(CallRun run)
    {
        var (status, start, end, duration, updated) = run.State();
        var request = run.Request;
        var phoneNumberSid = numbers.FirstOrDefault(n => n.Number == request.From).Sid;
        var uri = $"/{ApiVersion}/Accounts/{AccountSid}/Calls/{run.Sid}";
        return new Dictionary<string, object?>
        {
            ["sid"] = run.Sid,
            ["date_created"] = CallRun.Rfc2822(run.Created),
            ["date_updated"] = CallRun.Rfc2822(updated),
            ["parent_call_sid"] = null,
            ["account_sid"] = AccountSid,
            ["to"] = request.To,
            ["to_formatted"] = request.To,
            ["from"] = request.From,
            ["from_formatted"] = request.From,
            ["phone_number_sid"] = phoneNumberSid,
            ["status"] = status,
            ["start_time"] = start is { } s ? CallRun.Rfc2822(s) : null,
            ["end_time"] = end is { } e ? CallRun.Rfc2822(e) : null,
            ["duration"] = duration?.ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["direction"] = "outbound-api",
            ["answered_by"] = null,
            ["api_version"] = ApiVersion,
            ["forwarded_from"] = null,
            ["group_sid"] = null,
            ["caller_name"] = null,
            ["queue_time"] = "0",
            ["trunk_sid"] = null,
            ["uri"] = uri + ".json",
            ["subresource_uris"] = new Dictionary<string, string>
            {
                ["notifications"] = uri + "/Notifications.json",
                ["recordings"] = uri + "/Recordings.json",
                ["events"] = uri + "/Events.json",
            },
        };
    }

    private Dictionary<string, object?> RecordingJson(EmulatedRecording recording)
    {
        var uri = $"/{ApiVersion}/Accounts/{AccountSid}/Recordings/{recording.Sid}";
        return new Dictionary<string, object?>
        {
            ["account_sid"] = AccountSid,
            ["api_version"] = ApiVersion,
            ["call_sid"] = recording.CallSid,
            ["conference_sid"] = null,
            ["date_created"] = CallRun.Rfc2822(recording.Created),
            ["date_updated"] = CallRun.Rfc2822(recording.Created),
            ["start_time"] = CallRun.Rfc2822(recording.StartTime),
            ["duration"] = recording.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["sid"] = recording.Sid,
            ["price"] = null,
            ["price_unit"] = "USD",
            ["status"] = "completed",
            ["channels"] = recording.Channels,
            ["source"] = "OutboundAPI",
            ["error_code"] = null,
            ["uri"] = uri + ".json",
            ["encryption_details"] = null,
            ["subresource_uris"] = new Dictionary<string, string>
            {
                ["add_on_results"] = uri + "/AddOnResults.json",
                ["transcriptions"] = uri + "/Transcriptions.json",
            },
            ["media_url"] = new Uri(BaseAddress, uri.TrimStart('/')).ToString(),
        };
    }

    private static (string Sid, string Extension) SplitFile(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot < 0 ? (file, string.Empty) : (file[..dot], file[dot..].ToLowerInvariant());
    }

    private static HashSet<string> Events(IFormCollection form, string key)
    {
        // The SDK repeats the key per event; Twilio also accepts them space-separated in one value.
        var events = form[key].SelectMany(v => (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return events.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) { "completed" } : events;
    }

    private static Uri? AbsoluteHttp(string text) =>
        System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static int Int(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
