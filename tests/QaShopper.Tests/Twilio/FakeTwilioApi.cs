using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace QaShopper.Tests.Twilio;

/// <summary>Twilio's REST API at the HTTP boundary: create, fetch and update calls, download and delete recordings.</summary>
internal sealed class FakeTwilioApi : HttpMessageHandler
{
    public const string CallSid = "CA0123456789abcdef0123456789abcdef";

    private readonly TaskCompletionSource<Dictionary<string, string>> created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Requests { get; } = new();

    public int Creates;

    public byte[]? Recording { get; set; }

    /// <summary>The recording file that must exist when the delete comes (the carrier deletes only after storing).</summary>
    public string? MustExistOnDelete { get; set; }

    public bool? FileExistedAtDelete { get; private set; }

    public int Deletes;

    public bool RejectCredentials { get; set; }

    public string AccountStatus { get; set; } = "active";

    public int Hangups;

    public string? LastAuthorization { get; private set; }

    public Task<Dictionary<string, string>> Created => created.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue($"{request.Method} {request.RequestUri}");
        LastAuthorization = request.Headers.Authorization?.ToString();
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        if (RejectCredentials)
        {
            return Json(HttpStatusCode.Unauthorized, """{"code": 20003, "message": "Authenticate", "status": 401}""");
        }

        if (request.Method == HttpMethod.Get && path.EndsWith($"/Accounts/{TwilioTestHost.AccountSid}.json", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, $$"""{"sid": "{{TwilioTestHost.AccountSid}}", "friendly_name": "QA team", "status": "{{AccountStatus}}", "type": "Full"}""");
        }

        if (request.Method == HttpMethod.Get && path.EndsWith("/IncomingPhoneNumbers.json", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, """
                {"incoming_phone_numbers": [{"sid": "PN1", "phone_number": "+15559870000"}, {"sid": "PN2", "phone_number": "+15559870001"}],
                 "end": 1, "first_page_uri": "/x", "next_page_uri": null, "page": 0, "page_size": 50, "previous_page_uri": null, "start": 0, "uri": "/x"}
                """);
        }

        if (request.Method == HttpMethod.Post && path.EndsWith("/Calls.json", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref Creates);
            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .GroupBy(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')))
                .ToDictionary(g => g.Key, g => string.Join(",", g.Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' ')))));
            created.TrySetResult(form);
            return Json(HttpStatusCode.Created, CallJson("queued"));
        }

        if (request.Method == HttpMethod.Post && path.EndsWith($"/Calls/{CallSid}.json", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref Hangups);
            return Json(HttpStatusCode.OK, CallJson("completed"));
        }

        if (request.Method == HttpMethod.Get && path.EndsWith($"/Calls/{CallSid}.json", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, CallJson("completed"));
        }

        if (request.Method == HttpMethod.Get && path.EndsWith(".wav", StringComparison.Ordinal))
        {
            return Recording is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Recording) };
        }

        if (request.Method == HttpMethod.Delete && path.Contains("/Recordings/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref Deletes);
            FileExistedAtDelete = MustExistOnDelete is not null && File.Exists(MustExistOnDelete);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        return Json(HttpStatusCode.NotFound, """{"code": 20404, "message": "not found", "status": 404}""");
    }

    private static string CallJson(string status) => $$"""
        {"sid": "{{CallSid}}", "account_sid": "{{TwilioTestHost.AccountSid}}", "status": "{{status}}", "to": "+15551230000", "from": "+15559870000",
         "start_time": "Mon, 02 Mar 2026 09:00:01 +0000", "end_time": "Mon, 02 Mar 2026 09:00:40 +0000", "duration": "30"}
        """;

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
