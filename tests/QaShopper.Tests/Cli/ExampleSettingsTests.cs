using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using QaShopper.Alerts;
using QaShopper.Server;
using QaShopper.Tests.Support;
using QaShopper.Web;

namespace QaShopper.Tests.Cli;

public sealed class ExampleSettingsTests
{
    [Test]
    public void AppSettingsExample_PassesTheValidatorsOfTheWebAlertsAndServerSections()
    {
        // A user copies the example to appsettings.json and starts serve: its own values must not stop it.
        var settings = new ConfigurationBuilder().AddJsonFile(RepoPaths.Combine("appsettings.example.json")).Build();
        var failures = new List<string>();
        failures.AddRange(Failures(new WebOptionsValidator(), settings.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new()));
        failures.AddRange(Failures(new AlertOptionsValidator(), settings.GetSection(AlertOptions.SectionName).Get<AlertOptions>() ?? new()));
        failures.AddRange(Failures(new RunningServerOptionsValidator(), settings.GetSection(RunningServerOptions.SectionName).Get<RunningServerOptions>() ?? new()));

        Assert.That(failures, Is.Empty);
    }

    private static IEnumerable<string> Failures<T>(IValidateOptions<T> validator, T options)
        where T : class => validator.Validate(null, options).Failures ?? [];
}
