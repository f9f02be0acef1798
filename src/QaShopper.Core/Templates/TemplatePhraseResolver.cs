using System.Collections.Concurrent;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Templates;

/// <summary>
/// Resolves checklist phrase templates with the scenario's variables and caller fields, expanding every
/// <c>pick</c> (in the phrase or in a caller field it uses) to all its alternatives. Results are cached
/// per scenario content hash and template text, so scoring many calls renders each phrase once.
/// Thread-safe.
/// </summary>
public sealed class TemplatePhraseResolver : IPhraseResolver
{
    /// <summary>Combinations of pick alternatives beyond this are dropped: matching cost grows with each.</summary>
    public const int MaxCombinations = 64;

    // Scenario files are few; the bound only guards against a process that renders unbounded ad-hoc texts.
    private const int MaxCachedPhrases = 50_000;

    private readonly ConcurrentDictionary<(string Hash, string Template), IReadOnlyList<string>> cache = new();

    /// <inheritdoc />
    public IReadOnlyList<string> Resolve(Scenario scenario, string phraseTemplate)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(phraseTemplate);

        var key = (scenario.ContentHash, phraseTemplate);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (cache.Count >= MaxCachedPhrases)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, Expand(scenario, phraseTemplate, null, null));
    }

    /// <summary>
    /// Resolves with the choices recorded for a call (<see cref="RenderedScenario.Choices"/>): caller fields
    /// use their recorded picks and, when <paramref name="location"/> (such as <c>checklist.greeting.match[0]</c>)
    /// is given, so does the phrase itself. Picks without a recorded choice still expand to every alternative.
    /// </summary>
    public static IReadOnlyList<string> ResolveWithChoices(
        Scenario scenario, string phraseTemplate, IReadOnlyDictionary<string, string> choices, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(phraseTemplate);
        ArgumentNullException.ThrowIfNull(choices);
        return Expand(scenario, phraseTemplate, choices, location);
    }

    private static IReadOnlyList<string> Expand(
        Scenario scenario, string template, IReadOnlyDictionary<string, string>? choices, string? location)
    {
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return [template];
        }

        var engine = TemplateEngine.Shared;
        var alternatives = new List<IReadOnlyList<string>>();
        Dictionary<string, string>? caller = null;
        if (template.Contains("caller.", StringComparison.Ordinal))
        {
            var callerData = TemplateEngine.Data(scenario.Variables, null);
            caller = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, field) in scenario.Caller.Fields)
            {
                var at = $"caller.{key}";
                caller[key] = engine.Render(field, callerData, new PickSink(at, known: choices, alternatives: alternatives));
            }
        }

        var data = TemplateEngine.Data(scenario.Variables, caller);

        // Without a location the phrase's own picks cannot be looked up; an unmatchable key makes them expand.
        var text = engine.Render(template, data, new PickSink(location ?? "\0", known: location is null ? null : choices, alternatives: alternatives));
        return PickExpansion.Expand(text, alternatives, MaxCombinations);
    }
}
