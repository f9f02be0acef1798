namespace QaShopper.Core.Templates;

/// <summary>
/// Decides what one template's <c>pick</c> expressions produce: a random choice (recorded under the
/// template's location), a choice recorded earlier, or a marker standing for every alternative.
/// </summary>
internal sealed class PickSink(
    string location,
    Random? random = null,
    IDictionary<string, string>? record = null,
    IReadOnlyDictionary<string, string>? known = null,
    List<IReadOnlyList<string>>? alternatives = null)
{
    private int count;

    public string Choose(IReadOnlyList<string> choices)
    {
        count++;

        // The first pick of a template is keyed by its location alone, the common case; later ones get #2, #3…
        var key = count == 1 ? location : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{location}#{count}");
        if (known is not null && known.TryGetValue(key, out var fixedChoice))
        {
            return fixedChoice;
        }

        if (random is not null)
        {
            var choice = choices[random.Next(choices.Count)];
            if (record is not null)
            {
                record[key] = choice;
            }

            return choice;
        }

        if (alternatives is null)
        {
            throw new InvalidOperationException("a pick needs a random source, a recorded choice or an expansion list");
        }

        alternatives.Add(choices);
        return PickExpansion.Marker(alternatives.Count - 1);
    }
}
