namespace QaShopper.Core.Campaigns;

/// <summary>A call with its line, slot and start second, before it is disguised and numbered.</summary>
internal readonly record struct PlacedCall(LineState Line, PlanSlot Slot, long Second);

/// <summary>
/// Gives each allocated call a start second: inside its slot's start times, at least the pacing gap from every other
/// call to the same line (in any slot), random (jitter) or evenly spread, never on a whole minute. A call that no
/// longer fits because a neighbouring slot's calls crowd it moves to another occurrence of the same period.
/// </summary>
internal sealed class CallPlacer(PacingRules pacing, Random random)
{
    public List<PlacedCall> Place(IReadOnlyList<LineState> lines)
    {
        var placed = new List<PlacedCall>();
        foreach (var line in lines)
        {
            foreach (var (slot, calls) in line.Allocations.OrderBy(a => a.Slot.Starts[0].Lo))
            {
                var missing = calls - PlaceInSlot(line, slot, calls, placed);
                slot.SiteCalls -= missing;
                while (missing > 0 && Relocate(line, slot, placed))
                {
                    missing--;
                }
            }
        }

        return placed;
    }

    private int PlaceInSlot(LineState line, PlanSlot slot, int calls, List<PlacedCall> placed)
    {
        var free = SecondRanges.Without(slot.Starts, line.Starts, pacing.GapSeconds - 1);
        var measure = SecondRanges.Measure(free);
        var count = Math.Min(calls, pacing.Capacity(measure));
        if (count == 0)
        {
            return 0;
        }

        foreach (var offset in pacing.Jitter ? RandomOffsets(measure, count) : EvenOffsets(measure, count))
        {
            Add(line, slot, OffMinute(free, offset, measure), placed);
        }

        return count;
    }

    private bool Relocate(LineState line, PlanSlot from, List<PlacedCall> placed)
    {
        var candidates = line.Schedule.SlotsByWeek[from.Week]
            .Where(s => s != from && s.PeriodIndex == from.PeriodIndex && pacing.SiteRoom(s.SiteCalls) > 0)
            .OrderBy(s => s.SiteCalls)
            .ThenBy(s => s.Starts[0].Lo);
        foreach (var slot in candidates)
        {
            var free = SecondRanges.Without(slot.Starts, line.Starts, pacing.GapSeconds - 1);
            var measure = SecondRanges.Measure(free);
            if (measure == 0)
            {
                continue;
            }

            var offset = pacing.Jitter ? random.NextInt64(measure) : (measure - 1) / 2;
            Add(line, slot, OffMinute(free, offset, measure), placed);
            slot.SiteCalls++;
            return true;
        }

        return false;
    }

    private static void Add(LineState line, PlanSlot slot, long second, List<PlacedCall> placed)
    {
        line.AddStart(second);
        placed.Add(new PlacedCall(line, slot, second));
    }

    /// <summary>Sorted random offsets at least a step apart, uniform over all such placements.</summary>
    private IEnumerable<long> RandomOffsets(long measure, int count)
    {
        var slack = measure - 1 - ((count - 1) * pacing.StepSeconds);
        var draws = new long[count];
        for (var i = 0; i < count; i++)
        {
            draws[i] = random.NextInt64(slack + 1);
        }

        Array.Sort(draws);
        for (var i = 0; i < count; i++)
        {
            yield return draws[i] + (i * pacing.StepSeconds);
        }
    }

    /// <summary>Offsets in the middle of equal shares of the slot, or from end to end when the shares would be closer than a step.</summary>
    private IEnumerable<long> EvenOffsets(long measure, int count)
    {
        if (count == 1)
        {
            yield return (measure - 1) / 2;
            yield break;
        }

        var share = measure / count;
        var centred = share >= pacing.StepSeconds;
        var spacing = centred ? share : (measure - 1) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            yield return (centred ? share / 2 : 0) + (i * spacing);
        }
    }

    /// <summary>
    /// The second at <paramref name="offset"/>, moved by one when it is a whole minute: test calls dialled on the minute
    /// are a pattern agents could learn. One second either way stays inside the spare room of the packing step.
    /// </summary>
    private static long OffMinute(IReadOnlyList<SecondRange> free, long offset, long measure)
    {
        var second = SecondRanges.At(free, offset);
        if (second % 60 != 0)
        {
            return second;
        }

        return offset + 1 < measure ? SecondRanges.At(free, offset + 1) : offset > 0 ? SecondRanges.At(free, offset - 1) : second;
    }
}
