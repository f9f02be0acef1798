using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using QaShopper.Core.Alerts;
using QaShopper.Core.Results;
using QaShopper.Core.Reviews;
using QaShopper.Web.Calls;
using QaShopper.Web.Security;

namespace QaShopper.Web.Api;

/// <summary>
/// <c>/api/calls</c> and <c>/api/calibration</c>: the calls list, one call with its evidence, overrides and alerts, its
/// recording, reviewers' overrides and calibration scorings, and the calibration report; what the pages show and do.
/// </summary>
internal static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/calls", ListAsync)
            .WithName("ListCalls")
            .WithSummary("Calls, newest first, filtered and paged (50 a page); scores are effective (overrides applied)")
            .Produces<CallListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/calls/{id}", GetAsync)
            .WithName("GetCall")
            .WithSummary("One call: automatic and effective score, items with wording and evidence, override history, transcript, alerts")
            .Produces<CallResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/calls/{id}/recording", GetRecording)
            .WithName("GetCallRecording")
            .WithSummary("The call's two-channel WAV recording, with range requests")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/calls/{id}/overrides", OverrideAsync)
            .RequireAuthorization(Policies.Review)
            .WithName("OverrideCallItem")
            .WithSummary("Overrides one item's outcome (passed, failed, not_applicable) with a mandatory reason; reviewers and admins")
            .Produces<CallResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/calls/{id}/reviews", ReviewAsync)
            .RequireAuthorization(Policies.Review)
            .WithName("ScoreCallForCalibration")
            .WithSummary("A reviewer's independent scoring of every item of the call, for calibration; reviewers and admins")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/calibration", CalibrationAsync)
            .WithName("GetCalibration")
            .WithSummary("Calls scored by two or more reviewers: scores, spread against the 5-point norm, differing items, overall agreement")
            .Produces<CalibrationResponse>();
        return api;
    }

    private static async Task<Results<Ok<CallListResponse>, ProblemHttpResult>> ListAsync(
        CallListing listing,
        CancellationToken cancellationToken,
        string? agent = null,
        string? site = null,
        string? scenario = null,
        string? grade = null,
        DateOnly? from = null,
        DateOnly? to = null,
        bool needsReview = false,
        int page = 1)
    {
        var (result, problem) = await listing.ListAsync(new CallFilter(agent, site, scenario, grade, from, to, needsReview, page), cancellationToken).ConfigureAwait(false);
        return result is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "bad filter", detail: problem)
            : TypedResults.Ok(new CallListResponse(result.Page, result.PageCount, result.Total, [.. result.Rows.Select(CallListItem.From)]));
    }

    private static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> GetAsync(string id, CallDetailsReader reader, CancellationToken cancellationToken)
    {
        var details = await reader.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return details is null ? NotFound(id) : TypedResults.Ok(CallResponse.From(details));
    }

    private static async Task<IResult> GetRecording(string id, Core.Ports.IResultStore store, RecordingFiles recordings, CancellationToken cancellationToken)
    {
        var stored = await store.GetCallAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return NotFound(id);
        }

        var path = recordings.Find(stored.Call);
        return path is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "no recording", detail: $"call '{id}' has no recording in the recordings folder")
            : TypedResults.PhysicalFile(path, "audio/wav", enableRangeProcessing: true);
    }

    private static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> OverrideAsync(
        string id, [FromBody] OverrideRequest request, ClaimsPrincipal user, CallReviews reviews, CallDetailsReader reader, CancellationToken cancellationToken)
    {
        var result = await reviews.OverrideAsync(id, request.ItemId, request.Outcome, request.Reason, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        if (result.Status != ReviewStatus.Done)
        {
            return Refused(id, result);
        }

        var details = await reader.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CallResponse.From(details!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReviewAsync(
        string id, [FromBody] CalibrationRequest request, ClaimsPrincipal user, CallReviews reviews, CancellationToken cancellationToken)
    {
        var result = await reviews.ScoreForCalibrationAsync(id, request.Items ?? new Dictionary<string, string?>(), user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return result.Status == ReviewStatus.Done ? TypedResults.NoContent() : Refused(id, result);
    }

    private static async Task<Ok<CalibrationResponse>> CalibrationAsync(CalibrationReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(CalibrationResponse.From(await reader.ReadAsync(cancellationToken).ConfigureAwait(false)));

    private static ProblemHttpResult Refused(string id, ReviewResult result) => result.Status == ReviewStatus.NotFound
        ? NotFound(id)
        : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "refused", detail: result.Problem);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such call", detail: $"no call '{id}' is stored");

    /// <summary>An override: the item, its new outcome (passed, failed, not_applicable) and why.</summary>
    public sealed record OverrideRequest(string? ItemId, string? Outcome, string? Reason);

    /// <summary>A calibration scoring: every item id of the call with passed, failed or not_applicable.</summary>
    public sealed record CalibrationRequest(Dictionary<string, string?>? Items);

    public sealed record CallListResponse(int Page, int PageCount, int Total, IReadOnlyList<CallListItem> Calls);

    public sealed record CallListItem(string CallId, DateTimeOffset PlacedAt, string? Agent, string? Site, string Scenario, string Status, double? Score, string? Grade, bool NeedsReview, bool Overridden)
    {
        public static CallListItem From(CallRow r) => new(
            r.CallId, r.PlacedAt, r.Agent, r.Site, r.ScenarioId, r.Status.ToString().ToLowerInvariant(), r.Score, r.Grade is { } g ? OutcomeNames.Of(g) : null, r.NeedsReview, r.Overridden);
    }

    public sealed record ScoreView(double Score, string Grade, bool NeedsReview)
    {
        public static ScoreView? From(CallScore? s) => s is null ? null : new(s.Score, OutcomeNames.Of(s.Grade), s.NeedsReview);
    }

    public sealed record ItemResponse(string Id, string? Text, double Weight, bool Critical, string AutomaticOutcome, string Outcome, bool Overridden, double? EvidenceStart, Evidence Evidence);

    public sealed record OverrideResponse(string ItemId, string From, string To, string Reviewer, DateTimeOffset At, string? Reason);

    public sealed record AlertResponse(string Channel, string Reason, DateTimeOffset SentAt, bool Delivered, string? Error)
    {
        public static AlertResponse From(AlertRecord a) => new(a.Channel, a.Reason, a.SentAt, a.Delivered, a.Error);
    }

    public sealed record CallResponse(
        string CallId,
        string Scenario,
        string? ScenarioTitle,
        string? Agent,
        DateTimeOffset PlacedAt,
        string Status,
        double? AnsweredAfter,
        double? Duration,
        string? RecordingUrl,
        double RecordingOffset,
        ScoreView? AutomaticScore,
        ScoreView? Score,
        IReadOnlyList<ItemResponse> Items,
        IReadOnlyList<OverrideResponse> Overrides,
        IReadOnlyList<AlertResponse> Alerts,
        int CalibrationScorings)
    {
        public static CallResponse From(CallDetails d)
        {
            var call = d.Stored.Call;
            return new CallResponse(
                call.CallId,
                call.ScenarioId,
                d.ScenarioTitle,
                d.Stored.Score?.Agent ?? call.AgentId,
                call.PlacedAt,
                call.Status.ToString().ToLowerInvariant(),
                call.AnsweredAfter,
                call.Duration,
                d.HasRecording ? $"/api/calls/{Uri.EscapeDataString(call.CallId)}/recording" : null,
                d.RecordingOffset,
                ScoreView.From(d.Stored.AutomaticScore),
                ScoreView.From(d.Stored.Score),
                [.. d.Items.Select(i => new ItemResponse(i.Id, i.Text, i.Weight, i.Critical, OutcomeNames.Of(i.Automatic), OutcomeNames.Of(i.Outcome), i.Overridden, i.EvidenceStart, i.Evidence))],
                [.. d.History.Select(h => new OverrideResponse(h.ItemId, OutcomeNames.Of(h.From), OutcomeNames.Of(h.To), h.Reviewer, h.At, h.Reason))],
                [.. d.Alerts.Select(AlertResponse.From)],
                d.CalibrationScorings);
        }
    }

    public sealed record CalibrationResponse(double AllowedSpread, double? CallAgreement, double? ItemAgreement, IReadOnlyList<CalibratedCallResponse> Calls)
    {
        public static CalibrationResponse From(CalibrationReport r) => new(
            CalibrationReport.AllowedSpread,
            r.CallAgreement,
            r.ItemAgreement,
            [.. r.Calls.Select(c => new CalibratedCallResponse(
                c.CallId,
                c.AgentId,
                c.AutomaticScore,
                c.Spread,
                c.WithinNorm,
                [.. c.Scores.Select(s => new ReviewerScoreResponse(s.Reviewer, s.At, s.Score, OutcomeNames.Of(s.Grade)))],
                [.. c.Differences.Select(d => new ItemDifferenceResponse(d.ItemId, d.Weight, d.ByReviewer.ToDictionary(p => p.Key, p => OutcomeNames.Of(p.Value), StringComparer.Ordinal)))]))]);
    }

    public sealed record CalibratedCallResponse(string CallId, string? Agent, double? AutomaticScore, double Spread, bool WithinNorm, IReadOnlyList<ReviewerScoreResponse> Scores, IReadOnlyList<ItemDifferenceResponse> Differences);

    public sealed record ReviewerScoreResponse(string Reviewer, DateTimeOffset At, double Score, string Grade);

    public sealed record ItemDifferenceResponse(string ItemId, double Weight, IReadOnlyDictionary<string, string> ByReviewer);
}
