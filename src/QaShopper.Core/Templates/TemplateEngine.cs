using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace QaShopper.Core.Templates;

/// <summary>
/// Renders scenario templates with Scriban: each template text is parsed once and cached (parsing is far
/// slower than rendering, and scoring renders the same phrases often), and each render gets a new
/// <see cref="TemplateContext"/>, which Scriban does not allow to be shared between threads.
/// </summary>
internal sealed class TemplateEngine
{
    /// <summary>No render may take longer; the subset scenarios may use cannot loop, so this only stops a defect.</summary>
    public static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Largest rendered text, in characters; a spoken line or phrase is a few hundred at most.</summary>
    public const int MaxOutputLength = 100_000;

    // Scenario files are few; the bound only guards against a process that renders unbounded ad-hoc texts.
    private const int MaxCachedTemplates = 50_000;

    private readonly ConcurrentDictionary<string, Template> parsed = new(StringComparer.Ordinal);

    private TemplateEngine()
    {
    }

    public static TemplateEngine Shared { get; } = new();

    /// <summary>
    /// The values a template may read: every variable, and <c>caller.KEY</c> when the caller fields are
    /// rendered. Only <see cref="ScriptObject"/>s and strings, so no .NET member is reachable from a template.
    /// </summary>
    public static ScriptObject Data(IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string>? caller)
    {
        var data = new ScriptObject(variables.Count + 1, StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            data.SetValue(key, value, readOnly: true);
        }

        if (caller is not null)
        {
            var fields = new ScriptObject(caller.Count, StringComparer.Ordinal);
            foreach (var (key, value) in caller)
            {
                fields.SetValue(key, value, readOnly: true);
            }

            data.SetValue("caller", fields, readOnly: true);
        }

        return data;
    }

    /// <summary>The parsed form of <paramref name="text"/>, from the cache when it was parsed before.</summary>
    public Template Parse(string text)
    {
        if (parsed.TryGetValue(text, out var template))
        {
            return template;
        }

        if (parsed.Count >= MaxCachedTemplates)
        {
            parsed.Clear();
        }

        return parsed.GetOrAdd(text, static t => Template.Parse(t));
    }

    /// <summary>Renders <paramref name="template"/> with <paramref name="data"/>; its picks go to <paramref name="picks"/>.</summary>
    public string Render(string template, ScriptObject data, PickSink picks)
    {
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }

        var parsedTemplate = Parse(template);
        if (parsedTemplate.HasErrors)
        {
            // The scenario parser reports these with their positions; reaching here means a text skipped validation.
            throw new InvalidOperationException($"invalid template '{template}': {string.Join("; ", parsedTemplate.Messages)}");
        }

        using var timeout = new CancellationTokenSource(RenderTimeout);
        var context = new ScenarioTemplateContext(picks, timeout.Token);
        context.PushGlobal(data);

        // A scope of its own for the render, so that nothing a template could assign reaches the shared data.
        var scope = new ScriptObject(1, StringComparer.Ordinal);
        scope.SetValue(TemplateScanner.PickName, PickFunction.Instance, readOnly: true);
        context.PushGlobal(scope);
        return parsedTemplate.Render(context);
    }
}
