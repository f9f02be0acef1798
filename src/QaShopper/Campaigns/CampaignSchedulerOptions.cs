using Microsoft.Extensions.Options;

namespace QaShopper.Campaigns;

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

    /// <summary>Where carriers write recordings (<c>Scheduler:RecordingDirectory</c>).</summary>
    public string RecordingDirectory { get; set; } = "data/recordings";

    /// <summary>Where scenarios are looked up by id (<c>Scheduler:ScenarioDirectory</c>).</summary>
    public string ScenarioDirectory { get; set; } = "scenarios";

    /// <summary>
    /// True (default): stopping the host waits for calls in progress (<c>Scheduler:WaitForCallsOnShutdown</c>).
    /// False: they are cancelled and left Running, and the next start recovers them as a killed host's would be.
    /// </summary>
    public bool WaitForCallsOnShutdown { get; set; } = true;
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

        if (string.IsNullOrWhiteSpace(options.RecordingDirectory))
        {
            errors.Add("Scheduler:RecordingDirectory is empty; set it to a folder for call recordings, for example 'data/recordings'.");
        }

        if (string.IsNullOrWhiteSpace(options.ScenarioDirectory))
        {
            errors.Add("Scheduler:ScenarioDirectory is empty; set it to the folder scenarios are read from, for example 'scenarios'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
