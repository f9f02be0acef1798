using QaShopper.Core.Scenarios.Parsing;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>The <c>days</c>, <c>from</c> and <c>to</c> shared by opening hours and service periods.</summary>
internal static class WindowReader
{
    public static (HashSet<DayOfWeek>? Days, DailyWindow? Window) Read(ParseContext context, FieldMap fields)
    {
        var days = fields["days"] is { } daysNode ? DaysParser.Parse(context, daysNode) : null;
        var fromNode = fields["from"];
        var toNode = fields["to"];
        var from = fromNode is null ? null : CampaignValues.Time(context, fromNode, "from", isEnd: false);
        var to = toNode is null ? null : CampaignValues.Time(context, toNode, "to", isEnd: true);
        if (from is null || to is null)
        {
            return (days, null);
        }

        if (to == from)
        {
            context.Report(toNode!, $"'to' ({Format(to.Value)}) must be after 'from' ({Format(from.Value)}); the window is empty");
            return (days, null);
        }

        if (to < from)
        {
            context.Report(toNode!, $"'to' ({Format(to.Value)}) must be after 'from' ({Format(from.Value)}); a window across midnight is written as two windows, e.g. {{ days: fri, from: \"22:00\", to: \"24:00\" }} and {{ days: sat, from: \"00:00\", to: \"06:00\" }}");
            return (days, null);
        }

        return (days, new DailyWindow(from.Value, to.Value));
    }

    public static string Format(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}
