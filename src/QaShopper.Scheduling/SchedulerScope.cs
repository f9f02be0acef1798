namespace QaShopper.Scheduling;

/// <summary>
/// Which campaigns a host places calls for. <c>serve</c> runs them all; a command that runs one campaign (<c>demo</c>,
/// <c>campaign start --now</c>) recovers and places that campaign's calls only, and leaves the others as they are.
/// </summary>
internal sealed record SchedulerScope(string? CampaignId)
{
    /// <summary>Every campaign in the store.</summary>
    public static SchedulerScope All { get; } = new((string?)null);

    /// <summary>One campaign only.</summary>
    public static SchedulerScope Only(string campaignId) => new(campaignId);

    /// <summary>True when this host runs <paramref name="campaignId"/>'s calls.</summary>
    public bool Includes(string campaignId) => CampaignId is null || string.Equals(CampaignId, campaignId, StringComparison.Ordinal);
}
