using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace QaShopper.Reports;

/// <summary>
/// The Scriban context of one HTML report: every value a <c>{{ ... }}</c> writes is HTML-encoded here, while
/// the template's own markup (its raw text) is written as it is. Escaping is a property of the context, not a
/// pipe each expression must remember, so a value cannot reach the page unescaped.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>A report this slow is a defect, not a big call centre: thousands of agents render in well under a second.</summary>
    public static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(30);

    public HtmlTemplateContext(CancellationToken cancellationToken)
        : base(new ScriptObject(), StringComparer.Ordinal)
    {
        // No built-in functions and no template loader: the report needs only loops and conditions.
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedIndexerAccess = false;
        TemplateLoader = null;
        LoopLimit = 1_000_000;
        RecursiveLimit = 16;
        ObjectRecursionLimit = 16;
        LimitToString = 64 * 1024;
        OutputLimit = 256 * 1024 * 1024;
        RegexTimeOut = TimeSpan.FromSeconds(1);
        MemberRenamer = member => member.Name;
        CancellationToken = cancellationToken;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject is null ? this : Write(WebUtility.HtmlEncode(ObjectToString(textAsObject)));

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        textAsObject is null ? new(this) : WriteAsync(WebUtility.HtmlEncode(ObjectToString(textAsObject)));
}
