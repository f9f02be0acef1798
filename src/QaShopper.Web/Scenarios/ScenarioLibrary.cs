using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Scenarios;

/// <summary>
/// Scenarios as the web app lists, checks and saves them: the folder's files with the CLI's validation (each file's
/// problems and the set's, such as an id used twice), and every saved version kept in the result store.
/// </summary>
public sealed class ScenarioLibrary(IScenarioFolder folder, IResultStore results) : IDisposable
{
    /// <summary>What a new scenario's problems are reported against until it has a file name of its own.</summary>
    public const string NewScenarioName = "new scenario";

    // One save at a time, so two editors cannot both pass the duplicate-id check and then both write.
    private readonly SemaphoreSlim saving = new(1, 1);

    /// <summary>Every scenario file with its problems (its own and the set's).</summary>
    public IReadOnlyList<ScenarioEntry> List()
    {
        var files = folder.ReadAll();
        var setProblems = ScenarioSetValidator.Validate(files.Select(f => f.Result));
        return [.. files.Select(f => new ScenarioEntry(
            f,
            [.. f.Result.Diagnostics, .. setProblems.Where(p => p.File == f.RelativePath)]))];
    }

    /// <summary>The file that holds scenario <paramref name="id"/> (the first, if two do), or null.</summary>
    public ScenarioEntry? Find(string id)
    {
        // A file too broken to have an id is found by its name, so it can still be opened and mended.
        var entries = List();
        return entries.FirstOrDefault(e => e.File.Result.Scenario?.Id == id)
            ?? entries.FirstOrDefault(e => e.File.Result.Scenario is null && FileStem(e.File.RelativePath) == id);
    }

    /// <summary>
    /// Checks <paramref name="text"/> as the file of scenario <paramref name="existingId"/> (null: a new scenario) with the
    /// CLI's rules: the file's own problems, its id against the other files of the folder, and, when editing, that the id
    /// stays the same (a scenario's id is what its results and campaigns refer to).
    /// </summary>
    public ScenarioCheck Check(string? existingId, string text) => CheckAgainst(existingId, text, folder.ReadAll());

    private static ScenarioCheck CheckAgainst(string? existingId, string text, IReadOnlyList<ScenarioFile> others)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Normalise(text);
        var existing = existingId is null ? null : others.FirstOrDefault(f => f.Result.Scenario?.Id == existingId);
        var name = existing?.RelativePath ?? (existingId is null ? NewScenarioName : existingId + ".yaml");
        var result = Parse(text, name);
        if (existingId is null && result.Scenario is { } created)
        {
            // A new scenario is saved as <id>.yaml; its problems name that file from the start.
            name = created.Id + ".yaml";
            result = Parse(text, name);
        }

        var problems = new List<ScenarioDiagnostic>(result.Diagnostics);
        if (result.Scenario is { } scenario)
        {
            if (existingId is not null && scenario.Id != existingId)
            {
                problems.Add(new ScenarioDiagnostic(name, scenario.IdPosition,
                    $"the id must stay '{existingId}': results and campaigns refer to it; to start another scenario from this one, use New scenario"));
            }

            // The edited file goes last, so a clash is reported at its id and names the file that had the id first.
            // A new scenario is checked against every file; an edited one against every file but its own.
            var set = others.Where(f => existingId is null || f.RelativePath != name).Select(f => f.Result).Append(result);
            var duplicates = ScenarioSetValidator.Validate(set).Where(p => p.File == name).ToList();
            problems.AddRange(duplicates);
            if (existingId is null && duplicates.Count == 0 && others.Any(f => f.RelativePath == name))
            {
                problems.Add(new ScenarioDiagnostic(name, scenario.IdPosition, $"a file named '{name}' is already in the scenario folder; choose another id"));
            }
        }

        return new ScenarioCheck(problems.Count == 0 ? result.Scenario : null, name, problems);
    }

    /// <summary>
    /// Saves <paramref name="text"/> when it passes <see cref="Check"/>: the file is written whole (never half) into the
    /// scenario folder and the version is kept in the store. With problems, nothing is written.
    /// </summary>
    public async Task<ScenarioCheck> SaveAsync(string? existingId, string text, CancellationToken cancellationToken)
    {
        await saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            text = Normalise(text);
            var check = Check(existingId, text);
            if (check.Scenario is not { } scenario)
            {
                return check;
            }

            // The store first: if it is down, the folder is left as it was, and the file never holds a version the store lacks.
            await results.SaveScenarioAsync(scenario, text, cancellationToken).ConfigureAwait(false);
            folder.Write(check.FileName, text);
            return check;
        }
        finally
        {
            saving.Release();
        }
    }

    /// <summary>Every stored version of the scenario, newest first.</summary>
    public Task<IReadOnlyList<ScenarioVersion>> VersionsAsync(string id, CancellationToken cancellationToken) =>
        results.GetScenarioVersionsAsync(id, cancellationToken);

    /// <summary>The text of one stored version, or null.</summary>
    public Task<string?> VersionTextAsync(string id, string contentHash, CancellationToken cancellationToken) =>
        results.GetScenarioSourceAsync(id, contentHash, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => saving.Dispose();

    private static ScenarioLoadResult Parse(string text, string name) => ScenarioParser.Parse(text, name);

    /// <summary>A browser sends a textarea's lines ending in CR LF; the files keep '\n', as the shipped ones do.</summary>
    public static string Normalise(string text) => text.ReplaceLineEndings("\n");

    private static string FileStem(string relativePath) => Path.GetFileNameWithoutExtension(relativePath);
}

/// <summary>A scenario file with every problem it has, its own and the folder's (duplicate ids).</summary>
public sealed record ScenarioEntry(ScenarioFile File, IReadOnlyList<ScenarioDiagnostic> Problems)
{
    /// <summary>True when the file parses and nothing in the folder clashes with it.</summary>
    public bool IsValid => File.Result.Scenario is not null && Problems.Count == 0;
}

/// <summary>A scenario text checked: the scenario when it may be saved, the file it goes to, and every problem.</summary>
public sealed record ScenarioCheck(Scenario? Scenario, string FileName, IReadOnlyList<ScenarioDiagnostic> Problems)
{
    /// <summary>True when the text may be saved.</summary>
    public bool IsValid => Scenario is not null && Problems.Count == 0;
}
