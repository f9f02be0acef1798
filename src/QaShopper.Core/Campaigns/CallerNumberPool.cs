namespace QaShopper.Core.Campaigns;

/// <summary>
/// Hands out caller numbers in time order so a line never sees the same number twice within the reuse period:
/// the least recently used eligible number wins, ties broken from a seeded position. A line's eligible numbers are
/// the pool minus those it saw in the last N days, whichever were chosen, so this greedy choice fails only when no
/// choice could succeed.
/// </summary>
internal sealed class CallerNumberPool
{
    private readonly List<string> numbers;
    private readonly long reuseSeconds;
    private readonly Random random;
    private readonly long[] lastUsed;
    private readonly Dictionary<int, long[]> lastUsedOnLine = [];

    public CallerNumberPool(CampaignAnonymity anonymity, Random random)
    {
        numbers = anonymity.CallerNumbers.Distinct(StringComparer.Ordinal).ToList();
        reuseSeconds = Math.Max(0, anonymity.NumberReuseDays) * 86_400L;
        this.random = random;
        lastUsed = Enumerable.Repeat(long.MinValue, numbers.Count).ToArray();
    }

    public int Count => numbers.Count;

    /// <summary>A number for a call to <paramref name="line"/> at <paramref name="second"/>, or null when every number is too recent there.</summary>
    public string? Take(int line, long second)
    {
        if (!lastUsedOnLine.TryGetValue(line, out var onLine))
        {
            onLine = Enumerable.Repeat(long.MinValue, numbers.Count).ToArray();
            lastUsedOnLine[line] = onLine;
        }

        var best = -1;
        var start = numbers.Count == 0 ? 0 : random.Next(numbers.Count);
        for (var j = 0; j < numbers.Count; j++)
        {
            var i = (start + j) % numbers.Count;
            var eligible = onLine[i] == long.MinValue || second - onLine[i] >= reuseSeconds;
            if (eligible && (best < 0 || lastUsed[i] < lastUsed[best]))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return null;
        }

        lastUsed[best] = second;
        onLine[best] = second;
        return numbers[best];
    }
}
