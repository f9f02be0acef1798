using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>The checklist: items, their single check, timing constraints and the <c>after</c> graph.</summary>
internal static class ChecklistParser
{
    private static readonly string[] CheckFields = ["match", "answered_within", "max_silence"];

    public static List<ChecklistItem>? Parse(ParseContext context, YamlNode node, IReadOnlyList<string> known)
    {
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            context.Report(node, node is YamlSequenceNode || YamlValues.IsNull(node)
                ? "'checklist' must have at least one item"
                : $"'checklist' must be a list of items; got {YamlValues.Describe(node)}");
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var drafts = new List<ItemDraft>();
        var firstById = new Dictionary<string, ItemDraft>(StringComparer.Ordinal);
        foreach (var child in sequence.Children)
        {
            var draft = ParseItem(context, child, known);
            if (draft?.Id is not { } id)
            {
                continue;
            }

            if (firstById.TryGetValue(id, out var first))
            {
                context.Report(draft.IdNode!, $"duplicate checklist item id '{id}'; first defined at line {first.IdNode!.Start.Line.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }

            firstById.Add(id, draft);
            drafts.Add(draft);
        }

        AfterGraph.Check(context, drafts, firstById);
        if (context.ErrorCount != errorsBefore)
        {
            return null;
        }

        return [.. drafts.Select(d => d.Item!)];
    }

    private static ItemDraft? ParseItem(ParseContext context, YamlNode node, IReadOnlyList<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, $"a checklist item must be a mapping with id, text, weight and a check; got {YamlValues.Describe(node)}");
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var fields = YamlValues.Fields(context, mapping, ScenarioFields.ChecklistItem, "checklist item");
        var draft = new ItemDraft();
        if (fields.TryGetValue("id", out var idField))
        {
            draft.Id = YamlValues.Text(context, idField.Value, "id");
            draft.IdNode = idField.Value;
        }

        var name = draft.Id is null ? "checklist item" : $"checklist item '{draft.Id}'";
        foreach (var required in ScenarioFields.ChecklistItemRequired)
        {
            if (!fields.ContainsKey(required))
            {
                context.Report(mapping, $"{name} is missing required field '{required}'");
            }
        }

        var text = fields.TryGetValue("text", out var textField) ? YamlValues.Text(context, textField.Value, "text") : null;
        var weight = fields.TryGetValue("weight", out var weightField) ? ReadWeight(context, weightField.Value) : null;
        var critical = fields.TryGetValue("critical", out var criticalField) ? YamlValues.Boolean(context, criticalField.Value, "critical") : false;
        var speaker = fields.TryGetValue("speaker", out var speakerField) ? ReadSpeaker(context, speakerField.Value) : Speaker.Agent;

        var checks = CheckFields.Where(fields.ContainsKey).Select(f => fields[f].Key).OrderBy(k => k.Start.Index).ToList();
        if (checks.Count == 0)
        {
            context.Report(mapping, $"{name} needs a check: 'match', 'answered_within' or 'max_silence'");
        }
        else if (checks.Count > 1)
        {
            context.Report(checks[1], $"{name} has more than one check ('{checks[0].Value}' and '{checks[1].Value}'); use exactly one");
        }

        ItemCheck? check = null;
        if (fields.TryGetValue("match", out var matchField))
        {
            draft.HasMatch = true;
            check = MatchParser.Parse(context, matchField.Value, known);
        }

        if (fields.TryGetValue("answered_within", out var answeredField)
            && YamlValues.Duration(context, answeredField.Value, "answered_within", mustBePositive: true) is { } answered)
        {
            check ??= new AnsweredWithinCheck(answered);
        }

        if (fields.TryGetValue("max_silence", out var silenceField)
            && YamlValues.Duration(context, silenceField.Value, "max_silence", mustBePositive: true) is { } silence)
        {
            check ??= new MaxSilenceCheck(silence);
        }

        var within = ReadMatchTiming(context, fields, draft.HasMatch, "within");
        var inLast = ReadMatchTiming(context, fields, draft.HasMatch, "in_last");
        if (fields.TryGetValue("after", out var afterField))
        {
            if (!draft.HasMatch)
            {
                context.Report(afterField.Key, "'after' only applies to items with 'match'; timing checks have no match start");
            }
            else
            {
                draft.After = YamlValues.Text(context, afterField.Value, "after");
                draft.AfterNode = afterField.Value;
            }
        }

        if (context.ErrorCount == errorsBefore && draft.Id is not null && text is not null && weight is not null
            && critical is not null && speaker is not null && check is not null)
        {
            draft.Item = new ChecklistItem(
                draft.Id, text, weight.Value, critical.Value, speaker.Value, check, within, inLast, draft.After,
                ParseContext.ToPosition(mapping.Start));
        }

        return draft;
    }

    private static TimeSpan? ReadMatchTiming(
        ParseContext context, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, bool hasMatch, string field)
    {
        if (!fields.TryGetValue(field, out var entry))
        {
            return null;
        }

        if (!hasMatch)
        {
            context.Report(entry.Key, $"'{field}' only applies to items with 'match'; it constrains when the match starts");
            return null;
        }

        return YamlValues.Duration(context, entry.Value, field, mustBePositive: true);
    }

    /// <summary>The most points one item may weigh.</summary>
    internal const double MaxWeight = 1000;

    private static double? ReadWeight(ParseContext context, YamlNode node)
    {
        var weight = YamlValues.Number(context, node, "weight", "10");
        if (weight is <= 0)
        {
            context.Report(node, $"'weight' must be a positive number; got {weight.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        // Bounded above as well: weights near double.MaxValue add up to infinity, and infinity over infinity is a NaN score.
        if (weight > MaxWeight)
        {
            context.Report(node, $"'weight' is at most {MaxWeight.ToString(CultureInfo.InvariantCulture)} points; got {weight.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return weight;
    }

    private static Speaker? ReadSpeaker(ParseContext context, YamlNode node)
    {
        switch (YamlValues.Text(context, node, "speaker"))
        {
            case "agent":
                return Speaker.Agent;
            case "caller":
                return Speaker.Caller;
            case "any":
                return Speaker.Any;
            case { } other:
                context.Report(node, $"'speaker' must be agent, caller or any; got '{other}'");
                return null;
            default:
                return null;
        }
    }
}

/// <summary>What the checklist parser knows of an item while the whole list is not yet read.</summary>
internal sealed class ItemDraft
{
    public string? Id { get; set; }

    public YamlNode? IdNode { get; set; }

    public bool HasMatch { get; set; }

    public string? After { get; set; }

    public YamlNode? AfterNode { get; set; }

    public ChecklistItem? Item { get; set; }
}
