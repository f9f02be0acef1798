namespace QaShopper.LiteDb.Documents;

/// <summary>
/// What one agent's calls of one UTC day (of their report time) add to a report (and, with <see cref="Day"/> negative, one calendar month:
/// see <see cref="AgentDayDocument.MonthKey"/>), kept up to date in the same transaction as each call.
/// </summary>
internal sealed class AgentDayDocument
{
    public string Id { get; set; } = "";

    /// <summary>The agent, or <see cref="ReportBuckets.Team"/> for the buckets of every call (the team's trend).</summary>
    public string Agent { get; set; } = "";

    /// <summary>The UTC day number (days since 0001-01-01) for a day bucket; -(month number) for a month bucket.</summary>
    public int Day { get; set; }

    /// <summary>Every call filed under the agent, scored or not (an agent with only unscored calls still has a report).</summary>
    public int Calls { get; set; }

    public int Scored { get; set; }

    /// <summary>Exact (decimal) sum of the scores; see the report code for how the mean matches the builder's double mean.</summary>
    public decimal ScoreSum { get; set; }

    public int NeedsReview { get; set; }

    /// <summary>Count per grade, indexed by the grade's value.</summary>
    public List<int> Grades { get; set; } = [];

    public List<ItemCountDocument> Items { get; set; } = [];

    public static string DayKey(string agent, int day) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"d\u0001{agent}\u0001{day:D7}");

    public static string MonthKey(string agent, int month) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m\u0001{agent}\u0001{month:D6}");
}

/// <summary>One checklist item's outcomes in a bucket.</summary>
internal sealed class ItemCountDocument
{
    public string ItemId { get; set; } = "";

    /// <summary>Scored calls that list the item, whatever its outcome (a not-applicable item is still reported).</summary>
    public int Seen { get; set; }

    public int Passed { get; set; }

    public int Failed { get; set; }

    public int Uncertain { get; set; }

    /// <summary>Exact sum of the points the item's failures cost (<see cref="Core.Reports.ItemPassRate.PointsLostBy"/>).</summary>
    public decimal PointsLost { get; set; }

    /// <summary>True once a call scored the item as critical.</summary>
    public bool Critical { get; set; }
}
