using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using QaShopper.Core.Scenarios;
using QaShopper.Web.Scenarios;
using QaShopper.Web.Security;

namespace QaShopper.Web.Api;

/// <summary><c>/api/scenarios</c>: the scenario folder, checked as <c>qashopper validate</c> checks it; saving needs the manage policy.</summary>
internal static class ScenarioApi
{
    public static RouteGroupBuilder MapScenarioApi(this RouteGroupBuilder api)
    {
        var scenarios = api.MapGroup("/scenarios").WithTags("Scenarios");
        scenarios.MapGet("/", (ScenarioLibrary library) => TypedResults.Ok(library.List().Select(Summary).ToList()))
            .WithName("ListScenarios")
            .WithSummary("Every scenario file: id, title, locale, items, file, last changed, problems");
        scenarios.MapGet("/{id}", GetAsync)
            .WithName("GetScenario")
            .WithSummary("One scenario: its text, checklist, problems and every stored version");
        scenarios.MapGet("/{id}/versions/{hash}", GetVersionAsync)
            .WithName("GetScenarioVersion")
            .WithSummary("The text of one stored version of a scenario");
        scenarios.MapPut("/{id}", SaveAsync)
            .RequireAuthorization(Policies.Manage)
            .WithName("SaveScenario")
            .WithSummary("Validates the text and, when valid, writes the scenario file and keeps the version; 400 lists every problem at its line and column");
        scenarios.MapPost("/validate", (ScenarioTextRequest request, ScenarioLibrary library) =>
            {
                var check = library.Check(string.IsNullOrWhiteSpace(request.Id) ? null : request.Id, request.Text ?? "");
                return TypedResults.Ok(new ScenarioValidation(check.IsValid, check.Scenario?.Id, check.FileName, ProblemLine.From(check.Problems)));
            })
            .WithName("ValidateScenario")
            .WithSummary("Checks a scenario text with the CLI's rules (the folder's ids included) without saving it");
        return api;
    }

    private static async Task<Results<Ok<ScenarioDetail>, NotFound>> GetAsync(string id, ScenarioLibrary library, CancellationToken cancellationToken)
    {
        if (library.Find(id) is not { } entry)
        {
            return TypedResults.NotFound();
        }

        var versions = await library.VersionsAsync(id, cancellationToken).ConfigureAwait(false);
        var scenario = entry.File.Result.Scenario;
        return TypedResults.Ok(new ScenarioDetail(
            Summary(entry),
            entry.File.Text,
            scenario?.ContentHash,
            [.. (scenario?.Checklist ?? []).Select(i => new ChecklistLine(i.Id, i.Text, i.Weight, i.Critical))],
            [.. versions.Select(v => new VersionLine(v.ContentHash, v.Title, v.FirstSeen))]));
    }

    private static async Task<Results<Ok<VersionText>, NotFound>> GetVersionAsync(string id, string hash, ScenarioLibrary library, CancellationToken cancellationToken)
    {
        var text = await library.VersionTextAsync(id, hash, cancellationToken).ConfigureAwait(false);
        return text is null ? TypedResults.NotFound() : TypedResults.Ok(new VersionText(id, hash, text));
    }

    private static async Task<IResult> SaveAsync(
        string id, ScenarioTextRequest request, ScenarioLibrary library, ClaimsPrincipal user, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var logger = logs.CreateLogger(typeof(ScenarioApi));
        ScenarioCheck check;
        try
        {
            check = await library.SaveAsync(id, request.Text ?? "", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            ManageLog.ScenarioWriteFailed(logger, ex, id, id);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "the scenario file could not be written",
                detail: "the version is kept in the store; the file in the scenario folder is left as it was");
        }

        if (!check.IsValid)
        {
            ManageLog.ScenarioRefused(logger, user.Identity!.Name!, id, check.Problems.Count);
            return ProblemLine.BadRequest("the scenario has problems; nothing was saved", check.Problems);
        }

        ManageLog.ScenarioSaved(logger, user.Identity!.Name!, id, check.Scenario!.ShortHash, check.FileName);
        return TypedResults.Ok(new ScenarioSaved(id, check.Scenario.ContentHash, check.FileName));
    }

    private static ScenarioSummary Summary(ScenarioEntry entry)
    {
        var scenario = entry.File.Result.Scenario;
        return new ScenarioSummary(
            scenario?.Id ?? Path.GetFileNameWithoutExtension(entry.File.RelativePath),
            scenario?.Title,
            scenario?.Locale,
            scenario?.Checklist.Count ?? 0,
            entry.File.RelativePath,
            entry.File.LastChanged,
            entry.IsValid,
            ProblemLine.From(entry.Problems));
    }

    public sealed record ScenarioTextRequest(string? Text, string? Id = null);

    public sealed record ScenarioSummary(string Id, string? Title, string? Locale, int Items, string File, DateTimeOffset LastChanged, bool Valid, IReadOnlyList<ProblemLine> Problems);

    public sealed record ScenarioDetail(ScenarioSummary Scenario, string Text, string? ContentHash, IReadOnlyList<ChecklistLine> Checklist, IReadOnlyList<VersionLine> Versions);

    public sealed record ChecklistLine(string Id, string Text, double Weight, bool Critical);

    public sealed record VersionLine(string ContentHash, string Title, DateTimeOffset FirstSeen);

    public sealed record VersionText(string Id, string ContentHash, string Text);

    public sealed record ScenarioValidation(bool Valid, string? Id, string File, IReadOnlyList<ProblemLine> Problems);

    public sealed record ScenarioSaved(string Id, string ContentHash, string File);
}

/// <summary>One problem of a file at its line and column, as the API lists them (<c>text</c> is the CLI's line).</summary>
public sealed record ProblemLine(string File, int Line, int Column, string Message, string Text)
{
    /// <summary>The API's form of the parser's diagnostics.</summary>
    public static IReadOnlyList<ProblemLine> From(IEnumerable<ScenarioDiagnostic> diagnostics) =>
        [.. diagnostics.Select(d => new ProblemLine(d.File, d.Position.Line, d.Position.Column, d.Message, d.ToString()))];

    /// <summary>A 400 ProblemDetails whose <c>problems</c> lists every problem.</summary>
    internal static IResult BadRequest(string title, IEnumerable<ScenarioDiagnostic> diagnostics, IEnumerable<string>? more = null) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, extensions: new Dictionary<string, object?>
        {
            ["problems"] = From(diagnostics),
            ["planProblems"] = more?.ToList() ?? [],
        });
}
