using System.Text.Json.Serialization;

namespace QaShopper.AzureSpeech;

/// <summary>One entry of the service's voice list (<c>GET /cognitiveservices/voices/list</c>); only the fields the adapter reads.</summary>
/// <param name="ShortName">The name SSML uses, for example <c>en-US-JennyNeural</c>.</param>
/// <param name="Locale">The voice's main locale, for example <c>en-US</c>.</param>
/// <param name="SecondaryLocaleList">Further locales a multilingual voice speaks, when it has any.</param>
/// <param name="SampleRateHertz">The voice's native sample rate, as the service writes it (a string).</param>
/// <param name="Status">GA or Preview.</param>
public sealed record AzureVoice(
    [property: JsonPropertyName("ShortName")] string ShortName,
    [property: JsonPropertyName("Locale")] string Locale,
    [property: JsonPropertyName("SecondaryLocaleList")] IReadOnlyList<string>? SecondaryLocaleList,
    [property: JsonPropertyName("SampleRateHertz")] string? SampleRateHertz,
    [property: JsonPropertyName("Status")] string? Status)
{
    /// <summary>Whether the voice speaks <paramref name="locale"/>, as its main locale or a secondary one.</summary>
    public bool Speaks(string locale) =>
        string.Equals(Locale, locale, StringComparison.OrdinalIgnoreCase)
        || (SecondaryLocaleList?.Contains(locale, StringComparer.OrdinalIgnoreCase) ?? false);
}
