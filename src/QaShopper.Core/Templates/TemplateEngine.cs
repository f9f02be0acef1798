using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace QaShopper.Core.Templates;

/// <summary>
/// One Handlebars environment with the <c>pick</c> helper, and the compiled form of every template
/// text seen so far: compiling is far slower than rendering, and scoring renders the same phrases often.
/// </summary>
internal sealed class TemplateEngine
{
    /// <summary>The render data entry that carries the <see cref="PickSink"/>; not a valid variable name.</summary>
    internal const string PickSinkKey = "__qashopper_picks";

    private readonly IHandlebars handlebars;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> compiled = new(StringComparer.Ordinal);

    private TemplateEngine()
    {
        // Scenario text is speech and phrases, not HTML: "&" must stay "&".
        handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        handlebars.RegisterHelper(TemplateScanner.PickName, Pick);
    }

    public static TemplateEngine Shared { get; } = new();

    public static Dictionary<string, object> Data(IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string>? caller)
    {
        var data = new Dictionary<string, object>(variables.Count + 2, StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            data[key] = value;
        }

        if (caller is not null)
        {
            data["caller"] = caller.ToDictionary(c => c.Key, c => (object)c.Value, StringComparer.Ordinal);
        }

        return data;
    }

    /// <summary>Renders <paramref name="template"/>; <paramref name="data"/> gets the sink for this render.</summary>
    public string Render(string template, Dictionary<string, object> data, PickSink picks)
    {
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }

        data[PickSinkKey] = picks;
        return compiled.GetOrAdd(template, handlebars.Compile)(data);
    }

    private static object Pick(Context context, Arguments arguments)
    {
        if (context[PickSinkKey] is not PickSink sink)
        {
            throw new InvalidOperationException("pick was rendered outside of the template engine");
        }

        var choices = arguments.AsEnumerable().Select(a => a?.ToString() ?? string.Empty).ToList();
        if (choices.Count == 0)
        {
            throw new HandlebarsRuntimeException("pick needs at least one quoted text, e.g. {{pick 'a' 'b'}}");
        }

        return sink.Choose(choices);
    }
}
