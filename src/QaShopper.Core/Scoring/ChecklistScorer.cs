using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;

namespace QaShopper.Core.Scoring;

/// <summary>Scores a transcript against a scenario's checklist. Pure: no clock, no I/O.</summary>
public sealed class ChecklistScorer(ScoringOptions options, IPhraseResolver phraseResolver)
{
    /// <summary>Scores one call. <paramref name="agentId"/>, when given, names the agent unless a regex item identifies one.</summary>
    public CallScore Score(Scenario scenario, Transcript transcript, string? agentId = null) => throw new NotImplementedException($"stub {options}{phraseResolver}");
}
