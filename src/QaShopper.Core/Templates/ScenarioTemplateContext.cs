namespace QaShopper.Core.Templates;

/// <summary>
/// The Scriban context of one render of a scenario text: strict, with every safety limit set explicitly, no
/// built-in functions (so no <c>include</c>, <c>date.now</c> or unseeded <c>math.random</c>) and no template
/// loader. Scenario text is speech, not HTML, so nothing is escaped.
/// </summary>
internal sealed class ScenarioTemplateContext(PickSink picks, CancellationToken cancellationToken)
    : StrictTemplateContext(loopLimit: 100, TemplateEngine.MaxOutputLength, TemplateEngine.MaxOutputLength, cancellationToken)
{
    /// <summary>Where this render's <c>pick</c> expressions are decided and recorded.</summary>
    public PickSink Picks { get; } = picks;
}
