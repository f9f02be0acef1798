namespace QaShopper.Core.Campaigns;

/// <summary>What <see cref="CampaignPlanner"/> plans: the local dates <paramref name="From"/>..<paramref name="To"/>, drawn with <paramref name="Seed"/>.</summary>
/// <param name="From">First local date planned (in each site's own time zone); quota weeks are counted from it. Not before the campaign's first date.</param>
/// <param name="To">Last local date planned (inclusive). Not after the campaign's last date.</param>
/// <param name="Seed">Seeds every random choice: the same campaign, dates and seed give the same plan.</param>
/// <param name="NotBefore">
/// No call is planned before this instant (the CLI passes the current time). A week already over by then is not
/// planned; a week in progress still needs its whole quota in what is left of it.
/// </param>
public sealed record PlanRequest(DateOnly From, DateOnly To, int Seed, DateTimeOffset? NotBefore = null);
