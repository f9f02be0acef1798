using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QaShopper.Tests.Fuzzing;

/// <summary>The entry points inputs are made for.</summary>
internal static class FuzzKinds
{
    public const string Scenario = "scenario";
    public const string Campaign = "campaign";
    public const string Transcript = "transcript";
    public const string Wav = "wav";
    public const string Weights = "weights";
    public const string CallCentre = "call-centre";
    public const string Settings = "settings";

    public static readonly string[] All = [Scenario, Campaign, Transcript, Wav, Weights, CallCentre, Settings];
}

/// <summary>
/// Makes bad inputs from a seed: mutations of the shipped files (byte flips, truncation, control characters, deep
/// nesting, huge scalars, duplicated lines, wrong types) and structure-aware cases (hostile time zones and dates,
/// contradictory transcripts, odd WAV headers, extreme weights). The same seed gives the same inputs, so a crash
/// found by a long run is reproduced by its seed and index.
/// </summary>
internal sealed partial class FuzzGenerator(FuzzCorpus corpus, int seed)
{
    // Characters that have broken readers before: C1 controls (U+0096), NUL, BOMs, non-characters, line separators and
    // lone surrogates, which no UTF-8 file can hold but a string handed over in-process can.
    private static readonly string[] Specials =
    [
        "\u0096", "\u0000", "\u0007", "\u001B", "\u0085", "\u00A0", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF",
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "\t", "\r", "\n", "\r\n", "\\", "\"", "'", "%", "@", "`",
    ];

    private static readonly string[] YamlTokens =
    [
        "{", "}", "[", "]", ",", ": ", "- ", "? ", "&a ", "*a", "*nothing", "!!binary ", "!tag ", "!!int ", "|", ">", "#",
        "---\n", "...\n", "%YAML 1.1\n", "<<: *a\n", "\"", "'", "{{", "}}", "\t",
    ];

    private static readonly string[] JsonTokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "1e309", "\\u", "\\ud800", "/*", "//"];

    private static readonly string[] HostileValues =
    [
        "[]", "{}", "~", "null", "-1", "0", "1e309", "-1e309", ".nan", ".inf", "1e308", "0x10", "true", "''", "\"\"", "&a x", "*a",
        "!!binary AAAA", "!!timestamp 2026-01-01", "|\n  block", "[1, [2, [3]]]", "{ a: 1, a: 2 }", "2026-02-30", "24:00", "99:99",
        "-0", "1_000", "+1", "'{{'", "{{ caller.name }}", "\"\\ud800\"", "9223372036854775808", new string('9', 308), "1" + new string('0', 400),
        "5e-324", "1.7976931348623157e308",
    ];

    private static readonly string[] HostileJsonValues =
    [
        "\"abc\"", "\"\"", "\"  \"", "null", "true", "-1", "0", "1e309", "-1e309", "1e308", "99999999999", "1.5", "\"NaN\"", "[]", "[1, 2]", "{}",
        "{ \"a\": 1 }", "\"-00:00:05\"", "\"10675199.02:48:05.4775807\"", "\"99999999999\"", "\"25:00:00:00\"", "\"ftp://example.com/x\"",
        "\"not a url\"", "\"http://[\"", "\"/nonexistent/qashopper/x\"", "\"\\u0000\"", "\"\\ud800\"", "\"a\\nb\"", "\"" + new string('x', 100_000) + "\"",
        new string('9', 400), "\"twillio\"", "\"azure\"", "\"twilio\"",
    ];

    private static readonly string[] TimeZones =
    [
        "Europe", "Europe/", "/", "//", "../../../etc/passwd", "Europe/London/Extra", "UTC", "Etc/GMT+14", "Etc/GMT+99", "GMT Standard Time",
        "\"Europe\\0London\"", "\"Eur\\x96ope\"", "America/Argentina/Buenos_Aires", "\"\"", "~", "[Europe/London]", "Local", "zoneinfo",
        "posixrules", "Factory", "Europe/london", "EUROPE/LONDON", "Europe/Lon don",
    ];

    private static readonly string[] Dates =
    [
        "{ from: 9999-12-01, to: 9999-12-31 }", "{ from: 0001-01-01, to: 0001-01-07 }", "{ from: 9999-12-31, to: 9999-12-31 }",
        "{ from: 0001-01-01, to: 0001-01-01 }", "{ from: 2026-02-29, to: 2026-03-01 }", "{ from: 2026-13-01, to: 2026-13-02 }",
        "{ from: 2026-11-29, to: 2026-11-23 }", "{ from: 2024-02-29, to: 2024-03-01 }", "{ from: 2026-11-29, to: 2026-11-29 }",
        "{ from: 2026-12-25, to: 2026-12-26 }", "{ from: 1969-12-31, to: 1970-01-01 }", "{ from: 2038-01-18, to: 2038-01-20 }",
        "{ from: 2026-03-28, to: 2026-03-30 }", "{ from: 2026-10-24, to: 2026-10-26 }", "{ from: 2026-11-23 }", "{ to: 2026-11-23 }",
    ];

    private static readonly string[] Weights =
    [
        new string('9', 308), "1" + new string('0', 307), "1.7976931348623157e308", "1e308", "8.98846567431158e307", "5e-324", "1e-300",
        "0.0000001", "999999999", "1e15", "0.1", "3", "-0", "0", "1e309",
    ];

    private readonly Random random = new(seed);

    public FuzzInput Next()
    {
        // Parsers of text get most of the inputs; WAV headers are few in kind, so fewer inputs find all of them.
        var roll = random.Next(100);
        return roll switch
        {
            < 30 => Scenario(),
            < 52 => Campaign(),
            < 70 => Transcript(),
            < 81 => Wav(),
            < 88 => WeightsCase(),
            < 96 => CallCentre(),
            _ => Settings(),
        };
    }

    private FuzzInput Scenario()
    {
        var (name, text) = Pick(corpus.ScenarioTexts);
        var (mutant, recipe) = MutateText(text, YamlTokens, name);
        return new FuzzInput(FuzzKinds.Scenario, recipe, mutant);
    }

    private FuzzInput Campaign()
    {
        var (name, text) = Pick(corpus.CampaignTexts);
        string mutant;
        string recipe;
        switch (random.Next(4))
        {
            case 0:
                var zone = random.Next(8) == 0 ? HugeZone() : Pick(TimeZones);
                mutant = ReplaceValue(text, "time_zone", zone);
                recipe = $"time_zone {Shorten(zone)}";
                break;
            case 1:
                var dates = Pick(Dates);
                mutant = ReplaceValue(text, "dates", dates);
                recipe = $"dates {dates}";
                break;
            case 2:
                var key = Pick(["per_agent_per_week", "per_line_per_period", "max_per_period_per_day", "weight", "number_reuse_days", "min_gap_same_line", "max_concurrent_per_line"]);
                var value = Pick(HostileValues);
                mutant = ReplaceValue(text, key, value);
                recipe = $"{key}: {Shorten(value)}";
                break;
            default:
                (mutant, recipe) = MutateText(text, YamlTokens, name);
                return new FuzzInput(FuzzKinds.Campaign, recipe, mutant);
        }

        // Half of the structure-aware cases also get a random mutation, so both kinds of damage meet.
        if (random.Next(2) == 0)
        {
            var (again, how) = MutateText(mutant, YamlTokens, name);
            (mutant, recipe) = (again, recipe + "; " + how);
        }

        return new FuzzInput(FuzzKinds.Campaign, recipe, mutant);
    }

    private FuzzInput CallCentre()
    {
        const string name = "call-centre.yaml";
        var text = corpus.CallCentreText;
        if (random.Next(2) == 0)
        {
            var (mutant, recipe) = MutateText(text, YamlTokens, name);
            return new FuzzInput(FuzzKinds.CallCentre, recipe, mutant);
        }

        // The values the loader checks by meaning: zones, probabilities, the hold's turn, voices and cross-references.
        var key = Pick(["time_zone", "no_answer", "busy", "turn", "voice", "id", "site", "profile", "name", "staff_number", "behaviour", "says", "otherwise", "company"]);
        var value = key == "time_zone" ? (random.Next(8) == 0 ? HugeZone() : Pick(TimeZones)) : Pick(HostileValues);
        var changed = ReplaceValue(text, key, value);
        var how = $"{key}: {Shorten(value)}";
        if (random.Next(2) == 0)
        {
            var (again, more) = MutateText(changed, YamlTokens, name);
            (changed, how) = (again, how + "; " + more);
        }

        return new FuzzInput(FuzzKinds.CallCentre, how, changed);
    }

    private FuzzInput Settings()
    {
        const string name = "appsettings.example.json";
        var text = corpus.SettingsText;
        if (random.Next(3) == 0)
        {
            var (mutant, recipe) = MutateText(text, JsonTokens, name);
            return new FuzzInput(FuzzKinds.Settings, recipe, mutant);
        }

        // One setting given a hostile value of another JSON type or range; now and then with the adapter that reads it.
        var settings = JsonSetting().Matches(text);
        var setting = settings[random.Next(settings.Count)];
        var value = Pick(HostileJsonValues);
        var changed = string.Concat(text.AsSpan(0, setting.Groups[2].Index), value, text.AsSpan(setting.Groups[2].Index + setting.Groups[2].Length));
        var how = $"\"{setting.Groups[1].Value}\": {Shorten(value)}";
        if (random.Next(3) == 0)
        {
            var kind = Pick(["\"Kind\": \"twilio\"", "\"Kind\": \"azure\""]);
            changed = changed.Replace("\"Kind\": \"simulated\"", kind, StringComparison.Ordinal).Replace("\"Kind\": \"local\"", kind, StringComparison.Ordinal);
            how += $" with {kind}";
        }

        return new FuzzInput(FuzzKinds.Settings, how, changed);
    }

    private FuzzInput Transcript()
    {
        if (random.Next(2) == 0)
        {
            var (name, text) = Pick(corpus.TranscriptTexts);
            var (mutant, recipe) = MutateText(text, JsonTokens, name);
            return new FuzzInput(FuzzKinds.Transcript, recipe, mutant);
        }

        return new FuzzInput(FuzzKinds.Transcript, "structured transcript", StructuredTranscript());
    }

    private FuzzInput WeightsCase()
    {
        var (name, text) = Pick(corpus.ScenarioTexts);
        var chosen = Pick(Weights);
        var everyWeight = random.Next(2) == 0;
        var mutant = WeightValue().Replace(text, m => everyWeight || random.Next(3) == 0 ? m.Groups[1].Value + (everyWeight ? chosen : Pick(Weights)) : m.Value);
        return new FuzzInput(FuzzKinds.Weights, $"weights {Shorten(chosen)} ({(everyWeight ? "all" : "some")}) in {name}", mutant);
    }

    private FuzzInput Wav()
    {
        var rate = random.Next(3) == 0 ? (uint)random.Next() : Pick([0u, 1u, 7u, 100u, 3999u, 8000u, 16000u, 44100u, 192000u, 384000u, 4294967295u, 2147483648u]);
        var channels = Pick<ushort>([0, 1, 2, 2, 2, 3, 255, 65535]);
        var (format, bits) = Pick<(ushort, ushort)>([(1, 16), (1, 16), (7, 8), (7, 8), (1, 8), (1, 24), (3, 32), (0xFFFE, 16), (0, 0), (6, 8)]);
        var dataBytes = Pick([0, 0, 1, 2, 3, 4, 7, 160, 1600, random.Next(16000)]);
        var header = new List<byte>();
        header.AddRange("RIFF"u8.ToArray());
        header.AddRange(Le32(Pick([36u + (uint)dataBytes, 0u, 0xFFFFFFFFu])));
        header.AddRange("WAVE"u8.ToArray());
        if (random.Next(4) == 0)
        {
            // A chunk before 'fmt ' whose size may be odd, enormous or negative when read as a signed number.
            header.AddRange("LIST"u8.ToArray());
            var listSize = Pick([3u, 4u, 0x7FFFFFFFu, 0x7FFFFFF8u, 0xFFFFFFFFu, 0x80000000u]);
            header.AddRange(Le32(listSize));
            header.AddRange(new byte[4]);
        }

        var fmtSize = Pick([16u, 16u, 18u, 40u, 14u, 0u, 0x7FFFFFFFu]);
        header.AddRange("fmt "u8.ToArray());
        header.AddRange(Le32(fmtSize));
        var fmt = new byte[fmtSize is 18 or 40 ? (int)fmtSize : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, format);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), unchecked(rate * channels * (uint)(bits / 8)));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), bits);
        if (fmt.Length == 40)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), Pick<ushort>([1, 7, 3]));
        }

        header.AddRange(fmt);
        if (random.Next(10) != 0)
        {
            header.AddRange("data"u8.ToArray());
            header.AddRange(Le32(random.Next(5) == 0 ? Pick([0x7FFFFFFFu, 0xFFFFFFFFu, 0x7FFFFFF0u, (uint)dataBytes + 1]) : (uint)dataBytes));
            var data = new byte[dataBytes];
            random.NextBytes(data);
            header.AddRange(data);
        }

        var bytes = header.ToArray();
        var recipe = $"wav rate {rate} channels {channels} format {format}/{bits} data {dataBytes}";
        if (random.Next(5) == 0 && bytes.Length > 0)
        {
            var cut = random.Next(bytes.Length);
            bytes = bytes[..cut];
            recipe += $" truncated at {cut}";
        }
        else if (random.Next(5) == 0)
        {
            var at = random.Next(bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
            recipe += $" bit flipped at {at}";
        }

        return new FuzzInput(FuzzKinds.Wav, recipe, null, bytes);
    }

    /// <summary>A transcript built field by field, with times, texts and words chosen to contradict each other now and then.</summary>
    private string StructuredTranscript()
    {
        var builder = new StringBuilder();
        var duration = PickTime();
        builder.Append(CultureInfo.InvariantCulture, $"{{ \"answeredAfter\": {(random.Next(4) == 0 ? "null" : PickTime())}, ");
        if (random.Next(4) != 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\"duration\": {duration}, ");
        }

        builder.Append("\"segments\": [");
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var start = PickTime();
            var end = PickTime();
            builder.Append(i > 0 ? ", " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"{{ \"speaker\": \"{Pick(["agent", "caller", "agent", "Agent", "\\ud800"])}\", \"start\": {start}, \"end\": {end}, \"text\": \"{PickTranscriptText()}\"");
            if (random.Next(3) == 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $", \"confidence\": {Pick(["0.9", "1", "0", "-0.1", "1.5", "1e309", "\"high\""])}");
            }

            if (random.Next(2) == 0)
            {
                builder.Append(", \"words\": [");
                var words = random.Next(3);
                for (var w = 0; w < words; w++)
                {
                    builder.Append(w > 0 ? ", " : string.Empty)
                        .Append(CultureInfo.InvariantCulture, $"{{ \"text\": \"{PickTranscriptText()}\", \"start\": {PickTime()}, \"end\": {PickTime()} }}");
                }

                builder.Append(']');
            }

            builder.Append(" }");
        }

        builder.Append("] }");
        var text = builder.ToString();
        return random.Next(4) == 0 ? MutateText(text, JsonTokens, "structured").Text : text;
    }

    private string PickTime() => Pick(["0", "0.5", "1", "4.2", "7", "12.5", "30", "95.4", "600", "86400", "1e15", "1e308", "-1", "1e309", "\"7\"", random.Next(200).ToString(CultureInfo.InvariantCulture)]);

    private string PickTranscriptText() => Pick([
        "thank you for calling acme bank my name is sarah", "hello", string.Empty, "\\ud800", "\\udc00\\ud800", "\\u0000", "\\u0096",
        "我的名字是", "anything else? have a nice day", "nine thirty am to one pm", new string('a', 2000), "\\\\", "my name is \\ud83d",
    ]);

    /// <summary>One to three random damages of a text, with a recipe that says which and where.</summary>
    private (string Text, string Recipe) MutateText(string text, string[] tokens, string name)
    {
        var recipe = new List<string>();
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            switch (random.Next(12))
            {
                case 0:
                    var bytes = Encoding.UTF8.GetBytes(text);
                    if (bytes.Length > 0)
                    {
                        var flip = random.Next(bytes.Length);
                        bytes[flip] ^= (byte)(1 << random.Next(8));
                        recipe.Add($"bit flip at byte {flip}");
                    }

                    // File.ReadAllText decodes the same way: invalid UTF-8 becomes U+FFFD.
                    text = Encoding.UTF8.GetString(bytes);
                    break;
                case 1:
                    text = text[..at];
                    recipe.Add($"truncated at {at}");
                    break;
                case 2:
                case 3:
                    var special = Pick(Specials);
                    text = text.Insert(at, special);
                    recipe.Add($"U+{(int)special[0]:X4} at {at}");
                    break;
                case 4:
                    var token = Pick(tokens);
                    text = text.Insert(at, token);
                    recipe.Add($"'{Shorten(token)}' at {at}");
                    break;
                case 5:
                    var depth = Pick([10, 64, 65, 200, 1000, 20000]);
                    var open = Pick(["{", "[", "- ", "{a: ", "[["]);
                    text = text.Insert(at, string.Concat(Enumerable.Repeat(open, depth)));
                    recipe.Add($"{depth} × '{open}' at {at}");
                    break;
                case 6:
                    var size = random.Next(20) == 0 ? 1_100_000 : Pick([70_000, 100_000]);
                    text = text.Insert(at, new string(Pick(['a', ' ', '9', '{', '\n', '-']), size));
                    recipe.Add($"{size} chars at {at}");
                    break;
                case 7:
                    var lines = text.Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    text = string.Join('\n', lines);
                    recipe.Add($"line {line + 1} duplicated");
                    break;
                case 8:
                    var all = text.Split('\n').ToList();
                    var drop = random.Next(all.Count);
                    all.RemoveAt(drop);
                    text = string.Join('\n', all);
                    recipe.Add($"line {drop + 1} deleted");
                    break;
                case 9:
                    var matches = KeyValue().Matches(text);
                    if (matches.Count > 0)
                    {
                        var match = matches[random.Next(matches.Count)];
                        var hostile = Pick(HostileValues);
                        text = string.Concat(text.AsSpan(0, match.Groups[2].Index), hostile, text.AsSpan(match.Groups[2].Index + match.Groups[2].Length));
                        recipe.Add($"{match.Groups[1].Value}: {Shorten(hostile)}");
                    }

                    break;
                case 10:
                    var (otherName, other) = Pick(corpus.ScenarioTexts);
                    var from = random.Next(other.Length);
                    var length = random.Next(Math.Min(400, other.Length - from) + 1);
                    text = text.Insert(at, other.Substring(from, length));
                    recipe.Add($"{length} chars of {otherName} at {at}");
                    break;
                default:
                    if (text.Length > 2)
                    {
                        var start = random.Next(text.Length - 1);
                        var count = random.Next(1, Math.Min(200, text.Length - start));
                        text = text.Remove(start, count);
                        recipe.Add($"{count} chars deleted at {start}");
                    }

                    break;
            }
        }

        return (text, $"{string.Join("; ", recipe)} of {name}");
    }

    private string HugeZone()
    {
        var size = random.Next(4) == 0 ? 1_000_000 : 100_000;
        return Pick(["Europe/", string.Empty, "America/"]) + new string(Pick(['a', 'L', '/', '_']), size);
    }

    private static string ReplaceValue(string text, string key, string value)
    {
        var regex = new Regex($@"(\b{Regex.Escape(key)}:[ ]*)(\{{[^}}\n]*\}}|[^,}}\n#]+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        return regex.Replace(text, m => m.Groups[1].Value + value, 1);
    }

    private static byte[] Le32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : $"{text[..12]}…({text.Length} chars)";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"(?m)^[ \t-]*([a-z_]+):[ ]*([^\n#]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex("\"([A-Za-z-]+)\": ((?:\"[^\"\\n]*\")|[^,\\n{\\[]+)", RegexOptions.CultureInvariant)]
    private static partial Regex JsonSetting();

    [GeneratedRegex(@"(\bweight:[ ]*)([0-9.eE+-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WeightValue();
}
