using System.Globalization;
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using QaShopper.Cli;
using QaShopper.Core.Configuration;

namespace QaShopper.Hosting;

/// <summary>
/// Builds the host a command runs in: configuration (appsettings.json, --config, user secrets, QASHOPPER_ environment
/// variables, command-line overrides), logging to stderr, and every adapter through its AddXxx extension.
/// </summary>
internal static partial class AppHost
{
    /// <summary>Environment variables with this prefix override settings: QASHOPPER_Store__Path=/var/lib/qa.db.</summary>
    public const string EnvironmentPrefix = "QASHOPPER_";

    public static IHost Build(ParseResult parse, HostFeatures features, Action<HostApplicationBuilder>? configure = null, string? campaignId = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        // Command overrides first: they are settings too, and the composition root reads the settings.
        configure?.Invoke(builder);
        Configure(builder, parse, features, campaignId);

        try
        {
            return builder.Build();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException(ConfigurationProblem(ex));
        }
    }

    /// <summary>
    /// What every host of the application shares, the command-line hosts and the <c>serve</c> web host alike:
    /// configuration sources in order, logging to stderr, then the composition root with the features asked for.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, ParseResult parse, HostFeatures features, string? campaignId = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(parse);
        AddSettings(builder.Configuration, parse);
        ConfigureLogging(builder, parse.GetValue(GlobalOptions.Verbose));
        builder.AddQaShopper(features, campaignId);
    }

    /// <summary>The settings alone, for commands that need no host (<c>validate</c>, <c>campaign plan</c>).</summary>
    public static IConfiguration Settings(ParseResult parse)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(Directory.GetCurrentDirectory());
        AddSettings(configuration, parse);
        SettingValues.Check(configuration);
        return configuration;
    }

    /// <summary>The scenario folder: <c>Scenarios:Directory</c> (or <c>--scenarios</c>, which sets it).</summary>
    public static string ScenarioFolder(IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = settings.GetSection(ScenarioFolderOptions.SectionName).Get<ScenarioFolderOptions>()?.Directory;
        folder = string.IsNullOrWhiteSpace(folder) ? new ScenarioFolderOptions().Directory : folder;

        // Every caller reads scenarios from it: a missing folder would read as "no scenarios", not as the typo it is.
        return Directory.Exists(folder)
            ? folder
            : throw new CliException($"configuration: Scenarios:Directory (--scenarios) is '{folder}', which is not a folder; set it to the folder of scenario files");
    }

    private static void AddSettings(IConfigurationManager configuration, ParseResult parse)
    {
        // Sources added after the command's in-memory overrides would hide them; keep those last.
        var overrides = configuration.Sources.ToList();
        configuration.Sources.Clear();
        AddJsonSettings(configuration, "appsettings.json", "appsettings.json", optional: true);
        if (parse.GetValue(GlobalOptions.Config) is { } configFile)
        {
            if (!File.Exists(configFile))
            {
                throw new CliException($"--config: settings file '{configFile}' not found");
            }

            AddJsonSettings(configuration, Path.GetFullPath(configFile), "--config", optional: false);
        }

        // Secrets outside the repository: `dotnet user-secrets set Twilio:AuthToken ... --project src/QaShopper`, or
        // the QASHOPPER_ environment variables, which win.
        configuration.AddUserSecrets(typeof(AppHost).Assembly, optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        foreach (var source in overrides)
        {
            configuration.Sources.Add(source);
        }

        if (parse.GetValue(GlobalOptions.Database) is { } db)
        {
            configuration.AddInMemoryCollection([new("Store:Path", db)]);
        }

        if (parse.GetValue(GlobalOptions.Scenarios) is { } scenarios)
        {
            configuration.AddInMemoryCollection([new("Scenarios:Directory", scenarios)]);
        }
    }

    /// <summary>
    /// Adds a JSON settings file; the configuration manager reads it at once, so a malformed file fails here, before
    /// any work, as one line naming the file instead of the JSON reader's stack trace.
    /// </summary>
    private static void AddJsonSettings(IConfigurationManager configuration, string path, string source, bool optional)
    {
        try
        {
            configuration.AddJsonFile(path, optional, reloadOnChange: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            // The provider wraps the JSON reader's exception (which knows the line and column) once or twice; a
            // duplicate key is a FormatException of its own that names the key.
            var full = Path.GetFullPath(path, Directory.GetCurrentDirectory());
            var cause = ex.GetBaseException();
            var reason = JsonReason().Replace(cause.Message.Split('\n', 2)[0], string.Empty).Trim();
            var json = Chain(ex).OfType<System.Text.Json.JsonException>().FirstOrDefault(j => j.LineNumber is not null);
            var at = json is { LineNumber: { } line, BytePositionInLine: { } column }
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, column {column + 1}")
                : UnpairedSurrogateEscape(full) is { } escape ? string.Create(CultureInfo.InvariantCulture, $" at line {escape.Line}, column {escape.Column}")
                : string.Empty;
            throw new CliException($"{source}: settings file '{full}' is not valid JSON{at}: {SettingValues.Shown(string.Empty, reason, 300)}");
        }

        static IEnumerable<Exception> Chain(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
            {
                yield return e;
            }
        }
    }

    /// <summary>
    /// Checks every <c>Logging:...:LogLevel</c> value is a level by name: the logging options take any number (999)
    /// or silently ignore a misspelt name, and a level that filters nothing or everything is found only in production.
    /// </summary>
    private static void CheckLogLevels(IConfiguration configuration)
    {
        foreach (var setting in configuration.GetSection("Logging").AsEnumerable())
        {
            if (setting.Value is null || !setting.Key.Split(':').Contains("LogLevel", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var named = Enum.GetNames<LogLevel>().Contains(setting.Value.Trim(), StringComparer.OrdinalIgnoreCase);
            if (!named)
            {
                throw new CliException(
                    $"configuration: {setting.Key} is '{SettingValues.Shown(setting.Key, setting.Value)}'; allowed: {string.Join(", ", Enum.GetNames<LogLevel>())}");
            }
        }
    }

    /// <summary>Starts nothing long-running; validates options eagerly so a bad setting is reported before any work.</summary>
    public static async Task<IHost> StartAsync(ParseResult parse, HostFeatures features, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        var host = Build(parse, features, configure);
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

        // Validated and opened before the host starts, so a bad setting or a data file in use is one line naming it,
        // not the host's start-up failure log with a stack trace.
        ValidateSettings(host);
        try
        {
            _ = host.Services.GetService<Core.Ports.IResultStore>();
            // The migration reads every collection: a damaged file is refused here as one line naming it, before the
            // host's start-up (which would log the failure with a stack trace) and before any command reads or writes.
            host.Services.GetService<LiteDb.LiteDbFile>()?.Migrate();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException(ConfigurationProblem(ex));
        }
    }

    /// <summary>
    /// Validates every setting the host registered (what <c>ValidateOnStart</c> would check when it starts), touching
    /// nothing: a command that writes before it starts the host calls this first, so a bad setting leaves no trace.
    /// </summary>
    /// <exception cref="CliException">A setting fails validation; the message names it.</exception>
    public static void ValidateSettings(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new CliException(ConfigurationProblem(ex));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is Microsoft.Extensions.Options.OptionsValidationException))
        {
            // More than one section failed: the start-up validator gathers them into one aggregate.
            throw new CliException(string.Join("; ", ex.InnerExceptions.Cast<Microsoft.Extensions.Options.OptionsValidationException>().Select(ConfigurationProblem)));
        }
    }

    /// <summary>
    /// One line for the failures of a validation: the data-annotation validator wraps each message (which names the
    /// setting) in "DataAnnotation validation failed for 'T' members: ..."; the message alone is what the user needs.
    /// </summary>
    internal static string ConfigurationProblem(Microsoft.Extensions.Options.OptionsValidationException exception)
    {
        var failures = exception.Failures.Select(f =>
        {
            var wrapped = System.Text.RegularExpressions.Regex.Match(
                f, "^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(.*)'\\.$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            var text = wrapped.Success ? wrapped.Groups[1].Value : f;
            return text.ReplaceLineEndings(" ");
        });
        return $"configuration: {string.Join("; ", failures)}";
    }

    private static void ConfigureLogging(IHostApplicationBuilder builder, bool verbose)
    {
        CheckLogLevels(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);

        // Results go to stdout (score --json must be nothing but JSON); every log line goes to stderr.
        builder.Logging.AddConsole(o =>
        {
            o.FormatterName = QuietUnderProgressFormatter.FormatterName;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        builder.Logging.AddConsoleFormatter<QuietUnderProgressFormatter, SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
    }

    /// <summary>
    /// Where the first <c>\\uD800</c>-style escape without its other half is: the JSON reader refuses it with an
    /// exception that carries no position.
    /// </summary>
    private static (int Line, int Column)? UnpairedSurrogateEscape(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (System.Text.RegularExpressions.Match escape in SurrogateEscape().Matches(text))
        {
            var high = escape.Groups[1].Value[0] is '8' or '9' or 'a' or 'b' or 'A' or 'B';
            var paired = high
                ? SurrogateEscape().Match(text, escape.Index + escape.Length) is { Success: true } next && next.Index == escape.Index + escape.Length && next.Groups[1].Value[0] is 'c' or 'd' or 'e' or 'f' or 'C' or 'D' or 'E' or 'F'
                : escape.Index >= 6 && SurrogateEscape().Match(text, escape.Index - 6, 6) is { Success: true } before && before.Groups[1].Value[0] is '8' or '9' or 'a' or 'b' or 'A' or 'B';
            if (!paired)
            {
                var line = 1 + text.AsSpan(0, escape.Index).Count('\n');
                return (line, escape.Index - (text.LastIndexOf('\n', Math.Max(0, escape.Index - 1)) + 1) + 1);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD]([0-9a-fA-F])[0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex SurrogateEscape();

    /// <summary>The reader's own position suffix, replaced by the line and column counted from 1.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(Path: [^|]*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial System.Text.RegularExpressions.Regex JsonReason();
}
