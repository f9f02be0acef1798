using Scriban;
using Scriban.Runtime;

namespace QaShopper.Core.Templates;

/// <summary>
/// The Scriban context of one render of a scenario text: strict, with every safety limit set explicitly, no
/// built-in functions (so no <c>include</c>, <c>date.now</c> or unseeded <c>math.random</c>) and no template
/// loader. Scenario text is speech, not HTML, so nothing is escaped.
/// </summary>
internal sealed class ScenarioTemplateContext : TemplateContext
{
    public ScenarioTemplateContext(PickSink picks, CancellationToken cancellationToken)
        : base(new ScriptObject(), StringComparer.Ordinal)
    {
        Picks = picks;
        CancellationToken = cancellationToken;

        // A misspelt name must fail rather than render as nothing; validation reports it first, with its position.
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedIndexerAccess = false;
        TemplateLoader = null;
        LoopLimit = 100;
        RecursiveLimit = 16;
        ObjectRecursionLimit = 16;
        LimitToString = TemplateEngine.MaxOutputLength;
        OutputLimit = TemplateEngine.MaxOutputLength;
        RegexTimeOut = TimeSpan.FromSeconds(1);
        MemberRenamer = member => member.Name;
    }

    /// <summary>Where this render's <c>pick</c> expressions are decided and recorded.</summary>
    public PickSink Picks { get; }
}
