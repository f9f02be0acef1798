using System.Net;
using Scriban;
using Scriban.Parsing;
using QaShopper.Core.Templates;

namespace QaShopper.Reports;

/// <summary>
/// The Scriban context of one HTML report: every value a <c>{{ ... }}</c> writes is HTML-encoded here, while
/// the template's own markup (its raw text) is written as it is. Escaping is a property of the context, not a
/// pipe each expression must remember, so a value cannot reach the page unescaped.
/// </summary>
internal sealed class HtmlTemplateContext : StrictTemplateContext
{
    /// <summary>A report this slow is a defect, not a big call centre: thousands of agents render in well under a second.</summary>
    public static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(30);

    // Loops over agents and items only; no built-in functions and no template loader.
    public HtmlTemplateContext(CancellationToken cancellationToken)
        : base(loopLimit: 1_000_000, limitToString: 64 * 1024, outputLimit: 256 * 1024 * 1024, cancellationToken)
    {
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject is null ? this : Write(WebUtility.HtmlEncode(ObjectToString(textAsObject)));

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        textAsObject is null ? new(this) : WriteAsync(WebUtility.HtmlEncode(ObjectToString(textAsObject)));
}
