using Microsoft.Extensions.Options;

namespace QaShopper.Web;

/// <summary>Checks <see cref="WebOptions"/> at start-up; each message names the setting and what it accepts.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckSpan(failures, nameof(WebOptions.SessionIdleTimeout), options.SessionIdleTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        CheckSpan(failures, nameof(WebOptions.SessionMaxAge), options.SessionMaxAge, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        CheckSpan(failures, nameof(WebOptions.SignInWindow), options.SignInWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        if (options.SignInAttempts is < 1 or > 1000)
        {
            failures.Add($"{WebOptions.SectionName}:{nameof(WebOptions.SignInAttempts)} is {options.SignInAttempts}; allowed: 1 to 1000");
        }

        if (options.MinimumPasswordLength is < 8 or > 128)
        {
            failures.Add($"{WebOptions.SectionName}:{nameof(WebOptions.MinimumPasswordLength)} is {options.MinimumPasswordLength}; allowed: 8 to 128");
        }

        // The key ring is a folder of files; a file in its place would stop every sign-in at the first request.
        if (!string.IsNullOrWhiteSpace(options.KeysDirectory) && File.Exists(options.KeysDirectory))
        {
            failures.Add($"{WebOptions.SectionName}:{nameof(WebOptions.KeysDirectory)} '{options.KeysDirectory}' is a file; it must name a folder (made when missing), or be empty for a 'keys' folder beside the data file");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSpan(List<string> failures, string setting, TimeSpan value, TimeSpan least, TimeSpan most)
    {
        if (value < least || value > most)
        {
            failures.Add($"{WebOptions.SectionName}:{setting} is {value}; allowed: {least} to {most} (hh:mm:ss)");
        }
    }
}
