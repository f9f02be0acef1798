namespace QaShopper.Core.Campaigns;

/// <summary>One target line while it is planned: its site, its demand and slots per week, and its calls so far.</summary>
internal sealed class LineState(int index, TargetLine line, SiteSchedule schedule, int weeks)
{
    public int Index { get; } = index;

    public TargetLine Line { get; } = line;

    public SiteSchedule Schedule { get; } = schedule;

    /// <summary>Demand per week; null for a week that is already over.</summary>
    public LineDemand?[] Demands { get; } = new LineDemand?[weeks];

    /// <summary>Calls the allocator gave the line, per slot.</summary>
    public List<(PlanSlot Slot, int Calls)> Allocations { get; } = [];

    /// <summary>Start seconds of the calls placed so far, sorted.</summary>
    public List<long> Starts { get; } = [];

    public void AddStart(long second) => Starts.Insert(SecondRanges.LowerBound(Starts, second), second);
}
