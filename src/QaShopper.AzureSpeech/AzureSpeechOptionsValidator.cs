using System.Globalization;
using Microsoft.Extensions.Options;

namespace QaShopper.AzureSpeech;

/// <summary>Checks <see cref="AzureSpeechOptions"/> with messages that name the setting (and never show the key).</summary>
internal sealed class AzureSpeechOptionsValidator : IValidateOptions<AzureSpeechOptions>
{
    private const string Section = AzureSpeechOptions.SectionName;

    private const int MaxRetries = 20;

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxRetryBudget = TimeSpan.FromHours(1);

    private static readonly TimeSpan MaxBatchPollInterval = TimeSpan.FromHours(1);

    private static readonly TimeSpan MaxBatchTimeout = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, AzureSpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasRegion = !string.IsNullOrWhiteSpace(options.Region);
        if (!hasRegion && options.Endpoint is null)
        {
            failures.Add($"{Section}:Region is not set; set it to the Speech resource's region (for example 'westeurope'), or set {Section}:Endpoint to a custom endpoint.");
        }
        else if (hasRegion && options.Endpoint is not null)
        {
            failures.Add($"{Section}:Region and {Section}:Endpoint are both set; set only one.");
        }
        else if (hasRegion && !options.Region!.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            failures.Add($"{Section}:Region '{options.Region}' is not a region name; use lower-case letters and digits only, for example 'westeurope'.");
        }
        else if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:Endpoint '{endpoint}' is not an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Key))
        {
            failures.Add($"{Section}:Key is not set; set the environment variable {AzureSpeechOptions.KeyEnvironmentVariable} to the Speech resource's key.");
        }

        if (!AzureSpeechOptions.SupportedOutputFormats.Contains(options.OutputFormat, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:OutputFormat '{options.OutputFormat}' is not supported; use one of {string.Join(", ", AzureSpeechOptions.SupportedOutputFormats)}.");
        }

        foreach (var (locale, voice) in options.VoicesByLocale)
        {
            if (string.IsNullOrWhiteSpace(voice))
            {
                failures.Add($"{Section}:VoicesByLocale:{locale} is empty; name a voice such as '{locale}-...Neural' or remove the entry.");
            }
        }

        // Upper bounds too: HttpClient refuses a timeout over 24.8 days with an exception that names no setting, and a
        // wait of years is a typo, not a choice.
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:Timeout must be positive and at most {MaxTimeout}, not {options.Timeout}."));
        }

        if (string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            failures.Add($"{Section}:CacheDirectory is empty; set it to a folder for cached speech, for example 'data/cache/tts-azure'.");
        }

        if (options.MaxRetries is < 0 or > MaxRetries)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:MaxRetries must be 0 to {MaxRetries}, not {options.MaxRetries}."));
        }

        if (options.RetryBudget < TimeSpan.Zero || options.RetryBudget > MaxRetryBudget)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:RetryBudget must be from 00:00:00 to {MaxRetryBudget}, not {options.RetryBudget}."));
        }

        if (options.TranscriptionLocales.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:TranscriptionLocales has an empty entry; list locales such as 'en-US' or 'zh-CN'.");
        }

        if (options.FastTranscriptionMaxDuration <= TimeSpan.Zero || options.FastTranscriptionMaxDuration > AzureSpeechOptions.FastTranscriptionDurationLimit)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:FastTranscriptionMaxDuration must be positive and at most the service's limit {AzureSpeechOptions.FastTranscriptionDurationLimit}, not {options.FastTranscriptionMaxDuration}."));
        }

        if (options.BatchContainerUrl is { } container)
        {
            // The SAS token is a secret: messages show the container's address only.
            var shown = BlobSas.Redact(container);
            if (!container.IsAbsoluteUri || (container.Scheme != Uri.UriSchemeHttps && container.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{Section}:BatchContainerUrl '{shown}' is not an absolute http(s) URL; set it to the container's SAS URL.");
            }
            else if (!BlobSas.HasSignature(container))
            {
                failures.Add($"{Section}:BatchContainerUrl '{shown}' has no SAS token (no 'sig' in its query string); set it to a container SAS URL that allows create, write, read and delete.");
            }
            else if (container.AbsolutePath.Trim('/').Length == 0)
            {
                failures.Add($"{Section}:BatchContainerUrl '{shown}' names no container; add the container's name to the path.");
            }
        }

        if (options.BatchPollInterval <= TimeSpan.Zero || options.BatchPollInterval > MaxBatchPollInterval)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:BatchPollInterval must be positive and at most {MaxBatchPollInterval}, not {options.BatchPollInterval}."));
        }

        if (options.BatchTimeout <= TimeSpan.Zero || options.BatchTimeout > MaxBatchTimeout)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:BatchTimeout must be positive and at most {MaxBatchTimeout}, not {options.BatchTimeout}."));
        }

        if (options.BatchUploadBlockSize <= 0 || options.BatchUploadBlockSize > AzureSpeechOptions.BatchUploadBlockSizeLimit)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:BatchUploadBlockSize must be between 1 and {AzureSpeechOptions.BatchUploadBlockSizeLimit} bytes, not {options.BatchUploadBlockSize}."));
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add($"{Section}:UserAgent is empty; set it to a product name such as 'QaShopper' (the service requires a User-Agent header).");
        }
        else if (!options.UserAgent.All(c => c is >= ' ' and <= '~'))
        {
            // HttpClient would refuse the header on the first request, with an exception that names no setting.
            failures.Add($"{Section}:UserAgent holds a control or non-ASCII character; use printable ASCII such as 'QaShopper'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
