using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Core.Calls;

/// <summary>The phrases that decide a scenario's score, rendered: what a recogniser should listen for hardest.</summary>
public static class HintPhrases
{
    private static readonly TemplatePhraseResolver Resolver = new();

    /// <summary>Every phrase of the checklist's phrase items (any, all, none), every pick alternative included.</summary>
    public static IReadOnlyList<string> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Checklist
            .SelectMany(item => item.Check switch
            {
                AnyPhraseCheck any => any.Phrases,
                AllPhrasesCheck all => all.Phrases,
                NoPhraseCheck none => none.Phrases,
                _ => [],
            })
            .SelectMany(template => Resolver.Resolve(scenario, template))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
