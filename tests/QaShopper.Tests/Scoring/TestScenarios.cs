using System.Globalization;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;

namespace QaShopper.Tests.Scoring;

/// <summary>Builds scenarios and transcripts in C#, independent of the YAML parser.</summary>
internal static class TestScenarios
{
    private static int _counter;

    public static ChecklistItem Item(
        string id,
        ItemCheck check,
        double weight = 10,
        bool critical = false,
        Speaker speaker = Speaker.Agent,
        double? within = null,
        double? inLast = null,
        string? after = null) =>
        new(id, id, weight, critical, speaker, check,
            within is { } w ? TimeSpan.FromSeconds(w) : null,
            inLast is { } l ? TimeSpan.FromSeconds(l) : null,
            after, SourcePosition.None);

    public static AnyPhraseCheck Any(params string[] phrases) => new(phrases);

    public static AllPhrasesCheck All(params string[] phrases) => new(phrases);

    public static NoPhraseCheck None(params string[] phrases) => new(phrases);

    public static Scenario Scenario(params ChecklistItem[] items) => ScenarioIn("en-US", items);

    public static Scenario ScenarioIn(string locale, params ChecklistItem[] items) => ScenarioWith(locale, GradeThresholds.Default, items);

    public static Scenario ScenarioWith(string locale, GradeThresholds grades, params ChecklistItem[] items)
    {
        // A fresh hash per scenario: the scorer caches compiled checklists by hash.
        var hash = "test" + Interlocked.Increment(ref _counter).ToString("D8", CultureInfo.InvariantCulture);
        return new Scenario("test-scenario", "Test", locale, null, CallerPersona.Empty,
            new Dictionary<string, string>(), [], items, grades, hash, null);
    }

    public static TranscriptSegment Agent(double start, double end, string text, double? confidence = null, IReadOnlyList<TranscriptWord>? words = null) =>
        new(Speaker.Agent, start, end, text, confidence, words);

    public static TranscriptSegment Caller(double start, double end, string text, double? confidence = null) =>
        new(Speaker.Caller, start, end, text, confidence);

    public static Transcript Call(double duration, params TranscriptSegment[] segments) => new(5.0, duration, segments);

    public static Transcript Unanswered() => new(null, 0, []);
}

/// <summary>Returns each phrase template as the only text that counts as saying it.</summary>
internal sealed class IdentityPhraseResolver : IPhraseResolver
{
    public IReadOnlyList<string> Resolve(Scenario scenario, string phraseTemplate) => [phraseTemplate];
}
