using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace QaShopper.Core.Templates;

/// <summary>
/// <c>{{pick 'a' 'b'}}</c>: hands its texts to the render's <see cref="PickSink"/>, which chooses (and records the
/// choice under the template's location) or leaves a marker for every alternative.
/// </summary>
internal sealed class PickFunction : IScriptCustomFunction
{
    public static PickFunction Instance { get; } = new();

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "choices");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (context is not ScenarioTemplateContext scenario)
        {
            throw new InvalidOperationException("pick was rendered outside of the template engine");
        }

        if (arguments.Count == 0)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "pick needs at least one quoted text, e.g. {{pick 'a' 'b'}}");
        }

        return scenario.Picks.Choose([.. arguments.Select(a => a?.ToString() ?? string.Empty)]);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
}
