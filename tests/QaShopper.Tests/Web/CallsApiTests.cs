using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Core.Accounts;
using QaShopper.Core.Ports;

namespace QaShopper.Tests.Web;

public sealed class CallsApiTests
{
    private WebAppHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        host = await WebAppHost.StartAsync();
        await CallSeed.SeedAsync(host);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    [Test]
    public async Task ListCalls_FiltersByAgentSiteGradeDateAndNeedsReview_NewestFirst()
    {
        using var viewer = await host.SignedInAsync(Role.Viewer);

        Assert.That(await IdsAsync(viewer, ""), Is.EqualTo(new[] { "call-2", "call-1" }), "newest first");
        Assert.That(await IdsAsync(viewer, "?agent=LI"), Is.EqualTo(new[] { "call-1" }), "agent in any case");
        Assert.That(await IdsAsync(viewer, "?site=York"), Is.EqualTo(new[] { "call-2" }));
        Assert.That(await IdsAsync(viewer, "?grade=fail"), Is.EqualTo(new[] { "call-2" }));
        Assert.That(await IdsAsync(viewer, "?needsReview=true"), Is.EqualTo(new[] { "call-1" }));
        Assert.That(await IdsAsync(viewer, "?from=2026-03-03&to=2026-03-03"), Is.EqualTo(new[] { "call-2" }), "dates are UTC days, both inclusive");
    }

    [Test]
    public async Task ListCalls_BadGrade_Is400NamingTheValue()
    {
        using var viewer = await host.SignedInAsync(Role.Viewer);
        using var response = await viewer.GetAsync(new Uri("/api/calls?grade=superb", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'superb'"));
    }

    [Test]
    public async Task Recording_IsServedWithRanges_AndAPathOutsideTheRecordingsFolderIsNever()
    {
        using var viewer = await host.SignedInAsync(Role.Viewer);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/calls/call-1/recording", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(0, 99);
        using var part = await viewer.SendAsync(request);
        using var outside = await viewer.GetAsync(new Uri("/api/calls/call-2/recording", UriKind.Relative));
        using var anonymous = host.Anonymous();
        using var signedOut = await anonymous.GetAsync(new Uri("/api/calls/call-1/recording", UriKind.Relative));

        Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(part.Content.Headers.ContentType!.MediaType, Is.EqualTo("audio/wav"));
        Assert.That((await part.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(100));
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "call-2's stored path is /etc/passwd");
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Override_ByViewer_IsRefusedOnThePageAndTheApi_AndNothingIsStored()
    {
        using var viewer = await host.SignedInAsync(Role.Viewer);
        var token = await WebAppHost.AntiforgeryTokenAsync(viewer, "/calls");
        using var page = await viewer.PostAsync(new Uri("/calls/call-2/override", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ItemId"] = "all-details",
            ["Outcome"] = "passed",
            ["Reason"] = "viewer tries",
            ["__RequestVerificationToken"] = token,
        }));
        using var api = await SendAsync(viewer, HttpMethod.Post, "/api/calls/call-2/overrides", new { itemId = "all-details", outcome = "passed", reason = "viewer tries" }, token);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.ToString(), Does.Contain("/denied"), "the page sends a viewer to the access-denied page");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await host.Services.GetRequiredService<IResultStore>().GetOverridesAsync("call-2"), Is.Empty);
    }

    [Test]
    public async Task Override_WithoutReason_Is400SayingAReasonIsRequired_AndUnknownCallIs404()
    {
        using var reviewer = await host.SignedInAsync(Role.Reviewer);
        var token = await WebAppHost.AntiforgeryTokenAsync(reviewer, "/calls/call-2");
        using var noReason = await SendAsync(reviewer, HttpMethod.Post, "/api/calls/call-2/overrides", new { itemId = "all-details", outcome = "passed", reason = "  " }, token);
        using var unknown = await SendAsync(reviewer, HttpMethod.Post, "/api/calls/ghost/overrides", new { itemId = "all-details", outcome = "passed", reason = "x" }, token);
        using var badOutcome = await SendAsync(reviewer, HttpMethod.Post, "/api/calls/call-2/overrides", new { itemId = "all-details", outcome = "great", reason = "x" }, token);

        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noReason.Content.ReadAsStringAsync(), Does.Contain("a reason is required"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await badOutcome.Content.ReadAsStringAsync(), Does.Contain("'great'"));
        Assert.That(await host.Services.GetRequiredService<IResultStore>().GetOverridesAsync("call-2"), Is.Empty);
    }

    [Test]
    public async Task Calibration_TwoReviewersScoreACall_ReportShowsSpreadAgainstTheNormAndTheItemsTheyDifferOn()
    {
        using var reviewer = await host.SignedInAsync(Role.Reviewer);
        using var admin = await host.SignedInAsync(Role.Admin);
        using var viewer = await host.SignedInAsync(Role.Viewer);
        var items = new Dictionary<string, string> { ["greeting"] = "passed", ["all-details"] = "passed", ["answer-time"] = "passed", ["silence"] = "passed", ["upsell"] = "not_applicable" };
        using var first = await SendAsync(reviewer, HttpMethod.Post, "/api/calls/call-2/reviews", new { items }, await WebAppHost.AntiforgeryTokenAsync(reviewer, "/calls/call-2"));
        items["all-details"] = "failed";
        using var second = await SendAsync(admin, HttpMethod.Post, "/api/calls/call-2/reviews", new { items }, await WebAppHost.AntiforgeryTokenAsync(admin, "/calls/call-2"));
        using var refused = await SendAsync(viewer, HttpMethod.Post, "/api/calls/call-2/reviews", new { items }, await WebAppHost.AntiforgeryTokenAsync(viewer, "/calls"));

        Assert.That((first.StatusCode, second.StatusCode, refused.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.Forbidden)));
        using var report = JsonDocument.Parse(await viewer.GetStringAsync(new Uri("/api/calibration", UriKind.Relative)));
        var call = report.RootElement.GetProperty("calls").EnumerateArray().Single();

        // reviewer: 7 of 7 points = 100; admin: 4 of 7 = 57.1; 42.9 points apart.
        Assert.That(call.GetProperty("callId").GetString(), Is.EqualTo("call-2"));
        Assert.That(call.GetProperty("spread").GetDouble(), Is.EqualTo(42.9));
        Assert.That(call.GetProperty("withinNorm").GetBoolean(), Is.False);
        Assert.That(call.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("itemId").GetString()), Is.EqualTo(new[] { "all-details" }));
        Assert.That(report.RootElement.GetProperty("callAgreement").GetDouble(), Is.EqualTo(0));
        Assert.That(report.RootElement.GetProperty("itemAgreement").GetDouble(), Is.EqualTo(0.8));
    }

    [Test]
    public async Task CallPage_ShowsItemWordingEvidenceAndMarks_OverrideFormsOnlyToReviewers()
    {
        using var viewer = await host.SignedInAsync(Role.Viewer);
        using var reviewer = await host.SignedInAsync(Role.Reviewer);
        var asViewer = await viewer.GetStringAsync(new Uri("/calls/call-1", UriKind.Relative));
        var asReviewer = await reviewer.GetStringAsync(new Uri("/calls/call-1", UriKind.Relative));

        Assert.That(asViewer, Does.Contain("Asks for the booking reference and the caller&#x27;s name"), "item wording from the stored scenario version");
        Assert.That(asViewer, Does.Contain(">may I have the reference</mark>").And.Contain("/api/calls/call-1/recording").And.Contain("not said"));
        Assert.That(asViewer, Does.Not.Contain("form class=\"override\""), "a viewer gets no override form");
        Assert.That(asReviewer, Does.Contain("form class=\"override\""));
        Assert.That(asViewer, Does.Not.Contain("id=\"agent-match\""), "no name was matched on call-1");
        Assert.That(asViewer, Does.Contain("<div class=\"muted review-why\">1 item left for a person to decide: silence</div>"), "why call-1 is in the review queue");
        var matched = await viewer.GetStringAsync(new Uri("/calls/call-2", UriKind.Relative));
        Assert.That(matched, Does.Contain("heard &#x27;amie&#x27;: sounds like amy and like nobody else on the roster (likeness 0.80)"), "what was heard of the name and how sure the match is");
    }

    [Test]
    public async Task BlindReviewPage_HidesTheAutomaticOutcomes_AndItsFormKeepsTheScoring()
    {
        await using var own = await WebAppHost.StartAsync();
        await CallSeed.SeedAsync(own);
        using var reviewer = await own.SignedInAsync(Role.Reviewer);
        var page = await reviewer.GetStringAsync(new Uri("/calls/call-1/review", UriKind.Relative));
        var token = await WebAppHost.AntiforgeryTokenAsync(reviewer, "/calls/call-1/review");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        foreach (var item in new[] { "greeting", "all-details", "answer-time", "silence", "upsell" })
        {
            form[$"Outcomes[{item}]"] = "passed";
        }

        using var incomplete = await reviewer.PostAsync(new Uri("/calls/call-1/review", UriKind.Relative), new FormUrlEncodedContent(form.Where(p => p.Key != "Outcomes[upsell]")));
        using var submitted = await reviewer.PostAsync(new Uri("/calls/call-1/review", UriKind.Relative), new FormUrlEncodedContent(form));
        var reviews = await own.Services.GetRequiredService<ICalibrationStore>().GetReviewsAsync("call-1");

        Assert.That(page, Does.Not.Contain("uncertain").And.Not.Contain("83.3").And.Not.Contain("not said"), "nothing of the scorer's verdict shows");
        Assert.That(incomplete.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await incomplete.Content.ReadAsStringAsync(), Does.Contain("item &#x27;upsell&#x27; is not judged"));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(reviews.Single().Items.Values, Is.All.EqualTo(Core.Results.ItemOutcome.Passed));
        Assert.That(reviews.Single().Reviewer, Is.EqualTo("reviewer"));
    }

    [Test]
    public async Task OpenApi_DescribesTheCallsEndpoints()
    {
        using var viewer = await host.SignedInAsync(Role.Viewer);
        var document = await viewer.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));

        foreach (var operation in new[] { "ListCalls", "GetCall", "GetCallRecording", "OverrideCallItem", "ScoreCallForCalibration", "GetCalibration" })
        {
            Assert.That(document, Does.Contain($"\"{operation}\""));
        }
    }

    internal static async Task<string[]> IdsAsync(HttpClient client, string query)
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/calls" + query, UriKind.Relative)));
        return [.. list.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("callId").GetString()!)];
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return client.SendAsync(request);
    }
}
