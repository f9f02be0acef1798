using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Campaigns;

/// <summary>The outcome of reading one campaign file: the campaign when it is valid, and every problem found.</summary>
public sealed record CampaignLoadResult(Campaign? Campaign, IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    public bool IsValid => Campaign is not null && Diagnostics.Count == 0;
}

/// <summary>Thrown where a caller needs a valid campaign and the file has problems.</summary>
public sealed class CampaignInvalidException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; } = diagnostics;
}
