using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Evaluation;

/// <summary>One simulated call: the scenario, what really happened, and what the scorer made of the recording.</summary>
/// <param name="Scenario">The scenario the call followed.</param>
/// <param name="Truth">What really happened.</param>
/// <param name="Score">What the scorer made of the recording.</param>
/// <param name="AgentVoice">The voice the answering agent spoke in (a flite voice, <c>espeak:…</c>), when known.</param>
public sealed record EvaluatedCall(Scenario Scenario, CallGroundTruth Truth, CallScore Score, string? AgentVoice = null);

/// <summary>The figures of the calls answered in one agent voice.</summary>
/// <param name="Voice">The voice.</param>
/// <param name="Report">Its calls' figures.</param>
public sealed record VoiceReport(string Voice, EvaluationReport Report);

/// <summary>How well automatic scoring through the full audio path agrees with the ground truth.</summary>
/// <param name="Calls">Scored calls compared.</param>
/// <param name="Items">Item outcomes compared (truth passed or failed).</param>
/// <param name="Agreements">Items where the scorer's outcome equals the truth.</param>
/// <param name="Uncertain">Items the scorer left uncertain (counted as disagreements).</param>
/// <param name="MeanAbsoluteScoreError">Mean |score − truth score| in points.</param>
/// <param name="CallsWithin5Points">Calls whose score is within 5 points of the truth score.</param>
/// <param name="GradeAgreements">Calls graded as the truth grades them.</param>
/// <param name="AgentsIdentified">Calls, among those where the agent said their name, whose identified agent equals the agent who answered.</param>
/// <param name="PerItem">Confusion counts per scenario item, worst first.</param>
public sealed record EvaluationReport(
    int Calls,
    int Items,
    int Agreements,
    int Uncertain,
    double MeanAbsoluteScoreError,
    int CallsWithin5Points,
    int GradeAgreements,
    int AgentsIdentified,
    IReadOnlyList<ItemConfusion> PerItem)
{
    /// <summary>Target of the calibration rule: at least 95% of items agree.</summary>
    public const double ItemAgreementTarget = 0.95;

    /// <summary>Target: at least 90% of calls within 5 points (two reviewers may differ by 5% at most).</summary>
    public const double Within5PointsTarget = 0.90;

    /// <summary>Target over the items the scorer decided: at least 97% agree.</summary>
    public const double ConfidentItemAgreementTarget = 0.97;

    /// <summary>Target over the items the scorer decided: at least 95% of calls within 5 points.</summary>
    public const double Within5ConfidentPointsTarget = 0.95;

    public double ItemAgreement => Items == 0 ? 0 : (double)Agreements / Items;

    /// <summary>Items the scorer decided (passed or failed, not left uncertain).</summary>
    public int ConfidentItems => Items - Uncertain;

    /// <summary>Agreement over the items the scorer decided: what a fail or a pass it gives is worth.</summary>
    public double ConfidentItemAgreement => ConfidentItems == 0 ? 0 : (double)Agreements / ConfidentItems;

    /// <summary>Calls whose score is within 5 points of the truth's score over the same decided items (uncertain items left out of both).</summary>
    public int CallsWithin5ConfidentPoints { get; init; }

    public double ShareWithin5ConfidentPoints => Calls == 0 ? 0 : (double)CallsWithin5ConfidentPoints / Calls;

    /// <summary>Calls flagged for review (an item left uncertain, or the agent named without confidence).</summary>
    public int CallsNeedingReview { get; init; }

    public double ReviewRate => Calls == 0 ? 0 : (double)CallsNeedingReview / Calls;

    /// <summary>Calls flagged for review that have at least one item left uncertain.</summary>
    public int CallsReviewedForUncertainItems { get; init; }

    /// <summary>Calls flagged for review with every item decided: only the agent was named without confidence.</summary>
    public int CallsReviewedOnlyForTheAgent { get; init; }

    /// <summary>Critical items scored failed that truly passed: each one fails a call the agent did not fail.</summary>
    public int CriticalFalseFails { get; init; }

    /// <summary>Calls naming an agent other than the one who answered.</summary>
    public int AgentsNamedWrongly { get; init; }

    /// <summary>Calls naming an agent other than the one who answered, with confidence (not sent to review for it).</summary>
    public int AgentsNamedWronglyWithConfidence { get; init; }

    /// <summary>
    /// The same figures per voice the agents spoke in, by voice name: how much of what is left is the recogniser's
    /// hearing of one voice. Empty when no call knows its voice.
    /// </summary>
    public IReadOnlyList<VoiceReport> ByVoice { get; init; } = [];

    /// <summary>Every item where the scorer and the truth differ, in call order, with what the scorer's outcome rested on.</summary>
    public IReadOnlyList<ItemDisagreement> Disagreements { get; init; } = [];

    /// <summary>False fails per call compared.</summary>
    public double FalseFailsPerCall => Calls == 0 ? 0 : (double)FalseFails / Calls;

    /// <summary>False passes per call compared.</summary>
    public double FalsePassesPerCall => Calls == 0 ? 0 : (double)FalsePasses / Calls;

    public double ShareWithin5Points => Calls == 0 ? 0 : (double)CallsWithin5Points / Calls;

    /// <summary>Calls in which the agent truly said their name (the scenario's <c>agent</c> item passed): the ones attribution can succeed on.</summary>
    public int AgentsIntroduced { get; init; }

    public double AgentAttributionRate => AgentsIntroduced == 0 ? 0 : (double)AgentsIdentified / AgentsIntroduced;

    public double GradeAgreement => Calls == 0 ? 0 : (double)GradeAgreements / Calls;

    public bool MeetsTargets => ItemAgreement >= ItemAgreementTarget && ShareWithin5Points >= Within5PointsTarget;

    /// <summary>Items scored passed that truly failed, over every item.</summary>
    public int FalsePasses => PerItem.Sum(i => i.FalsePasses);

    /// <summary>Items scored failed that truly passed, over every item.</summary>
    public int FalseFails => PerItem.Sum(i => i.FalseFails);

    /// <summary>False passes per 100 items compared.</summary>
    public double FalsePassesPer100Items => Items == 0 ? 0 : 100.0 * FalsePasses / Items;

    /// <summary>False fails per 100 items compared.</summary>
    public double FalseFailsPer100Items => Items == 0 ? 0 : 100.0 * FalseFails / Items;
}

/// <summary>One checklist item's comparison over all calls of its scenario.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Compared">Calls where the truth was passed or failed.</param>
/// <param name="FalsePasses">Scored passed, truly failed.</param>
/// <param name="FalseFails">Scored failed, truly passed.</param>
/// <param name="Uncertain">Scored uncertain.</param>
public sealed record ItemConfusion(string ScenarioId, string ItemId, int Compared, int FalsePasses, int FalseFails, int Uncertain)
{
    public int Agreements => Compared - FalsePasses - FalseFails - Uncertain;

    public double Agreement => Compared == 0 ? 1 : (double)Agreements / Compared;
}

/// <summary>One item where the scorer and the truth differ.</summary>
/// <param name="CallId">The call.</param>
/// <param name="ScenarioId">Its scenario.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Critical">True for a critical item.</param>
/// <param name="Truth">What really happened.</param>
/// <param name="Scored">What the scorer decided.</param>
/// <param name="Reason">The evidence's reason (or matched text) for the scorer's outcome.</param>
/// <param name="Heard">What the agent said where the phrase belonged, when the evidence says.</param>
public sealed record ItemDisagreement(string CallId, string ScenarioId, string ItemId, bool Critical, ItemOutcome Truth, ItemOutcome Scored, string? Reason, string? Heard);
