using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Results;

/// <summary>The scored score sheet of one call.</summary>
/// <param name="ScenarioId">The scenario scored against.</param>
/// <param name="ScenarioHash">The content hash of that scenario version.</param>
/// <param name="Agent">The agent, when identified (lower-case), else null.</param>
/// <param name="Score">100 × passed weight ÷ applicable weight, one decimal.</param>
/// <param name="Grade">By the thresholds; any failed critical item makes it fail.</param>
/// <param name="NeedsReview">True when an item rests on low-confidence speech.</param>
/// <param name="Items">Every checklist item in checklist order.</param>
public sealed record CallScore(
    string ScenarioId,
    string ScenarioHash,
    string? Agent,
    double Score,
    Grade Grade,
    bool NeedsReview,
    IReadOnlyList<ItemResult> Items)
{
    /// <summary>What was heard of the agent's name and how it was matched to the roster; null when no name was heard.</summary>
    public Attribution.AgentMatch? AgentMatch { get; init; }
}

/// <summary>The outcome of one checklist item.</summary>
public enum ItemOutcome
{
    Passed,
    Failed,
    NotApplicable,
    Uncertain,
}

/// <summary>One item's outcome and the evidence it rests on.</summary>
public sealed record ItemResult(string Id, ItemOutcome Outcome, double Weight, bool Critical, Evidence Evidence);

/// <summary>
/// What an outcome rests on: the matched text, speaker, times and similarity, or why it did not pass.
/// Fields that do not apply are null and are left out of the JSON.
/// </summary>
public sealed record Evidence
{
    public Speaker? Speaker { get; init; }

    /// <summary>Seconds from the answer.</summary>
    public double? Start { get; init; }

    /// <summary>Seconds from the answer.</summary>
    public double? End { get; init; }

    /// <summary>The transcript text that matched (or the forbidden phrase that was said).</summary>
    public string? Text { get; init; }

    /// <summary>The phrase from the checklist that this evidence is about.</summary>
    public string? Phrase { get; init; }

    /// <summary>0..1 similarity of the match to the phrase.</summary>
    public double? Similarity { get; init; }

    /// <summary>Recogniser confidence of the speech the decision rests on, when known.</summary>
    public double? Confidence { get; init; }

    /// <summary>Seconds from dialling to answer, for answer-time items.</summary>
    public double? AnsweredAfter { get; init; }

    /// <summary>Longest silence in seconds, for silence items.</summary>
    public double? LongestSilence { get; init; }

    /// <summary>Why the item failed, was not applicable or is uncertain.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// For items matching several phrases (<c>all</c>): one evidence per phrase; for a forbidden-phrase item that
    /// failed: every forbidden phrase said, in the order said.
    /// </summary>
    public IReadOnlyList<Evidence>? Matches { get; init; }

    /// <summary>
    /// For a phrase item that did not pass: what the speaker actually said where the phrase should have been (the
    /// utterance in the item's window, after the item it follows, or around the closest candidate), with its times.
    /// </summary>
    public Evidence? Heard { get; init; }

    /// <summary>For a phrase that was not found: the closest thing the speaker said to it, with its similarity and times.</summary>
    public Evidence? Closest { get; init; }

    public static Evidence Because(string reason) => new() { Reason = reason };
}
