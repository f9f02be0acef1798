using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QaShopper.Alerts;

/// <summary>
/// <c>Alerts</c>: where a call with a failed critical item or a fail grade is reported at once. Both channels are
/// optional; with neither set no alert is sent.
/// </summary>
internal sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>An HTTP(S) address that receives each alert as a JSON POST; empty for none.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>When set, each webhook POST carries <c>X-QaShopper-Signature: sha256=HEX</c>, the HMAC-SHA256 of the body with this secret.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The SMTP server for e-mail alerts; empty for none.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>STARTTLS to the SMTP server.</summary>
    public bool SmtpUseTls { get; set; }

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender address of alert mails.</summary>
    public string? EmailFrom { get; set; }

    /// <summary>Recipients, separated by commas or semicolons.</summary>
    public string? EmailTo { get; set; }

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool WebhookEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>The addresses of <see cref="EmailTo"/> (a method, so the configuration binder does not take it for a setting).</summary>
    public IReadOnlyList<string> Recipients() =>
        [.. (EmailTo ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>Checks <see cref="AlertOptions"/> at start, naming each bad setting.</summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    /// <summary>A shorter secret is guessable; the HMAC key should be at least 128 bits of text.</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var problems = new List<string>();
        if (options.WebhookEnabled
            && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"Alerts:WebhookUrl '{options.WebhookUrl}' is not an absolute http or https address");
        }

        if (!string.IsNullOrEmpty(options.WebhookSecret) && options.WebhookSecret.Length < MinSecretLength)
        {
            problems.Add($"Alerts:WebhookSecret is {options.WebhookSecret.Length} characters long; it must be at least {MinSecretLength}");
        }

        if (!string.IsNullOrEmpty(options.WebhookSecret) && !options.WebhookEnabled)
        {
            problems.Add("Alerts:WebhookSecret is set but Alerts:WebhookUrl is empty; set the webhook's address too, or leave the secret empty");
        }

        // A sender may be set before the server is; but it must be an address.
        if (!string.IsNullOrWhiteSpace(options.EmailFrom) && !MailAddress.TryCreate(options.EmailFrom, out _))
        {
            problems.Add($"Alerts:EmailFrom '{options.EmailFrom}' is not an e-mail address; expected one such as qa@example.com");
        }

        // Checked even while e-mail is off: a port out of range is a typo that would surface only when mail is turned on.
        if (options.SmtpPort is < 1 or > 65535)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Alerts:SmtpPort {options.SmtpPort} is not a port; allowed: 1 to 65535"));
        }

        if (options.EmailEnabled)
        {

            if (string.IsNullOrWhiteSpace(options.EmailFrom))
            {
                problems.Add("Alerts:EmailFrom is empty; it must be the sender's address, such as qa@example.com");
            }

            if (options.Recipients().Count == 0)
            {
                problems.Add("Alerts:EmailTo is empty; give one or more addresses separated by commas");
            }

            problems.AddRange(options.Recipients().Where(r => !MailAddress.TryCreate(r, out _)).Select(r => $"Alerts:EmailTo '{r}' is not an e-mail address; expected addresses such as qa@example.com, separated by commas"));
            if (string.IsNullOrEmpty(options.SmtpUserName) != string.IsNullOrEmpty(options.SmtpPassword))
            {
                problems.Add("Alerts:SmtpUserName and Alerts:SmtpPassword go together: set both or neither");
            }
        }
        else
        {
            var mailOnly = new (string Setting, string? Value)[]
            {
                ("EmailTo", options.EmailTo), ("SmtpUserName", options.SmtpUserName), ("SmtpPassword", options.SmtpPassword),
            };
            problems.AddRange(mailOnly.Where(m => !string.IsNullOrWhiteSpace(m.Value))
                .Select(m => $"Alerts:{m.Setting} is set but Alerts:SmtpHost is empty; set the SMTP server too, or leave Alerts:{m.Setting} empty"));
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Alerts:Timeout {options.Timeout} is out of range; allowed: above 00:00:00 up to 00:05:00 (hh:mm:ss)"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
