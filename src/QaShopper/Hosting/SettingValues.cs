using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using QaShopper.AzureSpeech;
using QaShopper.Cli;
using QaShopper.Core.Configuration;
using QaShopper.Core.Scoring;
using QaShopper.LiteDb;
using QaShopper.LocalSpeech;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Scheduling;
using QaShopper.Simulation;
using QaShopper.Twilio;

namespace QaShopper.Hosting;

/// <summary>
/// Checks that every setting of every options section can be read as its type before anything binds it. The binder
/// would throw "Failed to convert configuration value at 'X'" with a stack trace, and only when the options are first
/// used; a value given as a JSON object or array where one value belongs it would ignore without a word.
/// </summary>
internal static class SettingValues
{
    /// <summary>Every options class bound from configuration, by its section. The tests check no class is missing.</summary>
    public static readonly IReadOnlyList<(string Section, Type Options)> Sections =
    [
        (LiteDbStoreOptions.SectionName, typeof(LiteDbStoreOptions)),
        (ScenarioFolderOptions.SectionName, typeof(ScenarioFolderOptions)),
        (RecordingFolderOptions.SectionName, typeof(RecordingFolderOptions)),
        (ScoringOptions.SectionName, typeof(ScoringOptions)),
        (SimulationOptions.SectionName, typeof(SimulationOptions)),
        (CampaignSchedulerOptions.SectionName, typeof(CampaignSchedulerOptions)),
        (FliteOptions.SectionName, typeof(FliteOptions)),
        (EspeakOptions.SectionName, typeof(EspeakOptions)),
        (PocketsphinxOptions.SectionName, typeof(PocketsphinxOptions)),
        (AzureSpeechOptions.SectionName, typeof(AzureSpeechOptions)),
        (TwilioOptions.SectionName, typeof(TwilioOptions)),
        (Web.WebOptions.SectionName, typeof(Web.WebOptions)),
        (Alerts.AlertOptions.SectionName, typeof(Alerts.AlertOptions)),
        (Server.RunningServerOptions.SectionName, typeof(Server.RunningServerOptions)),
    ];

    /// <summary>Secrets: a message says the value is wrong, never what it is.</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase)
    {
        "AzureSpeech:Key", "AzureSpeech:BatchContainerUrl", "Twilio:AuthToken", "Twilio:ApiKeySecret", "Twilio:WebhookSigningSecret", "Alerts:WebhookSecret", "Alerts:SmtpPassword", "Server:ApiToken",
    };

    /// <summary>The settings a value can be given for: every public property with a setter or a collection to fill.</summary>
    public static IEnumerable<PropertyInfo> Bindable(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || IsCollection(p.PropertyType)));

    /// <summary>Throws a <see cref="CliException"/> naming the first setting whose value its type cannot hold.</summary>
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (section, type) in Sections)
        {
            var defaults = Activator.CreateInstance(type);
            foreach (var property in Bindable(type))
            {
                if (Problem(configuration.GetSection($"{section}:{property.Name}"), property, defaults) is { } problem)
                {
                    throw new CliException($"configuration: {problem}", ExitCodes.BadInput);
                }
            }
        }
    }

    private static string? Problem(IConfigurationSection setting, PropertyInfo property, object? defaults)
    {
        var type = property.PropertyType;
        var children = setting.GetChildren().ToList();
        if (IsCollection(type))
        {
            // A list or a map takes entries; one value in its place would be dropped by the binder.
            return setting.Value is { Length: > 0 } && children.Count == 0
                ? $"{setting.Path} is '{Shown(setting)}'; expected {(IsMap(type) ? "entries by name" : "a list")} such as {Example(property, defaults)}"
                : null;
        }

        if (children.Count > 0)
        {
            return $"{setting.Path} is a list or an object; expected {Expected(property, defaults)}";
        }

        var value = setting.Value;
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) || (value.Length == 0 && !type.IsValueType))
        {
            // Text, and an empty URL (not set): the section's validator judges them.
            return null;
        }

        if (value.Trim().Length == 0)
        {
            return $"{setting.Path} is empty; expected {Expected(property, defaults)}";
        }

        try
        {
            _ = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            return null;
        }
#pragma warning disable CA1031 // Converters throw what they like (FormatException, OverflowException, ArgumentException, ...): any of them means the value is not of the type.
        catch (Exception)
#pragma warning restore CA1031
        {
            return $"{setting.Path} is '{Shown(setting)}'; expected {Expected(property, defaults)}";
        }
    }

    private static string Expected(PropertyInfo property, object? defaults)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var example = Example(property, defaults);
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => $"a whole number such as {example}",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => $"a number such as {example}",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => $"a duration [d.]hh:mm:ss such as {example}",
            _ when type == typeof(Uri) => $"an absolute URL such as {example}",
            _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ => $"a single value such as {example}",
        };
    }

    private static string Example(PropertyInfo property, object? defaults)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var value = defaults is null ? null : property.GetValue(defaults);
        return value switch
        {
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IDictionary { Count: > 0 } map => $"'{map.Keys.Cast<object>().First()}: {map.Values.Cast<object>().First()}'",
            IEnumerable<string> list when list.Any() => $"[{string.Join(", ", list)}]",
            string { Length: > 0 } text => $"'{text}'",
            _ when type == typeof(Uri) => "https://example.com",
            _ when type == typeof(TimeSpan) => "00:00:30",
            _ => "the one in appsettings.example.json",
        };
    }

    /// <summary>The value as a message may show it: on one line, cut short, and never a secret.</summary>
    internal static string Shown(string path, string? value, int max = 60)
    {
        if (Secrets.Contains(path))
        {
            return "(a secret, not shown)";
        }

        value ??= string.Empty;
        var cut = value.Length > max ? value[..max] : value;
        var text = string.Concat(cut.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return cut.Length < value.Length ? text + "…" : text;
    }

    private static string Shown(IConfigurationSection setting) => Shown(setting.Path, setting.Value);

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsMap(Type type) => typeof(IDictionary).IsAssignableFrom(type);
}
