namespace QaShopper.Core.Text;

/// <summary>
/// Turns text into the canonical form phrases are matched in: lower case, no punctuation, numbers as digits
/// ("forty-eight", "48" → "48"), so spoken and written forms compare equal. Phrases and transcript segments go
/// through the same function, which is what makes the comparison fair.
/// </summary>
internal static class PhraseNormalizer
{
    /// <summary>Canonicalises <paramref name="text"/>; <paramref name="characterMatching"/> selects the Chinese/Japanese rules.</summary>
    public static CanonicalText Normalize(string text, bool characterMatching)
    {
        ArgumentNullException.ThrowIfNull(text);
        return characterMatching ? CjkNormalizer.Normalize(text) : WordNormalizer.Normalize(text);
    }

    /// <summary>The canonical string only.</summary>
    public static string Canonical(string text, bool characterMatching) => Normalize(text, characterMatching).Text;
}
