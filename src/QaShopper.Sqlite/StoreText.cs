using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace QaShopper.Sqlite;

/// <summary>
/// How times and enums are spelled in columns. Enums use the same snake_case names as the JSON
/// (<c>no_answer</c>, <c>not_applicable</c>) so a query and a JSON document agree.
/// </summary>
internal static class StoreText
{
    /// <summary>ISO-8601 round-trip in UTC: fixed width, so comparing the text compares the instants.</summary>
    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum =>
        EnumNames<TEnum>.ToText.TryGetValue(value, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");

    public static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, System.Enum =>
        EnumNames<TEnum>.FromText.TryGetValue(text, out var value)
            ? value
            : throw new InvalidDataException($"The store holds an unknown {typeof(TEnum).Name} '{text}'.");

    private static class EnumNames<TEnum>
        where TEnum : struct, System.Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToText =
            System.Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromText =
            ToText.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
