using System.Globalization;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Templates;

/// <summary>Renders a scenario's templates for one call, choosing each <c>pick</c> with the given random source.</summary>
public static class ScenarioRenderer
{
    /// <summary>
    /// Renders caller fields first (from variables and pick), then say lines, listen <c>until</c> phrases and
    /// checklist phrases with the variables and the rendered <c>caller.*</c>. The same seed gives the same result.
    /// </summary>
    public static RenderedScenario Render(Scenario scenario, Random random)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(random);

        var engine = TemplateEngine.Shared;
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        var callerData = TemplateEngine.Data(scenario.Variables, null);

        // Sorted so that the sequence of random draws does not depend on dictionary order.
        var caller = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, template) in scenario.Caller.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            caller[key] = engine.Render(template, callerData, new PickSink($"caller.{key}", random, choices));
        }

        var data = TemplateEngine.Data(scenario.Variables, caller);
        string RenderAt(string template, string location) =>
            engine.Render(template, data, new PickSink(location, random, choices));

        var script = new List<ScriptStep>(scenario.Script.Count);
        for (var i = 0; i < scenario.Script.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"script[{i}]");
            script.Add(scenario.Script[i] switch
            {
                SayStep say => say with { Text = RenderAt(say.Text, $"{at}.say") },
                ListenStep listen => listen with
                {
                    Until = [.. listen.Until.Select((phrase, j) => RenderAt(phrase, string.Create(CultureInfo.InvariantCulture, $"{at}.listen.until[{j}]")))],
                },
                var other => other,
            });
        }

        var checklist = scenario.Checklist
            .Select(item => item with { Check = RenderCheck(item, RenderAt) })
            .ToList();

        return new RenderedScenario(scenario, new CallerPersona(caller), script, checklist, choices);
    }

    private static ItemCheck RenderCheck(ChecklistItem item, Func<string, string, string> render)
    {
        IReadOnlyList<string> Phrases(IReadOnlyList<string> phrases) =>
            [.. phrases.Select((p, i) => render(p, string.Create(CultureInfo.InvariantCulture, $"checklist.{item.Id}.match[{i}]")))];

        return item.Check switch
        {
            AnyPhraseCheck any => new AnyPhraseCheck(Phrases(any.Phrases)),
            AllPhrasesCheck all => new AllPhrasesCheck(Phrases(all.Phrases)),
            NoPhraseCheck none => new NoPhraseCheck(Phrases(none.Phrases)),
            var other => other,
        };
    }
}
