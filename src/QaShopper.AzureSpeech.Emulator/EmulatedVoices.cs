namespace QaShopper.AzureSpeech.Emulator;

/// <summary>One voice of the emulator's list, with the fields of the service's voice list (rest-text-to-speech.md example).</summary>
public sealed record EmulatedVoice(
    string Name,
    string DisplayName,
    string LocalName,
    string ShortName,
    string Gender,
    string Locale,
    string LocaleName,
    IReadOnlyList<string>? SecondaryLocaleList,
    string SampleRateHertz,
    string VoiceType,
    string Status,
    string WordsPerMinute);

/// <summary>The emulator's default voices: the official example's, plus the default voices of <c>AzureSpeech:VoicesByLocale</c>.</summary>
public static class EmulatedVoices
{
    /// <summary>A small list in the service's shape.</summary>
    public static IReadOnlyList<EmulatedVoice> Default { get; } =
    [
        Voice("en-US", "English (United States)", "Jenny", "Female", "152"),
        new("Microsoft Server Speech Text to Speech Voice (en-US, JennyMultilingualNeural)", "Jenny Multilingual", "Jenny Multilingual",
            "en-US-JennyMultilingualNeural", "Female", "en-US", "English (United States)",
            ["de-DE", "en-AU", "en-CA", "en-GB", "es-ES", "es-MX", "fr-CA", "fr-FR", "it-IT", "ja-JP", "ko-KR", "pt-BR", "zh-CN"],
            "24000", "Neural", "GA", "190"),
        Voice("en-GB", "English (United Kingdom)", "Sonia", "Female", "150"),
        Voice("ga-IE", "Irish (Ireland)", "Orla", "Female", "139"),
        Voice("zh-CN", "Chinese (Mandarin, Simplified)", "Xiaoxiao", "Female", "285"),
        Voice("zh-CN", "Chinese (Mandarin, Simplified)", "Yunxi", "Male", "293"),
    ];

    private static EmulatedVoice Voice(string locale, string localeName, string name, string gender, string wordsPerMinute) =>
        new($"Microsoft Server Speech Text to Speech Voice ({locale}, {name}Neural)", name, name, $"{locale}-{name}Neural", gender, locale, localeName,
            null, "24000", "Neural", "GA", wordsPerMinute);
}
