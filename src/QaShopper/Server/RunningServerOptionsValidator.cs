using Microsoft.Extensions.Options;
using QaShopper.Web.Security;

namespace QaShopper.Server;

/// <summary>Checks <see cref="RunningServerOptions"/> at every start, so a typo is found before the file is ever held.</summary>
internal sealed class RunningServerOptionsValidator : IValidateOptions<RunningServerOptions>
{
    public ValidateOptionsResult Validate(string? name, RunningServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"Server:Url is '{url}'; expected the absolute http or https address serve listens on, such as http://127.0.0.1:5080");
        }

        if (!string.IsNullOrEmpty(options.ApiToken) && !ApiTokenFormat.LooksLikeToken(options.ApiToken.Trim()))
        {
            problems.Add($"Server:ApiToken is not an API token; it must be one made by 'qashopper user token NAME' ({ApiTokenFormat.Prefix}…)");
        }

        if (options.Url is not null && string.IsNullOrWhiteSpace(options.ApiToken))
        {
            problems.Add("Server:ApiToken is empty while Server:Url is set; set it to a manager's API token ('qashopper user token NAME') through QASHOPPER_Server__ApiToken or user secrets");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"Server:Timeout is {options.Timeout}; allowed: above 00:00:00 up to 00:10:00 (hh:mm:ss)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
