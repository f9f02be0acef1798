namespace QaShopper.Core.Scenarios;

/// <summary>One stored version of a scenario: which text (by content hash) and when the store first saw it.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="ContentHash">The version's content hash (see <see cref="Scenario.ContentHash"/>).</param>
/// <param name="Title">The title that version had.</param>
/// <param name="Locale">The locale that version had.</param>
/// <param name="FirstSeen">When the version was first saved.</param>
public sealed record ScenarioVersion(string ScenarioId, string ContentHash, string Title, string Locale, DateTimeOffset FirstSeen)
{
    /// <summary>The first 12 characters of <see cref="ContentHash"/>, for display.</summary>
    public string ShortHash => ContentHash.Length > 12 ? ContentHash[..12] : ContentHash;
}
