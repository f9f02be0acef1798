using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Core.Calls;

/// <summary>The phrases that decide a scenario's score, rendered: what a recogniser should listen for hardest.</summary>
public static class HintPhrases
{
    private static readonly TemplatePhraseResolver Resolver = new();

    /// <summary>The phrases an agent is expected to say (any and all items), every pick alternative included.</summary>
    public static IReadOnlyList<string> Expected(Scenario scenario) =>
        Resolve(scenario, item => item.Check switch
        {
            AnyPhraseCheck any => any.Phrases,
            AllPhrasesCheck all => all.Phrases,
            _ => [],
        });

    /// <summary>The forbidden phrases (none items).</summary>
    public static IReadOnlyList<string> Forbidden(Scenario scenario) =>
        Resolve(scenario, item => item.Check is NoPhraseCheck none ? none.Phrases : []);

    /// <summary>The caller's lines, every pick alternative included.</summary>
    public static IReadOnlyList<string> CallerLines(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Script
            .OfType<SayStep>()
            .SelectMany(step => Resolver.Resolve(scenario, step.Text))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static List<string> Resolve(Scenario scenario, Func<ChecklistItem, IReadOnlyList<string>> phrases)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Checklist
            .SelectMany(phrases)
            .SelectMany(template => Resolver.Resolve(scenario, template))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
