namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>Checks the <c>after</c> references between checklist items: they must name another matching item, without cycles.</summary>
internal static class AfterGraph
{
    public static void Check(ParseContext context, List<ItemDraft> items, Dictionary<string, ItemDraft> byId)
    {
        var validEdges = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.After is not { } after || item.AfterNode is null || item.Id is null)
            {
                continue;
            }

            if (after == item.Id)
            {
                context.Report(item.AfterNode, $"'after' cannot name the item itself ('{after}'); name another item with 'match'");
            }
            else if (!byId.TryGetValue(after, out var target))
            {
                var suggestion = FieldSuggester.Closest(after, byId.Keys);
                var hint = suggestion is null ? $"known items: {string.Join(", ", byId.Keys)}" : $"did you mean '{suggestion}'?";
                context.Report(item.AfterNode, $"'after' names unknown item '{after}'; {hint}");
            }
            else if (!target.HasMatch)
            {
                context.Report(item.AfterNode, $"'after' names item '{after}', which has no 'match'; answered_within and max_silence items have no match start to order by");
            }
            else
            {
                validEdges[item.Id] = after;
            }
        }

        ReportCycles(context, items, validEdges);
    }

    private static void ReportCycles(ParseContext context, List<ItemDraft> items, Dictionary<string, string> edges)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Id is not { } start || reported.Contains(start))
            {
                continue;
            }

            // Each item has at most one 'after', so following the chain either ends or comes back.
            var path = new List<string> { start };
            var current = start;
            while (edges.TryGetValue(current, out var next) && !path.Contains(next))
            {
                path.Add(next);
                current = next;
            }

            if (edges.TryGetValue(current, out var last) && last == start)
            {
                reported.UnionWith(path);
                context.Report(item.AfterNode!, $"'after' forms a cycle: {string.Join(" -> ", path)} -> {start}; the items can never all be in order");
            }
        }
    }
}
