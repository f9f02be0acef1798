using Scriban;
using Scriban.Runtime;

namespace QaShopper.Core.Templates;

/// <summary>
/// What every Scriban render of QaShopper shares: strict names (a misspelt one fails instead of rendering as
/// nothing), no relaxed access, no built-in functions and no template loader (so no <c>include</c>), and limits on
/// loops, recursion, output and time. Each kind of template sets only its own sizes.
/// </summary>
public abstract class StrictTemplateContext : TemplateContext
{
    /// <param name="loopLimit">Iterations allowed in one loop.</param>
    /// <param name="limitToString">Characters one value may write.</param>
    /// <param name="outputLimit">Characters the whole render may write.</param>
    /// <param name="cancellationToken">Stops a render that runs too long.</param>
    protected StrictTemplateContext(int loopLimit, int limitToString, int outputLimit, CancellationToken cancellationToken)
        : base(new ScriptObject(), StringComparer.Ordinal)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedIndexerAccess = false;
        TemplateLoader = null;
        LoopLimit = loopLimit;
        RecursiveLimit = 16;
        ObjectRecursionLimit = 16;
        LimitToString = limitToString;
        OutputLimit = outputLimit;
        RegexTimeOut = TimeSpan.FromSeconds(1);
        MemberRenamer = member => member.Name;
        CancellationToken = cancellationToken;
    }
}
