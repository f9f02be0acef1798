using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Evaluation;

/// <summary>One simulated call: the scenario, what really happened, and what the scorer made of the recording.</summary>
public sealed record EvaluatedCall(Scenario Scenario, CallGroundTruth Truth, CallScore Score);

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

    public double ItemAgreement => Items == 0 ? 0 : (double)Agreements / Items;

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
