namespace QaShopper.LiteDb.Documents;

// Dictionaries are stored as lists of pairs: their keys ("script[0].say", "$x") are data, and BSON field names with
// dots or a leading '$' would clash with LiteDB's path expressions.

/// <summary>One entry of a stored string dictionary.</summary>
internal sealed class Pair
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public static List<Pair> Of(IReadOnlyDictionary<string, string> values) =>
        [.. values.Select(p => new Pair { Key = p.Key, Value = p.Value })];

    public static Dictionary<string, string> ToDictionary(List<Pair>? pairs) =>
        (pairs ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
