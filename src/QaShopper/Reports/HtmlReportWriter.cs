using System.Globalization;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using Scriban;
using Scriban.Runtime;

namespace QaShopper.Reports;

/// <summary>
/// Writes the per-agent HTML report (scores, grades, item pass rates as a heat map). One self-contained file,
/// no scripts or external assets, so it can be mailed to a call-centre manager as it is.
/// </summary>
internal static class HtmlReportWriter
{
    private const string ResourceName = "QaShopper.Reports.report.html.sbn";

    private static readonly Lazy<Template> Template = new(() =>
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("the report template is not embedded");
        using var reader = new StreamReader(stream);
        var template = Scriban.Template.Parse(reader.ReadToEnd(), ResourceName);
        return template.HasErrors
            ? throw new InvalidOperationException($"the report template is invalid: {string.Join("; ", template.Messages)}")
            : template;
    });

    public static void Write(string path, IReadOnlyList<AgentReport> reports, IReadOnlyList<AgentRecord> agents, DateTimeOffset generatedAt, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(agents);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render(reports, agents, generatedAt, subtitle));
    }

    internal static string Render(IReadOnlyList<AgentReport> reports, IReadOnlyList<AgentRecord> agents, DateTimeOffset generatedAt, string? subtitle)
    {
        var known = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var itemIds = reports.SelectMany(r => r.Items).Select(i => i.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var scored = reports.Where(r => r.AverageScore is not null).ToList();
        var model = new ScriptObject(StringComparer.Ordinal)
        {
            ["generated_at"] = generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["subtitle"] = subtitle,
            ["calls"] = reports.Sum(r => r.Calls),
            ["agent_count"] = reports.Count,
            ["average"] = scored.Count == 0 ? "-" : Number(scored.Sum(r => r.AverageScore!.Value * r.Calls) / Math.Max(1, scored.Sum(r => r.Calls))),
            ["grades"] = List(Enum.GetValues<Grade>().Reverse().Select(g => Object(
                ("name", g.ToString().ToLowerInvariant()),
                ("count", reports.Sum(r => r.GradeCounts[g]))))),
            ["items"] = new ScriptArray(itemIds),
            ["agents"] = List(reports.Select(r => Object(
                ("id", r.Agent),
                ("name", known.TryGetValue(r.Agent, out var a) ? a.Name : null),
                ("site", known.TryGetValue(r.Agent, out var b) ? b.Site : null),
                ("calls", r.Calls),
                ("average", r.AverageScore is { } avg ? Number(avg) : "-"),
                ("average_class", r.AverageScore is { } s ? ScoreClass(s) : "none"),
                ("excellent", r.GradeCounts[Grade.Excellent]),
                ("good", r.GradeCounts[Grade.Good]),
                ("pass", r.GradeCounts[Grade.Pass]),
                ("fail", r.GradeCounts[Grade.Fail]),
                ("review", r.NeedsReview),
                ("weakest", string.Join(", ", r.WeakestItems(3).Select(i => i.ItemId))),
                ("cells", List(itemIds.Select(id => r.Items.FirstOrDefault(i => i.ItemId == id) is { PassRate: { } rate } item
                    ? Object(("text", Percent(rate)), ("title", $"{item.Passed} passed, {item.Failed} failed, {item.Uncertain} uncertain"), ("css", RateClass(rate)))
                    : Object(("text", ""), ("title", "not scored"), ("css", "none")))))))),
        };

        using var timeout = new CancellationTokenSource(HtmlTemplateContext.RenderTimeout);
        var context = new HtmlTemplateContext(timeout.Token);
        context.PushGlobal(model);
        return Template.Value.Render(context);
    }

    private static ScriptArray List(IEnumerable<ScriptObject> objects) => new(objects);

    private static ScriptObject Object(params (string Key, object? Value)[] members)
    {
        var result = new ScriptObject(members.Length, StringComparer.Ordinal);
        foreach (var (key, value) in members)
        {
            result.SetValue(key, value, readOnly: true);
        }

        return result;
    }

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string ScoreClass(double score) => score >= 90 ? "r5" : score >= 80 ? "r4" : score >= 60 ? "r3" : "r1";

    private static string RateClass(double rate) => rate >= 0.9 ? "r5" : rate >= 0.75 ? "r4" : rate >= 0.5 ? "r3" : rate >= 0.25 ? "r2" : "r1";
}
