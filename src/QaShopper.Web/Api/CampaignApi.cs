using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Campaigns;
using QaShopper.Web.Campaigns;
using QaShopper.Web.Security;

namespace QaShopper.Web.Api;

/// <summary>
/// <c>/api/campaigns</c>: check and plan campaign files as <c>campaign validate|plan</c> do, start and cancel them in the
/// running scheduler (manage policy), follow them live.
/// </summary>
internal static class CampaignApi
{
    /// <summary>The file name problems are reported against when the request names none.</summary>
    public const string DefaultFileName = "campaign.yaml";

    public static RouteGroupBuilder MapCampaignApi(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapGet("/", async (CampaignBoard board, CancellationToken cancellationToken) =>
                TypedResults.Ok((await board.ListAsync(cancellationToken).ConfigureAwait(false)).Select(Line).ToList()))
            .WithName("ListCampaigns")
            .WithSummary("Every stored campaign, newest first, with its calls by state");
        campaigns.MapPost("/validate", (CampaignTextRequest request, ICampaignControl control) =>
            {
                var check = control.Check(request.Text ?? "", FileName(request));
                return TypedResults.Ok(new CampaignValidation(check.IsValid, check.Campaign?.Id, ProblemLine.From(check.Problems), PlanProblems(check), check.Plan?.Calls.Count));
            })
            .WithName("ValidateCampaign")
            .WithSummary("Checks a campaign file as 'campaign validate' does: problems at line and column, and whether the quotas fit the periods");
        campaigns.MapPost("/plan", (CampaignTextRequest request, ICampaignControl control) =>
            {
                var check = control.Check(request.Text ?? "", FileName(request));
                if (check.Plan is not { } plan)
                {
                    return ProblemLine.BadRequest("the campaign file has problems; no plan", check.Problems);
                }

                return TypedResults.Ok(new CampaignPlanResponse(
                    plan.Campaign.Id, plan.From, plan.To, check.Seed, plan.IsFeasible, PlanProblems(check), PlanTable.Build(plan), plan.Calls));
            })
            .WithName("PlanCampaign")
            .WithSummary("The calls a campaign would place, as 'campaign plan' shows them: a day × period table per site, then every call");
        campaigns.MapPost("/", StartAsync)
            .RequireAuthorization(Policies.Manage)
            .WithName("StartCampaign")
            .WithSummary("Starts a campaign in the running scheduler, as 'campaign start' does (mode on-time, now or accelerated with speed)");
        campaigns.MapPost("/{id}/cancel", CancelAsync)
            .RequireAuthorization(Policies.Manage)
            .WithName("CancelCampaign")
            .WithSummary("Cancels a campaign as 'campaign cancel' does: its calls not yet placed end cancelled");
        campaigns.MapGet("/{id}/status", async Task<Results<Ok<CampaignStatusResponse>, NotFound>> (string id, CampaignBoard board, CancellationToken cancellationToken) =>
                await board.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } summary
                    ? TypedResults.Ok(Status(summary))
                    : TypedResults.NotFound())
            .WithName("GetCampaignStatus")
            .WithSummary("Where a campaign stands: calls by state, per period, agents against their weekly quota, agents not tested, calls reached but not identified, every call");
        return api;
    }

    private static async Task<IResult> StartAsync(
        CampaignStartRequest request, ICampaignControl control, ClaimsPrincipal user, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var logger = logs.CreateLogger(typeof(CampaignApi));
        if (!TryMode(request.Mode, request.Speed, out var mode, out var modeError))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "bad mode", detail: modeError);
        }

        var result = await control.StartAsync(request.Text ?? "", request.FileName ?? DefaultFileName, mode, cancellationToken).ConfigureAwait(false);
        if (!result.Check.IsValid)
        {
            ManageLog.CampaignRefused(logger, user.Identity!.Name!, "the file has problems");
            return ProblemLine.BadRequest("the campaign file has problems; nothing was scheduled", result.Check.Problems, PlanProblems(result.Check));
        }

        if (!result.Started)
        {
            ManageLog.CampaignRefused(logger, user.Identity!.Name!, result.Refusal!);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "not started; nothing was scheduled", detail: result.Refusal);
        }

        var modeName = ModeName(mode);
        ManageLog.CampaignStarted(logger, user.Identity!.Name!, result.CampaignId!, modeName, result.Planned, result.Added);
        return TypedResults.Created($"/api/campaigns/{result.CampaignId}/status", new CampaignStarted(result.CampaignId!, modeName, result.Planned, result.Added));
    }

    private static async Task<IResult> CancelAsync(string id, ICampaignControl control, ClaimsPrincipal user, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var cancelled = await control.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        if (cancelled is null)
        {
            return TypedResults.NotFound();
        }

        var count = cancelled.Count;
        var logger = logs.CreateLogger(typeof(CampaignApi));
        ManageLog.CampaignCancelled(logger, user.Identity!.Name!, id, count);
        return TypedResults.Ok(new CampaignCancelled(id, count));
    }

    /// <summary>Reads a run mode as the API and the start form spell it: <c>on-time</c>, <c>now</c>, <c>accelerated</c> (with a speed).</summary>
    internal static bool TryMode(string? name, double? speed, out CampaignRunMode mode, out string? error)
    {
        error = null;
        switch (name ?? "on-time")
        {
            case "on-time":
                mode = CampaignRunMode.OnTime;
                return true;
            case "now":
                mode = new CampaignRunMode(CampaignRunKind.Now);
                return true;
            case "accelerated" when speed is >= 1 and <= 1_000_000:
                mode = new CampaignRunMode(CampaignRunKind.Accelerated, speed.Value);
                return true;
            case "accelerated":
                error = $"speed must be between 1 and 1000000 for an accelerated campaign; got {speed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
                break;
            default:
                error = $"mode must be on-time, now or accelerated; got '{name}'";
                break;
        }

        mode = CampaignRunMode.OnTime;
        return false;
    }

    internal static string ModeName(CampaignRunMode mode) => mode.Kind switch
    {
        CampaignRunKind.Now => "now",
        CampaignRunKind.Accelerated => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"accelerated:{mode.Speed}"),
        _ => "on-time",
    };

    private static string FileName(CampaignTextRequest request) => string.IsNullOrWhiteSpace(request.FileName) ? DefaultFileName : request.FileName;

    private static List<string> PlanProblems(CampaignCheck check) => [.. (check.Plan?.Problems ?? []).Select(p => p.ToString())];

    private static Dictionary<string, int> ByState(IReadOnlyDictionary<CampaignCallState, int> counts) =>
        CampaignBoard.States.ToDictionary(CampaignBoard.StateName, s => counts[s]);

    private static CampaignLine Line(CampaignSummary summary) => new(
        summary.Scheduled.Campaign.Id,
        summary.Scheduled.Campaign.Name,
        summary.Scheduled.StartedAt,
        summary.Scheduled.Mode,
        summary.Status.Calls.Count,
        summary.Status.IsFinished,
        summary.IsCancelled,
        ByState(summary.Status.ByState));

    internal static CampaignStatusResponse Status(CampaignSummary summary) => new(
        Line(summary),
        summary.Status.AsOf,
        summary.Status.WeekStart,
        [.. summary.Status.ByPeriod.Select(p => new PeriodLine(p.SiteId, p.Period, ByState(p.ByState)))],
        summary.Agents(),
        summary.Status.UntestedAgents,
        [.. summary.Status.Calls.Select(c => new CallLine(
            c.Call.CallId, c.Call.SiteId, c.Call.Period, c.Call.Line, c.Call.ScenarioId, c.Call.At, c.DueAt,
            CampaignBoard.StateName(c.State), c.Attempts, c.AttemptCallId, c.AgentId, c.Score, c.Reason))],
        summary.Status.NotTestedAgents,
        summary.Status.PossiblyReachedAgents,
        [.. summary.Status.UnidentifiedCallsThisWeek.Select(l => new UnidentifiedLine(l.SiteId, l.Line, l.Calls, l.PossibleAgents, l.RosterKnown, ReachWording.Describe(l)))]);

    public sealed record CampaignTextRequest(string? Text, string? FileName = null);

    public sealed record CampaignStartRequest(string? Text, string? FileName = null, string? Mode = null, double? Speed = null);

    public sealed record CampaignValidation(bool Valid, string? Id, IReadOnlyList<ProblemLine> Problems, IReadOnlyList<string> PlanProblems, int? PlannedCalls);

    public sealed record CampaignPlanResponse(string Id, DateOnly From, DateOnly To, int Seed, bool Feasible, IReadOnlyList<string> PlanProblems, IReadOnlyList<PlanTable> Tables, IReadOnlyList<PlannedCall> Calls);

    public sealed record CampaignStarted(string Id, string Mode, int Planned, int Added);

    public sealed record CampaignCancelled(string Id, int Cancelled);

    public sealed record CampaignLine(string Id, string Name, DateTimeOffset StartedAt, string Mode, int Calls, bool Finished, bool Cancelled, IReadOnlyDictionary<string, int> ByState);

    public sealed record PeriodLine(string Site, string Period, IReadOnlyDictionary<string, int> ByState);

    public sealed record CallLine(
        string CallId, string Site, string Period, string Line, string Scenario, DateTimeOffset PlannedAt, DateTimeOffset DueAt,
        string State, int Attempts, string? AttemptCallId, string? Agent, double? Score, string? Reason);

    /// <summary>A campaign's status as <c>/api/campaigns/{id}/status</c> returns it.</summary>
    /// <param name="Campaign">The campaign and its calls by state.</param>
    /// <param name="AsOf">When the status was read.</param>
    /// <param name="WeekStart">First local date of the current campaign week.</param>
    /// <param name="ByPeriod">Calls per site and service period, by state.</param>
    /// <param name="Agents">Every roster agent against the weekly quota.</param>
    /// <param name="AgentsNotReached">
    /// Roster agents not identified in any completed call this week, as before: <paramref name="AgentsNotTested"/> and
    /// <paramref name="AgentsPossiblyReached"/> together.
    /// </param>
    /// <param name="Calls">Every planned call.</param>
    /// <param name="AgentsNotTested">Agents none of whose lines had a completed call this week that could have been theirs.</param>
    /// <param name="AgentsPossiblyReached">Agents not identified, whose line had a completed call this week whose agent was not identified.</param>
    /// <param name="UnidentifiedCallsThisWeek">Per line, the completed calls this week whose agent was not identified.</param>
    public sealed record CampaignStatusResponse(
        CampaignLine Campaign, DateTimeOffset AsOf, DateOnly WeekStart, IReadOnlyList<PeriodLine> ByPeriod,
        IReadOnlyList<AgentProgress> Agents, IReadOnlyList<string> AgentsNotReached, IReadOnlyList<CallLine> Calls,
        IReadOnlyList<string> AgentsNotTested, IReadOnlyList<string> AgentsPossiblyReached, IReadOnlyList<UnidentifiedLine> UnidentifiedCallsThisWeek);

    /// <summary>Completed calls this week on one line whose agent was not identified, and who they may have reached.</summary>
    /// <param name="Site">The site the line rings at.</param>
    /// <param name="Line">The number called.</param>
    /// <param name="Calls">How many.</param>
    /// <param name="PossibleAgents">The line's agents not identified in any call this week.</param>
    /// <param name="RosterKnown">False when the campaign names no agents for the line.</param>
    /// <param name="Text">The sentence the CLI and the campaign page show, e.g. "2 calls on leeds line +441134960001 (helen, peter could be among them)".</param>
    public sealed record UnidentifiedLine(string Site, string Line, int Calls, IReadOnlyList<string> PossibleAgents, bool RosterKnown, string Text);
}
