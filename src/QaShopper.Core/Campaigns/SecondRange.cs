namespace QaShopper.Core.Campaigns;

/// <summary>Whole Unix seconds <see cref="Lo"/>..<see cref="Hi"/>, both inclusive: the start times a call may take.</summary>
internal readonly record struct SecondRange(long Lo, long Hi)
{
    public long Length => Hi - Lo + 1;
}

/// <summary>Operations on sorted, disjoint lists of <see cref="SecondRange"/>.</summary>
internal static class SecondRanges
{
    public static long Measure(IReadOnlyList<SecondRange> ranges)
    {
        long total = 0;
        foreach (var range in ranges)
        {
            total += range.Length;
        }

        return total;
    }

    /// <summary>The second <paramref name="offset"/> into the ranges, skipping the gaps between them.</summary>
    public static long At(IReadOnlyList<SecondRange> ranges, long offset)
    {
        foreach (var range in ranges)
        {
            if (offset < range.Length)
            {
                return range.Lo + offset;
            }

            offset -= range.Length;
        }

        throw new ArgumentOutOfRangeException(nameof(offset), offset, "beyond the ranges");
    }

    /// <summary>The ranges without every second within <paramref name="radius"/> of one of <paramref name="sortedCentres"/>.</summary>
    public static List<SecondRange> Without(IReadOnlyList<SecondRange> ranges, List<long> sortedCentres, long radius)
    {
        var result = new List<SecondRange>(ranges.Count + 1);
        if (ranges.Count == 0)
        {
            return result;
        }

        var first = LowerBound(sortedCentres, ranges[0].Lo - radius);
        foreach (var range in ranges)
        {
            var lo = range.Lo;
            for (var c = first; c < sortedCentres.Count && sortedCentres[c] - radius <= range.Hi && lo <= range.Hi; c++)
            {
                var cutLo = sortedCentres[c] - radius;
                var cutHi = sortedCentres[c] + radius;
                if (cutHi < lo)
                {
                    continue;
                }

                if (cutLo > lo)
                {
                    result.Add(new SecondRange(lo, cutLo - 1));
                }

                lo = Math.Max(lo, cutHi + 1);
            }

            if (lo <= range.Hi)
            {
                result.Add(new SecondRange(lo, range.Hi));
            }
        }

        return result;
    }

    /// <summary>Index of the first element not less than <paramref name="value"/>.</summary>
    public static int LowerBound(List<long> sorted, long value)
    {
        var index = sorted.BinarySearch(value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }
}
