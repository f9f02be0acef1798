using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using QaShopper.Web.Reports;

namespace QaShopper.Web.Api;

/// <summary>
/// <c>/api/reports/...</c>: the report pages' data as JSON, with the same filters (<c>from</c>, <c>to</c> as YYYY-MM-DD,
/// <c>site</c>, <c>scenario</c>; <c>month</c> as YYYY-MM); bad input is a 400 problem with the reason.
/// </summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/agents", async Task<Results<Ok<AgentListReport>, ProblemHttpResult>> (HttpRequest request, ReportService service, TimeProvider clock, CancellationToken cancellationToken) =>
                Filter(request, clock, out var filter) is { } problem
                    ? problem
                    : TypedResults.Ok(await service.AgentsAsync(filter, cancellationToken).ConfigureAwait(false)))
            .WithName("GetAgentReports")
            .WithSummary("Every agent with scored calls in the range: calls, mean, grades, needs review, weakest items");
        reports.MapGet("/agents/{id}", async Task<Results<Ok<AgentDetailReport>, NotFound, ProblemHttpResult>> (string id, HttpRequest request, ReportService service, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (Filter(request, clock, out var filter) is { } problem)
                {
                    return problem;
                }

                return await service.AgentAsync(id, filter, cancellationToken).ConfigureAwait(false) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();
            })
            .WithName("GetAgentReport")
            .WithSummary("One agent (id matched without regard to case): weekly trend against the team, grades, items against the team, weakest items, last calls");
        reports.MapGet("/team", async Task<Results<Ok<TeamReport>, ProblemHttpResult>> (HttpRequest request, ReportService service, TimeProvider clock, CancellationToken cancellationToken) =>
                Filter(request, clock, out var filter) is { } problem
                    ? problem
                    : TypedResults.Ok(await service.TeamAsync(filter, cancellationToken).ConfigureAwait(false)))
            .WithName("GetTeamReport")
            .WithSummary("Points lost by item (Pareto), failure rate by service period and item, grades by site");
        reports.MapGet("/monthly", async Task<Results<Ok<MonthlyReport>, ProblemHttpResult>> (HttpRequest request, ReportService service, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (!ReportFilter.TryReadMonth(request.Query, Today(clock), out var month, out var error))
                {
                    return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
                }

                return TypedResults.Ok(await service.MonthlyAsync(month, cancellationToken).ConfigureAwait(false));
            })
            .WithName("GetMonthlyReport")
            .WithSummary("One month: calls, mean, grades, top deductions, agents reached and not reached, unidentified calls");
        return api;
    }

    private static ProblemHttpResult? Filter(HttpRequest request, TimeProvider clock, out ReportFilter filter) =>
        ReportFilter.TryRead(request.Query, Today(clock), out filter, out var error)
            ? null
            : TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
