using Microsoft.Extensions.Options;

namespace QaShopper.Scheduling;

/// <summary>How the campaign scheduler runs; bound from the <c>Scheduler</c> section.</summary>
internal sealed class CampaignSchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Calls placed at once by this host (<c>Scheduler:MaxConcurrentCalls</c>, the Quartz thread pool); default 2, one per core of a small box.</summary>
    public int MaxConcurrentCalls { get; set; } = 2;

    /// <summary>
    /// How late a trigger may fire and still count as on time (<c>Scheduler:MisfireThreshold</c>, default 00:01:00).
    /// Later than this, the period rules decide: run late, re-plan or skip.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// On a stop (SIGTERM, Ctrl+C) no new call is placed; the calls in progress get this long to finish
    /// (<c>Scheduler:StopGracePeriod</c>, default 00:02:00, 0 = not at all) before they are interrupted and recorded as
    /// interrupted, so the campaign's failure retry rules place them again later.
    /// </summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Checks <see cref="CampaignSchedulerOptions"/> at start-up with messages that name the setting.</summary>
internal sealed class CampaignSchedulerOptionsValidator : IValidateOptions<CampaignSchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignSchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxConcurrentCalls is < 1 or > 64)
        {
            errors.Add($"Scheduler:MaxConcurrentCalls is {options.MaxConcurrentCalls}; it must be between 1 and 64.");
        }

        if (options.MisfireThreshold < TimeSpan.FromSeconds(1) || options.MisfireThreshold > TimeSpan.FromHours(24))
        {
            errors.Add($"Scheduler:MisfireThreshold is {options.MisfireThreshold}; it must be between 00:00:01 and 1.00:00:00.");
        }

        if (options.StopGracePeriod < TimeSpan.Zero || options.StopGracePeriod > TimeSpan.FromHours(1))
        {
            errors.Add($"Scheduler:StopGracePeriod is {options.StopGracePeriod}; it must be between 00:00:00 and 01:00:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
