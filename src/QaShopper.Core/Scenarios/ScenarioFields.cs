namespace QaShopper.Core.Scenarios;

/// <summary>
/// The field names the parser accepts at each level. The JSON schema is tested against these
/// arrays so that the editor's completion and the parser cannot drift apart.
/// </summary>
internal static class ScenarioFields
{
    internal static readonly string[] TopLevel =
        ["id", "title", "locale", "description", "caller", "variables", "script", "checklist", "grades"];

    internal static readonly string[] TopLevelRequired = ["id", "title", "locale", "script", "checklist"];

    internal static readonly string[] ChecklistItem =
        ["id", "text", "weight", "critical", "speaker", "match", "within", "in_last", "after", "answered_within", "max_silence"];

    internal static readonly string[] ChecklistItemRequired = ["id", "text", "weight"];

    internal static readonly string[] Match = ["any", "all", "none", "regex"];

    internal static readonly string[] Listen = ["max", "silence", "until"];

    internal static readonly string[] Grades = ["excellent", "good", "pass"];

    internal static readonly string[] StepKinds = ["say", "listen", "press", "pause", "hangup"];

    internal static readonly string[] Speakers = ["agent", "caller", "any"];
}
