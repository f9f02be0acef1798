namespace QaShopper.Core.Scenarios;

/// <summary>
/// One mystery-shopper test call as a QA manager wrote it: the caller persona, the caller's script
/// and the checklist the agent is scored against. Text fields hold templates, not rendered text.
/// </summary>
/// <param name="Id">Unique across all scenarios: lower-case letters, digits and '-'.</param>
/// <param name="Title">One line shown in reports.</param>
/// <param name="Locale">BCP-47 tag, for example <c>en-US</c> or <c>zh-CN</c>.</param>
/// <param name="Description">Free text, optional.</param>
/// <param name="Caller">The persona; values are templates.</param>
/// <param name="Variables">Free key/values usable as <c>{{KEY}}</c> in templates.</param>
/// <param name="Script">The caller's steps in order.</param>
/// <param name="Checklist">At least one item.</param>
/// <param name="Grades">Score thresholds.</param>
/// <param name="ContentHash">SHA-256 (lower-case hex) of the file's text with line endings normalised: pins results to the exact version scored.</param>
/// <param name="SourcePath">The file the scenario was read from, when it came from a file.</param>
public sealed record Scenario(
    string Id,
    string Title,
    string Locale,
    string? Description,
    CallerPersona Caller,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<ScriptStep> Script,
    IReadOnlyList<ChecklistItem> Checklist,
    GradeThresholds Grades,
    string ContentHash,
    string? SourcePath)
{
    /// <summary>Where the <c>id</c> value is written in its file, for diagnostics that span files (duplicate ids).</summary>
    public SourcePosition IdPosition { get; init; }

    /// <summary>The first 12 characters of <see cref="ContentHash"/>, for display.</summary>
    public string ShortHash => ContentHash.Length > 12 ? ContentHash[..12] : ContentHash;

    /// <summary>True when the locale's language is written without spaces (Chinese, Japanese).</summary>
    public bool UsesCharacterMatching => LocaleRules.UsesCharacterMatching(Locale);
}

/// <summary>The anonymous caller: <c>name</c>, <c>voice</c> and any other keys, each a template.</summary>
public sealed record CallerPersona(IReadOnlyDictionary<string, string> Fields)
{
    public static CallerPersona Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public string? Name => Fields.TryGetValue("name", out var v) ? v : null;

    /// <summary>A cloud voice name (for example <c>en-US-AvaNeural</c>); local engines choose by locale.</summary>
    public string? Voice => Fields.TryGetValue("voice", out var v) ? v : null;
}

/// <summary>Score thresholds; below <see cref="Pass"/> is <see cref="Grade.Fail"/>.</summary>
public sealed record GradeThresholds(double Excellent, double Good, double Pass)
{
    public static GradeThresholds Default { get; } = new(90, 80, 60);

    public Grade GradeFor(double score) =>
        score >= Excellent ? Grade.Excellent
        : score >= Good ? Grade.Good
        : score >= Pass ? Grade.Pass
        : Grade.Fail;
}

/// <summary>The grades of the score sheet (优秀/良好/合格/不合格).</summary>
public enum Grade
{
    Fail,
    Pass,
    Good,
    Excellent,
}

/// <summary>Language rules that depend on the locale.</summary>
public static class LocaleRules
{
    /// <summary>Chinese and Japanese are compared character by character rather than word by word.</summary>
    public static bool UsesCharacterMatching(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var language = locale.Split('-', 2)[0];
        return language.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || language.Equals("ja", StringComparison.OrdinalIgnoreCase)
            || language.Equals("yue", StringComparison.OrdinalIgnoreCase);
    }
}
