using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Templates;

/// <summary>A scenario with its templates rendered for one call.</summary>
/// <param name="Scenario">The scenario as written, templates included.</param>
/// <param name="Caller">The persona with every field rendered.</param>
/// <param name="Script">The steps with <c>say</c> texts and <c>listen</c> <c>until</c> phrases rendered.</param>
/// <param name="Checklist">The items with their phrases rendered (regex patterns are not templates).</param>
/// <param name="Choices">
/// Every <c>pick</c> choice made, keyed by template location (<c>caller.name</c>, <c>script[1].say</c>,
/// <c>script[2].listen.until[0]</c>, <c>checklist.greeting.match[0]</c>; a second pick in the same
/// template gets <c>#2</c>). Store it with the call to reproduce or score against the exact text.
/// </param>
public sealed record RenderedScenario(
    Scenario Scenario,
    CallerPersona Caller,
    IReadOnlyList<ScriptStep> Script,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyDictionary<string, string> Choices);
