namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>What an optional field means when it is left out; <c>docs/campaign-format.md</c> documents the same values.</summary>
internal static class CampaignDefaults
{
    public const double ScenarioWeight = 1;

    public const int MaxConcurrentPerLine = 1;

    // Two test calls minutes apart on one line are what agents notice first.
    public static readonly TimeSpan MinGapSameLine = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan ExpectedCallLength = TimeSpan.FromMinutes(6);

    public static readonly CampaignPacing Pacing = new(MaxConcurrentPerLine, MinGapSameLine, ExpectedCallLength);

    public const int NumberReuseDays = 7;

    public const bool Jitter = true;

    /// <summary>A retry rule may not ask for more attempts than this: more would be noticed, and would crowd the period.</summary>
    public const int MaxRetries = 10;
}
