using System.Globalization;
using System.Text;

namespace QaShopper.Core.Templates;

/// <summary>
/// Turns a rendered text holding pick markers into every combination of the alternatives. A marker
/// inserted twice (a caller field used twice) stands for the same choice both times.
/// </summary>
internal static class PickExpansion
{
    // Private-use code points: they cannot come from a scenario author by accident.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    public static string Marker(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Open}{index}{Close}");

    public static IReadOnlyList<string> Expand(string text, IReadOnlyList<IReadOnlyList<string>> alternatives, int maxCombinations)
    {
        if (!text.Contains(Open, StringComparison.Ordinal))
        {
            return [text];
        }

        var parts = Split(text);
        var slots = parts.Where(p => p.Slot >= 0).Select(p => p.Slot).Distinct().ToList();
        var digits = new int[slots.Count];
        var results = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var combinations = 0;
        while (combinations < maxCombinations)
        {
            combinations++;
            var builder = new StringBuilder();
            foreach (var (literal, slot) in parts)
            {
                builder.Append(slot < 0 ? literal : alternatives[slot][digits[slots.IndexOf(slot)]]);
            }

            var result = builder.ToString();
            if (seen.Add(result))
            {
                results.Add(result);
            }

            if (!Advance(digits, slots, alternatives))
            {
                break;
            }
        }

        return results;
    }

    private static bool Advance(int[] digits, List<int> slots, IReadOnlyList<IReadOnlyList<string>> alternatives)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (++digits[i] < alternatives[slots[i]].Count)
            {
                return true;
            }

            digits[i] = 0;
        }

        return false;
    }

    private static List<(string Literal, int Slot)> Split(string text)
    {
        var parts = new List<(string, int)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Open, position);
            var close = open < 0 ? -1 : text.IndexOf(Close, open);
            if (open < 0 || close < 0)
            {
                parts.Add((text[position..], -1));
                break;
            }

            if (open > position)
            {
                parts.Add((text[position..open], -1));
            }

            parts.Add((string.Empty, int.Parse(text.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture)));
            position = close + 1;
        }

        return parts;
    }
}
