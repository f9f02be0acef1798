namespace QaShopper.Core.Scenarios;

/// <summary>Whose speech a checklist item is scored on. Written by name in JSON (the web API's evidence).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Speaker>))]
public enum Speaker
{
    Agent,
    Caller,
    Any,
}

/// <summary>One line of the score sheet.</summary>
/// <param name="Id">Unique within the scenario.</param>
/// <param name="Text">What the item checks, as written on a score sheet.</param>
/// <param name="Weight">Points; positive.</param>
/// <param name="Critical">Failing it fails the whole call.</param>
/// <param name="Speaker">Whose speech is checked (agent by default).</param>
/// <param name="Check">What is checked: a phrase match, the answer time or the longest silence.</param>
/// <param name="Within">The match must start within this time of the answer.</param>
/// <param name="InLast">The match must start within this last part of the call.</param>
/// <param name="After">The match must start after the start of this item's match.</param>
/// <param name="Position">Where the item starts in its file.</param>
public sealed record ChecklistItem(
    string Id,
    string Text,
    double Weight,
    bool Critical,
    Speaker Speaker,
    ItemCheck Check,
    TimeSpan? Within,
    TimeSpan? InLast,
    string? After,
    SourcePosition Position);

/// <summary>What a checklist item checks.</summary>
public abstract record ItemCheck;

/// <summary>Passes when one of the phrases is said.</summary>
public sealed record AnyPhraseCheck(IReadOnlyList<string> Phrases) : ItemCheck;

/// <summary>Passes when each phrase is said.</summary>
public sealed record AllPhrasesCheck(IReadOnlyList<string> Phrases) : ItemCheck;

/// <summary>Passes when none of the phrases is said.</summary>
public sealed record NoPhraseCheck(IReadOnlyList<string> Phrases) : ItemCheck;

/// <summary>Passes when the pattern matches a segment's text (case-insensitive); a named group <c>agent</c> identifies the agent.</summary>
public sealed record RegexCheck(string Pattern) : ItemCheck;

/// <summary>The call must be answered within <paramref name="Limit"/> of dialling.</summary>
public sealed record AnsweredWithinCheck(TimeSpan Limit) : ItemCheck;

/// <summary>No gap with neither side speaking may be longer than <paramref name="Limit"/> after the answer.</summary>
public sealed record MaxSilenceCheck(TimeSpan Limit) : ItemCheck;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None => default;

    public override string ToString() => $"{Line}:{Column}";
}
