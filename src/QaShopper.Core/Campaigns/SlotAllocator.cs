namespace QaShopper.Core.Campaigns;

/// <summary>
/// Decides how many calls each line of one site gets in each of the site's slots of one week: first every period
/// minimum, then the rest of each line's demand, one call at a time to the slot that keeps the line's calls most
/// evenly spread over periods and days (and the site's load even), within the site cap and the line's capacity.
/// </summary>
internal sealed class SlotAllocator
{
    private readonly IReadOnlyList<PlanSlot> slots;
    private readonly PacingRules pacing;
    private readonly Random random;
    private readonly int[][] inSlot;
    private readonly int[][] inPeriod;
    private readonly int[][] onDay;

    private SlotAllocator(IReadOnlyList<PlanSlot> slots, int lines, int periods, PacingRules pacing, Random random)
    {
        this.slots = slots;
        this.pacing = pacing;
        this.random = random;
        inSlot = NewCounts(lines, slots.Count);
        inPeriod = NewCounts(lines, periods);
        onDay = NewCounts(lines, 7);
    }

    /// <summary>Calls per line (index into <paramref name="demands"/>) per slot (index into <paramref name="slots"/>).</summary>
    public static int[][] Allocate(IReadOnlyList<PlanSlot> slots, IReadOnlyList<LineDemand> demands, int periods, PacingRules pacing, Random random)
    {
        var allocator = new SlotAllocator(slots, demands.Count, periods, pacing, random);
        allocator.Run(demands);
        return allocator.inSlot;
    }

    private void Run(IReadOnlyList<LineDemand> demands)
    {
        var planned = new int[demands.Count];

        // Minimums first and round-robin over lines, so one line cannot take the site cap another line's minimum needs.
        var rounds = demands.Count == 0 ? 0 : demands.Max(d => d.PeriodMinimum);
        for (var round = 0; round < rounds; round++)
        {
            for (var line = 0; line < demands.Count; line++)
            {
                if (round >= demands[line].PeriodMinimum)
                {
                    continue;
                }

                foreach (var period in demands[line].Periods)
                {
                    if (TryAdd(line, period))
                    {
                        planned[line]++;
                    }
                }
            }
        }

        var wanting = Enumerable.Range(0, demands.Count).Where(l => planned[l] < demands[l].Total).ToList();
        while (wanting.Count > 0)
        {
            var next = new List<int>(wanting.Count);
            foreach (var line in wanting)
            {
                if (TryAdd(line, period: -1) && ++planned[line] < demands[line].Total)
                {
                    next.Add(line);
                }
            }

            wanting = next;
        }
    }

    /// <summary>Adds one call for the line to its best slot (in <paramref name="period"/> when not -1); false when none has room.</summary>
    private bool TryAdd(int line, int period)
    {
        var best = -1;
        var bestCost = int.MaxValue;
        var bestLoad = int.MaxValue;

        // Scanning from a seeded start breaks ties between equally good slots without favouring early ones.
        var start = random.Next(slots.Count);
        for (var j = 0; j < slots.Count; j++)
        {
            var i = (start + j) % slots.Count;
            var slot = slots[i];
            if ((period >= 0 && slot.PeriodIndex != period) || inSlot[line][i] >= slot.LineCapacity || pacing.SiteRoom(slot.SiteCalls) == 0)
            {
                continue;
            }

            var cost = (period >= 0 ? 0 : inPeriod[line][slot.PeriodIndex]) + onDay[line][slot.Day % 7] + inSlot[line][i];
            if (cost < bestCost || (cost == bestCost && slot.SiteCalls < bestLoad))
            {
                best = i;
                bestCost = cost;
                bestLoad = slot.SiteCalls;
            }
        }

        if (best < 0)
        {
            return false;
        }

        var chosen = slots[best];
        inSlot[line][best]++;
        inPeriod[line][chosen.PeriodIndex]++;
        onDay[line][chosen.Day % 7]++;
        chosen.SiteCalls++;
        return true;
    }

    private static int[][] NewCounts(int rows, int columns)
    {
        var counts = new int[rows][];
        for (var i = 0; i < rows; i++)
        {
            counts[i] = new int[columns];
        }

        return counts;
    }
}
