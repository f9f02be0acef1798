using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using QaShopper.Cli;
using QaShopper.Hosting;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Fuzzing;

/// <summary>
/// Every setting of every options class (found by reflection, so a new setting is covered when it is added) with values
/// of the wrong type, out of range, empty or naming nothing that exists, through the host the commands build. Each must
/// stop the command before any work with one line naming the setting and saying what it accepts.
/// </summary>
public sealed class BadSettingsTableTests
{
    /// <summary>
    /// Settings of type string say nothing by their type about what is bad: each gets its bad values here, or a reason
    /// why any text will do. A string setting missing from both fails <see cref="EverySetting_HasBadValuesOrAReasonNotTo"/>.
    /// </summary>
    private static readonly Dictionary<string, string[]> BadText = new(StringComparer.Ordinal)
    {
        ["Store:Path"] = ["", "   ", "{temp}", "{temp}/"],
        ["Scenarios:Directory"] = ["", "   "],
        ["Recordings:Directory"] = ["", "   "],
        ["Web:KeysDirectory"] = ["/proc/version"],
        ["Simulation:CallCentreFile"] = ["", "/nonexistent/qashopper/call-centre.yaml", "{temp}/broken-call-centre.yaml"],
        ["LocalSpeech:Flite:ExecutablePath"] = ["", "/nonexistent/qashopper/flite"],
        ["LocalSpeech:Flite:CacheDirectory"] = ["", "  "],
        ["LocalSpeech:Flite:DefaultVoice"] = ["", "nobody", "RMS"],
        ["LocalSpeech:Espeak:ExecutablePath"] = ["", "/nonexistent/qashopper/espeak-ng"],
        ["LocalSpeech:Espeak:CacheDirectory"] = ["", "  "],
        ["LocalSpeech:Pocketsphinx:ModelDirectory"] = ["", "/nonexistent/qashopper/en-us"],
        ["LocalSpeech:Pocketsphinx:Dictionary"] = ["", "/nonexistent/qashopper/cmudict.dict"],
        ["LocalSpeech:Pocketsphinx:LanguageModel"] = ["", "/nonexistent/qashopper/en-us.lm.bin"],
        ["LocalSpeech:Pocketsphinx:AdaptationFile"] = ["/nonexistent/qashopper/telephone.mllr"],
        ["AzureSpeech:Region"] = ["West Europe", "westeurope/../x"],
        ["AzureSpeech:Key"] = ["", "  "],
        ["AzureSpeech:OutputFormat"] = ["", "mp3", "riff-16khz-16bit-mono-pcm"],
        ["AzureSpeech:CacheDirectory"] = ["", "  "],
        ["AzureSpeech:UserAgent"] = ["", "Qa\nShopper", "Qa\u0001Shopper"],
        ["Twilio:AccountSid"] = ["", "AC123", "SK00000000000000000000000000000000", "AC0000000000000000000000000000000g"],
        ["Twilio:AuthToken"] = ["", "  "],
        ["Twilio:ApiKeySid"] = ["SK1", "AC00000000000000000000000000000000"],
        ["Twilio:ApiKeySecret"] = ["a-secret-without-its-key-sid"],
        ["Alerts:WebhookUrl"] = ["not a url", "ftp://example.com/hook", "/relative"],
        ["Alerts:WebhookSecret"] = ["short", "a-secret-long-enough-but-no-webhook-url"],
        ["Alerts:EmailFrom"] = ["not an address"],
        ["Alerts:EmailTo"] = ["someone@example.com"],
        ["Alerts:SmtpUserName"] = ["a-user-without-a-host"],
        ["Alerts:SmtpPassword"] = ["a-password-without-a-host"],
        ["Server:ApiToken"] = ["not-a-token", "qas_"],
    };

    /// <summary>String settings any text is good for, and why.</summary>
    private static readonly Dictionary<string, string> AnyText = new(StringComparer.Ordinal)
    {
        ["Twilio:WebhookSigningSecret"] = "a secret chosen in Twilio's console: any text, unset to check with the auth token",
        ["Alerts:SmtpHost"] = "any host name or address; empty turns e-mail alerts off, and a host that cannot be reached is recorded per alert, never stopping calls",
    };

    /// <summary>Bad values every setting of a type has, whatever its range.</summary>
    private static readonly Dictionary<Type, string[]> BadByType = new()
    {
        [typeof(int)] = ["abc", "1.5", "99999999999", "-2", ""],
        [typeof(double)] = ["abc", "1e309", "-1e309", "NaN", "-5", "1e308", "", "1,5"],
        [typeof(bool)] = ["abc", "2", "", "yes"],
        [typeof(TimeSpan)] = ["abc", "99999999999", "-00:00:05", "10675199.02:48:05.4775807", "", "1e309", "25:00:00:00"],
        [typeof(Uri)] = ["not a url", "ftp://example.com/x", "http://[", "/relative/path"],
    };

    /// <summary>The settings the composition root reads itself, outside any options class.</summary>
    private static readonly (string Setting, string[] Bad)[] OtherSettings =
    [
        .. Composition.Kinds.Keys.Select(k => (k, new[] { "twillio", "0", "local speech" })),
        ("Logging:LogLevel:Default", ["999", "Loud"]),
        ("Logging:LogLevel:Microsoft", ["-1"]),
    ];

    /// <summary>Options classes: every type in the application's assemblies with a <c>SectionName</c> constant.</summary>
    private static IEnumerable<(string Section, Type Type)> OptionsTypes() =>
        typeof(AppHost).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("QaShopper", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(AppHost).Assembly)
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string) && x.Type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal);

    private static IEnumerable<(string Setting, Type Type)> Settings() =>
        OptionsTypes().SelectMany(o => SettingValues.Bindable(o.Type).Select(p => ($"{o.Section}:{p.Name}", p.PropertyType)));

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var (setting, type) in Settings())
        {
            foreach (var (key, value) in BadValues(setting, type))
            {
                yield return new TestCaseData(setting, key, value).SetName($"BadSetting({key} = '{Printable(value)}')");
            }
        }

        foreach (var (setting, bad) in OtherSettings)
        {
            foreach (var value in bad)
            {
                yield return new TestCaseData(setting, setting, value).SetName($"BadSetting({setting} = '{Printable(value)}')");
            }
        }
    }

    [Test]
    public void OptionsClasses_FoundByReflection_AreAllCheckedBySettingValues()
    {
        var found = OptionsTypes().Select(o => $"{o.Section} {o.Type.FullName}").ToList();
        var checkedByTheApp = SettingValues.Sections.Select(s => $"{s.Section} {s.Options.FullName}").Order(StringComparer.Ordinal).ToList();

        Assert.That(found, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(checkedByTheApp, Is.EquivalentTo(found), "a new options class must be listed in SettingValues.Sections");
    }

    [Test]
    public void EverySetting_HasBadValuesOrAReasonNotTo()
    {
        var uncovered = Settings()
            .Where(s => !BadValues(s.Setting, s.Type).Any() && !AnyText.ContainsKey(s.Setting))
            .Select(s => $"{s.Setting} ({s.Type.Name})")
            .ToList();

        Assert.That(uncovered, Is.Empty, "add bad values for these settings to BadText or BadByType, or a reason to AnyText");
        Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(Settings().Count() * 2));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task BadSetting(string setting, string key, string value)
    {
        using var temp = new TempDirectory();
        var settings = Baseline(setting, temp);
        settings[key] = value.Replace("{temp}", temp.Path, StringComparison.Ordinal);
        if (key.EndsWith(":ApiKeySecret", StringComparison.Ordinal))
        {
            settings.Remove("Twilio:ApiKeySid");
        }

        var error = await StartAsync(settings, temp);

        Assert.That(error, Is.Not.Null, $"{key} = '{Printable(value)}' was accepted: the host started");
        Assert.That(error!.Message, Does.StartWith("configuration: "));
        Assert.That(error.Message, Does.Contain(setting));
        Assert.That(error.Message, Does.Not.Contain('\n').And.Not.Contain('\r'), "one line");
        Assert.That(error.Message, Does.Match("expected|allowed|must|use |set it|set the|set both|set only|install|it is |leave it|add |an absolute http|name a voice|list locales"), "says what it accepts");
        Assert.That(File.Exists(temp.File("qa.db")), Is.False, "stopped before any work: the store was not even created");
    }

    [TestCase("Store")]
    [TestCase("AzureSpeech")]
    [TestCase("Twilio")]
    public async Task Baseline_WithoutABadValue_Starts(string section)
    {
        using var temp = new TempDirectory();

        var error = await StartAsync(Baseline(section + ":", temp), temp);

        Assert.That(error, Is.Null, "the bad-value cases must fail for their bad value, not for the baseline: " + error?.Message);
    }

    /// <summary>Good settings for the host a setting is used by, with every file in a folder of its own.</summary>
    private static Dictionary<string, string?> Baseline(string setting, TempDirectory temp)
    {
        temp.Write("broken-call-centre.yaml", "sites: [ { id: leeds");
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Store:Path"] = temp.File("qa.db"),
            ["Scenarios:Directory"] = RepoPaths.Combine("scenarios"),
            ["Recordings:Directory"] = temp.File("recordings"),
            ["Simulation:CallCentreFile"] = RepoPaths.Combine("scenarios", "call-centre.yaml"),
            ["LocalSpeech:Flite:CacheDirectory"] = temp.File("tts"),
        };

        // Azure's and Twilio's settings are validated only when their adapter is chosen.
        if (setting.StartsWith("AzureSpeech:", StringComparison.Ordinal))
        {
            settings["Speech:Kind"] = "azure";
            settings["Transcription:Kind"] = "azure";
            settings[setting == "AzureSpeech:Region" ? "AzureSpeech:Region" : "AzureSpeech:Endpoint"] =
                setting == "AzureSpeech:Region" ? "westeurope" : "http://127.0.0.1:9/";
            settings["AzureSpeech:Key"] = "a-key";
            settings["AzureSpeech:CacheDirectory"] = temp.File("tts-azure");
        }

        if (setting.StartsWith("Twilio:", StringComparison.Ordinal))
        {
            settings["Carrier:Kind"] = "twilio";
            settings["Twilio:AccountSid"] = "AC" + new string('0', 32);
            settings["Twilio:AuthToken"] = "a-token";
            settings["Twilio:PublicBaseUrl"] = "https://qa.example.com";
            settings["Twilio:WebhookListenUrl"] = "http://127.0.0.1:0";
        }

        return settings;
    }

    /// <summary>Builds and starts the host of <c>campaign start --now</c> (every feature); the <see cref="CliException"/> it stops with, or null.</summary>
    private static async Task<CliException?> StartAsync(Dictionary<string, string?> settings, TempDirectory temp)
    {
        var parse = QaShopperCli.BuildRoot(CliConsole.System).Parse(["report"]);
        try
        {
            using var host = AppHost.Build(parse, HostFeatures.Campaigns, b => b.Configuration.AddInMemoryCollection(settings));
            await AppHost.StartBuiltAsync(host, CancellationToken.None);
            await host.StopAsync(CancellationToken.None);
            return null;
        }
        catch (CliException ex)
        {
            return ex;
        }
    }

    private static IEnumerable<(string Key, string Value)> BadValues(string setting, Type type)
    {
        if (BadText.TryGetValue(setting, out var text))
        {
            return text.Select(v => (setting, v));
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (BadByType.TryGetValue(target, out var bad))
        {
            // And an object where one value belongs, which the binder would skip without a word.
            return bad.Select(v => (setting, v)).Append(($"{setting}:nested", "1"));
        }

        if (typeof(IDictionary).IsAssignableFrom(target))
        {
            return [(setting, "one value"), ($"{setting}:en-US", ""), ($"{setting}:en-GB", "  ")];
        }

        if (typeof(IEnumerable).IsAssignableFrom(target) && target != typeof(string))
        {
            return [(setting, "en-US"), ($"{setting}:0", ""), ($"{setting}:1", "  ")];
        }

        return [];
    }

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
