using QaShopper.Core.Campaigns;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Campaigns;

/// <summary>
/// Campaign files checked and run as the CLI does (<c>campaign validate|plan|start|cancel</c>), by the host that runs the
/// scheduler: a campaign started here is stored and gets its triggers in the running Quartz at once.
/// </summary>
public interface ICampaignControl
{
    /// <summary>
    /// Checks a campaign file's text as <c>campaign validate</c> does (scenario ids against the scenario folder) and, when
    /// it is well formed, plans it over all its dates with the file's default seed, as <c>campaign plan</c> does.
    /// </summary>
    CampaignCheck Check(string text, string fileName);

    /// <summary>
    /// Starts the campaign as <c>campaign start</c> does (on time: calls whose time has passed are not planned; now or
    /// accelerated for trials), in this host's scheduler. Nothing is stored when the answer has problems.
    /// </summary>
    Task<CampaignStartResult> StartAsync(string text, string fileName, CampaignRunMode mode, CancellationToken cancellationToken);

    /// <summary>Cancels as <c>campaign cancel</c> does, and removes the campaign's triggers; null when no campaign has that id.</summary>
    Task<IReadOnlyList<string>?> CancelAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>How a campaign started from the web runs.</summary>
/// <param name="Kind">On time (the normal case), now (every call at once) or accelerated.</param>
/// <param name="Speed">The acceleration factor when accelerated (at least 1).</param>
public sealed record CampaignRunMode(CampaignRunKind Kind, double Speed = 1)
{
    /// <summary>Each call at its planned time, placed by the running host.</summary>
    public static CampaignRunMode OnTime { get; } = new(CampaignRunKind.OnTime);
}

/// <summary>The ways a campaign can be run; see <c>campaign start --now | --speed</c>.</summary>
public enum CampaignRunKind
{
    OnTime,
    Now,
    Accelerated,
}

/// <summary>A campaign file checked: its problems at line and column, and its plan when it could be made.</summary>
/// <param name="Campaign">The campaign when the file is well formed.</param>
/// <param name="Problems">Every problem in the file, at its line and column.</param>
/// <param name="Plan">The plan over all the campaign's dates, when the file is well formed.</param>
/// <param name="Seed">The seed the plan was made with (the file's default seed).</param>
public sealed record CampaignCheck(Campaign? Campaign, IReadOnlyList<ScenarioDiagnostic> Problems, CampaignPlan? Plan, int Seed)
{
    /// <summary>True when the file has no problems and its quotas fit its periods.</summary>
    public bool IsValid => Campaign is not null && Problems.Count == 0 && Plan is { IsFeasible: true };

    /// <summary>The file's problems, then the plan's ("cannot be planned: …"), as <c>campaign validate</c> prints them.</summary>
    public IEnumerable<string> Messages => Problems.Select(p => p.ToString())
        .Concat((Plan?.Problems ?? []).Select(p => $"{Campaign?.SourcePath}: cannot be planned: {p}"));
}

/// <summary>What starting a campaign did.</summary>
/// <param name="Check">The file as checked (its problems, when it was refused before planning).</param>
/// <param name="CampaignId">The campaign, when it was stored.</param>
/// <param name="Planned">Calls in the plan from now on.</param>
/// <param name="Added">Calls new to the store (a campaign started again adds none).</param>
/// <param name="Refusal">Why it was not started although the file is valid (dates over, another version under the same id), or null.</param>
public sealed record CampaignStartResult(CampaignCheck Check, string? CampaignId, int Planned, int Added, string? Refusal)
{
    /// <summary>True when the campaign is stored and scheduled.</summary>
    public bool Started => CampaignId is not null;
}
