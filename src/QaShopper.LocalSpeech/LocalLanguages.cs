namespace QaShopper.LocalSpeech;

/// <summary>The languages the local engines (flite, espeak-ng, pocketsphinx's model) speak and hear.</summary>
internal static class LocalLanguages
{
    /// <summary>True for <c>en</c> and every <c>en-…</c> locale.</summary>
    public static bool IsEnglish(string locale) =>
        locale.Equals("en", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
