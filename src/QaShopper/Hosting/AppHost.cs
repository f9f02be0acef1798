using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using QaShopper.Cli;
using QaShopper.Sqlite;

namespace QaShopper.Hosting;

/// <summary>
/// Builds the host a command runs in: configuration (appsettings.json, --config, QASHOPPER_ environment
/// variables, command-line overrides), logging to stderr, and every adapter through its AddXxx extension.
/// </summary>
internal static class AppHost
{
    /// <summary>Environment variables with this prefix override settings: QASHOPPER_Store__Path=/var/lib/qa.db.</summary>
    public const string EnvironmentPrefix = "QASHOPPER_";

    public static IHost Build(ParseResult parse, Action<HostApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        Configure(builder, parse);
        configure?.Invoke(builder);

        try
        {
            return builder.Build();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException($"configuration: {string.Join("; ", ex.Failures)}");
        }
    }

    /// <summary>
    /// What every host of the application shares, the command-line hosts and the <c>serve</c> web host alike:
    /// configuration sources in order, logging to stderr, the store and the scorer.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(parse);
        builder.Configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        if (parse.GetValue(GlobalOptions.Config) is { } configFile)
        {
            if (!File.Exists(configFile))
            {
                throw new CliException($"--config: settings file '{configFile}' not found");
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        if (parse.GetValue(GlobalOptions.Database) is { } db)
        {
            builder.Configuration.AddInMemoryCollection([new("Store:Path", db)]);
        }

        ConfigureLogging(builder, parse.GetValue(GlobalOptions.Verbose));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddSqliteStore();
        builder.AddScoring();
    }

    /// <summary>Starts nothing long-running; validates options eagerly so a bad setting is reported before any work.</summary>
    public static async Task<IHost> StartAsync(ParseResult parse, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        var host = Build(parse, configure);
        try
        {
            await StartBuiltAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException)
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>Starts a host already built; a setting that fails validation is a <see cref="CliException"/> naming it.</summary>
    public static async Task StartBuiltAsync(IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException($"configuration: {string.Join("; ", ex.Failures)}");
        }
    }

    private static void ConfigureLogging(IHostApplicationBuilder builder, bool verbose)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);

        // Results go to stdout (score --json must be nothing but JSON); every log line goes to stderr.
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
