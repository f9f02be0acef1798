using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>Score thresholds; missing ones take the defaults (excellent 90, good 80, pass 60).</summary>
internal static class GradesParser
{
    public static GradeThresholds? Parse(ParseContext context, YamlNode node)
    {
        if (YamlValues.IsNull(node))
        {
            return GradeThresholds.Default;
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, $"'grades' must be a mapping such as {{ excellent: 90, good: 80, pass: 60 }}; got {YamlValues.Describe(node)}");
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var fields = YamlValues.Fields(context, mapping, ScenarioFields.Grades, "grades");
        var excellent = Read(context, fields, "excellent", GradeThresholds.Default.Excellent);
        var good = Read(context, fields, "good", GradeThresholds.Default.Good);
        var pass = Read(context, fields, "pass", GradeThresholds.Default.Pass);
        if (context.ErrorCount != errorsBefore)
        {
            return null;
        }

        if (pass.Value < 0)
        {
            context.Report(pass.Node ?? node, $"'pass' must be at least 0; got {Format(pass.Value)}");
        }

        if (excellent.Value > 100)
        {
            context.Report(excellent.Node ?? node, $"'excellent' must be at most 100; got {Format(excellent.Value)}");
        }

        CheckOrder(context, node, pass, good);
        CheckOrder(context, node, good, excellent);
        return context.ErrorCount == errorsBefore ? new GradeThresholds(excellent.Value, good.Value, pass.Value) : null;
    }

    private static (string Name, double Value, YamlNode? Node) Read(
        ParseContext context, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string name, double fallback)
    {
        if (!fields.TryGetValue(name, out var field))
        {
            return (name, fallback, null);
        }

        return (name, YamlValues.Number(context, field.Value, name, "80") ?? fallback, field.Value);
    }

    private static void CheckOrder(ParseContext context, YamlNode grades, (string Name, double Value, YamlNode? Node) lower, (string Name, double Value, YamlNode? Node) higher)
    {
        if (lower.Value < higher.Value)
        {
            return;
        }

        // Point at a threshold the author wrote: a default cannot be the mistake.
        var at = higher.Node ?? lower.Node ?? grades;
        context.Report(at, $"grades must satisfy 0 <= pass < good < excellent <= 100; '{lower.Name}' is {Describe(lower)} but '{higher.Name}' is {Describe(higher)}");
    }

    private static string Describe((string Name, double Value, YamlNode? Node) grade) =>
        grade.Node is null ? $"{Format(grade.Value)} (default)" : Format(grade.Value);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
