using System.Net;
using System.Net.Http.Headers;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace QaShopper.Alerts;

/// <summary>One way of delivering an alert; throws when the alert was not taken.</summary>
internal interface IAlertChannel
{
    /// <summary>The channel's name in the alert log: <c>webhook</c> or <c>email</c>.</summary>
    string Name { get; }

    bool Enabled { get; }

    Task SendAsync(AlertMessage message, CancellationToken cancellationToken);
}

/// <summary>POSTs the alert as JSON to <c>Alerts:WebhookUrl</c>, signed with <c>Alerts:WebhookSecret</c> when there is one.</summary>
internal sealed class WebhookAlertChannel(IHttpClientFactory clients, IOptions<AlertOptions> options) : IAlertChannel
{
    public const string ClientName = "alerts";
    public const string SignatureHeader = "X-QaShopper-Signature";

    public string Name => "webhook";

    public bool Enabled => options.Value.WebhookEnabled;

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = Encoding.UTF8.GetBytes(message.ToJson());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.WebhookUrl!)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(settings.WebhookSecret))
        {
            request.Headers.Add(SignatureHeader, "sha256=" + Signature(settings.WebhookSecret, body));
        }

        using var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="body"/> with <paramref name="secret"/>, for the receiver to check.</summary>
    public static string Signature(string secret, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

/// <summary>Mails the alert through <c>Alerts:SmtpHost</c> to <c>Alerts:EmailTo</c>.</summary>
internal sealed class EmailAlertChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "email";

    public bool Enabled => options.Value.EmailEnabled;

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = new MailMessage { From = new MailAddress(settings.EmailFrom!), Subject = message.Subject, Body = message.Body, BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        foreach (var to in settings.Recipients())
        {
            mail.To.Add(to);
        }

        using var smtp = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpUseTls,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            smtp.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }

        await smtp.SendMailAsync(mail, cancellationToken).ConfigureAwait(false);
    }
}
