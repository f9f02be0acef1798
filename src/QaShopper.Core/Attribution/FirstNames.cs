namespace QaShopper.Core.Attribution;

/// <summary>The name agents say of themselves: the first word of their roster name, lower-case.</summary>
public static class FirstNames
{
    /// <summary>The first word of <paramref name="name"/>, lower-case; null when it has none.</summary>
    public static string? Of(string? name) =>
        name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
}
