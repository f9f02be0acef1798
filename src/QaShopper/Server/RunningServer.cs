using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using QaShopper.Cli;

namespace QaShopper.Server;

/// <summary>
/// Sends a campaign start or cancel to the running <c>serve</c> through its JSON API, for a command that found the data
/// file held by it. The answer is turned into the command's own output and exit code: problems as
/// <c>file:line:column: message</c> and exit 1, a refusal (token, role, conflict) as one line and exit 2.
/// </summary>
internal sealed class RunningServer(RunningServerOptions options, CliConsole console, HttpMessageHandler? handler = null)
{
    /// <summary>The settings of section <c>Server</c>, or null when no <c>Server:Url</c> is set.</summary>
    public static RunningServerOptions? From(IConfiguration settings)
    {
        var options = settings.GetSection(RunningServerOptions.SectionName).Get<RunningServerOptions>() ?? new RunningServerOptions();
        var checkedOptions = new RunningServerOptionsValidator().Validate(null, options);
        if (checkedOptions.Failed)
        {
            throw new CliException($"configuration: {string.Join("; ", checkedOptions.Failures)}");
        }

        return options.Url is null ? null : options;
    }

    /// <summary>What a command prints when the file is held and no server is configured to take the change.</summary>
    public static string Hint(string action) =>
        $"{action} through the running serve: set Server:Url and Server:ApiToken (a manager's API token), or use the web app";

    public async Task<int> StartCampaignAsync(string file, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var body = new { text, fileName = Path.GetFileName(file), mode = "on-time" };
        using var http = Client();
        using var response = await SendAsync(() => http.PostAsJsonAsync(new Uri("api/campaigns", UriKind.Relative), body, cancellationToken)).ConfigureAwait(false);
        var answer = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            await console.Out.WriteLineAsync(
                $"{answer.GetProperty("id").GetString()}: {answer.GetProperty("added").GetInt32()} call(s) scheduled by the running serve at {options.Url} " +
                $"({answer.GetProperty("planned").GetInt32()} planned)").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        return await RefusedAsync(response.StatusCode, answer, file).ConfigureAwait(false);
    }

    public async Task<int> CancelCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var http = Client();
        using var response = await SendAsync(() => http.PostAsync(new Uri($"api/campaigns/{Uri.EscapeDataString(campaignId)}/cancel", UriKind.Relative), null, cancellationToken)).ConfigureAwait(false);
        var answer = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            await console.Error.WriteLineAsync($"{campaignId}: {answer.GetProperty("cancelled").GetInt32()} planned call(s) cancelled by the running serve at {options.Url}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        return await RefusedAsync(response.StatusCode, answer, campaignId).ConfigureAwait(false);
    }

    private HttpClient Client()
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(options.Url!.ToString().TrimEnd('/') + "/");
        http.Timeout = options.Timeout;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
        return http;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"the data file is held by another process and serve at {options.Url} (Server:Url) did not answer: {ex.Message}");
        }
        catch (TaskCanceledException)
        {
            throw new CliException($"serve at {options.Url} (Server:Url) did not answer within {options.Timeout} (Server:Timeout)");
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private async Task<int> RefusedAsync(HttpStatusCode status, JsonElement answer, string subject)
    {
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                throw new CliException($"serve at {options.Url} refused the API token (Server:ApiToken): unknown, expired or revoked");
            case HttpStatusCode.Forbidden:
                throw new CliException($"serve at {options.Url}: the API token's user may not do this; a manager's or an admin's token is needed");
            case HttpStatusCode.BadRequest when answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("problems", out var problems):
                foreach (var problem in problems.EnumerateArray())
                {
                    await console.Error.WriteLineAsync(
                        $"{subject}:{problem.GetProperty("line").GetInt32()}:{problem.GetProperty("column").GetInt32()}: {problem.GetProperty("message").GetString()}").ConfigureAwait(false);
                }

                return ExitCodes.Invalid;
            default:
                var detail = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("detail", out var d) ? d.GetString()
                    : answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("title", out var t) ? t.GetString()
                    : null;
                throw new CliException($"serve at {options.Url} answered {(int)status}: {detail ?? status.ToString()}");
        }
    }
}
