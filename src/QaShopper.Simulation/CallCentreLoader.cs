using System.Globalization;
using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Simulation;

/// <summary>
/// Reads <c>call-centre.yaml</c> with YamlDotNet's representation model, which keeps every node's position, so each
/// problem is reported as <c>file:line:column: message</c>. Every problem is collected before failing.
/// </summary>
internal sealed partial class CallCentreLoader
{
    private static readonly string[] FliteVoices = ["kal", "kal16", "awb", "rms", "slt"];

    /// <summary>The espeak-ng voices the local synthesizer offers (<c>EspeakSynthesizer.Voices</c>; a test keeps the two in step).</summary>
    private static readonly string[] EspeakLanguages = ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029"];

    private static readonly string[] EspeakVariants = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5"];

    private readonly string file;
    private readonly List<string> errors = [];

    private CallCentreLoader(string file) => this.file = file;

    /// <summary>Loads and checks the file; throws <see cref="CallCentreException"/> listing every problem.</summary>
    public static CallCentre Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CallCentreException([$"{path}: cannot read the call-centre file: {ex.Message}"]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses call-centre YAML; <paramref name="fileName"/> is used in messages.</summary>
    public static CallCentre Parse(string yaml, string fileName)
    {
        var loader = new CallCentreLoader(fileName);
        var centre = loader.ParseRoot(yaml);
        if (loader.errors.Count > 0 || centre is null)
        {
            throw new CallCentreException(loader.errors);
        }

        return centre;
    }

    private CallCentre? ParseRoot(string yaml)
    {
        // The scenario files' loader, with their limits (size, line length, nesting, forbidden characters): YamlDotNet
        // alone overflows the stack on deep nesting and throws without a position on some characters.
        var context = new ParseContext(file, ScenarioParser.Normalize(yaml));
        var root = ScenarioParser.LoadSingleMapping(context, "call centre", ["sites", "profiles", "agents", "scenarios"]);
        errors.AddRange(context.Diagnostics.Select(d => d.ToString()));
        if (root is null)
        {
            return null;
        }

        CheckKeys(root, "caller_voices", "sites", "profiles", "agents", "scenarios");
        var callerVoices = Sequence(root, "caller_voices", required: false).Select(n => Voice(n)).ToList();
        if (callerVoices.Count == 0)
        {
            callerVoices = ["slt", "kal"];
        }

        var siteNodes = Sequence(root, "sites", required: true).Select(n => (Site: ParseSite(n), Node: n)).Where(s => s.Site is not null).ToList();
        var sites = siteNodes.Select(s => s.Site!).ToList();
        Require(sites.Count >= 1, root, "'sites' needs at least one site");
        var profiles = new Dictionary<string, BehaviourProfile>(StringComparer.Ordinal);
        if (Mapping(root, "profiles", required: true) is { } profileMap)
        {
            foreach (var (key, value) in profileMap.Children)
            {
                profiles[Scalar(key)] = ParseProfile(Scalar(key), value);
            }
        }

        var agentNodes = Sequence(root, "agents", required: true).Select(n => (Agent: ParseAgent(n, sites, profiles), Node: n)).Where(a => a.Agent is not null).ToList();
        var agents = agentNodes.Select(a => a.Agent!).ToList();
        foreach (var duplicate in agentNodes.GroupBy(a => a.Agent!.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            // At the second use: the first is where the id belongs.
            var second = duplicate.ElementAt(1).Node;
            Error(Child(second, "id") ?? second, $"agent id '{duplicate.Key}' is used {duplicate.Count()} times; ids must be unique");
        }

        foreach (var (site, node) in siteNodes.Where(s => !agents.Any(a => a.Site == s.Site!.Id)))
        {
            Error(node, $"site '{site!.Id}' has no agents; every site needs at least one to answer its lines");
        }

        var scenarios = new Dictionary<string, ScenarioLines>(StringComparer.Ordinal);
        if (Mapping(root, "scenarios", required: true) is { } scenarioMap)
        {
            foreach (var (key, value) in scenarioMap.Children)
            {
                if (ParseScenario(Scalar(key), value) is { } lines)
                {
                    scenarios[lines.ScenarioId] = lines;
                }
            }
        }

        return new CallCentre(callerVoices, sites, profiles, agents, scenarios, file);
    }

    private Site? ParseSite(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "a site must be a mapping with id, name, time_zone and lines");
            return null;
        }

        CheckKeys(map, "id", "name", "time_zone", "lines", "no_answer", "busy");
        var id = Text(map, "id");
        var timeZone = Text(map, "time_zone");
        if (timeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            Error(Child(map, "time_zone")!, $"'{timeZone}' is not an IANA time zone (for example Europe/London)");
        }

        var lines = new List<string>();
        foreach (var line in Sequence(map, "lines", required: true))
        {
            var number = Scalar(line);
            if (!E164().IsMatch(number))
            {
                Error(line, $"line '{number}' is not an E.164 number (+ then 8 to 15 digits, for example +441134960001)");
            }

            lines.Add(number);
        }

        Require(lines.Count > 0, map, $"site '{id}' needs at least one line");
        return new Site(id, Text(map, "name"), timeZone, lines, Probability(map, "no_answer", required: false), Probability(map, "busy", required: false));
    }

    private BehaviourProfile ParseProfile(string name, YamlNode node)
    {
        var probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Error(node, $"profile '{name}' must be a mapping of behaviour to probability");
            return new BehaviourProfile(name, probabilities);
        }

        CheckKeys(map, [.. Behaviours.ProfileKeys]);
        foreach (var key in Behaviours.ProfileKeys)
        {
            probabilities[key] = Probability(map, key, required: true) ?? 0;
        }

        return new BehaviourProfile(name, probabilities);
    }

    private Agent? ParseAgent(YamlNode node, List<Site> sites, Dictionary<string, BehaviourProfile> profiles)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "an agent must be a mapping with id, name, staff_number, site, voice and profile");
            return null;
        }

        CheckKeys(map, "id", "name", "staff_number", "site", "voice", "profile");
        var id = Text(map, "id");
        var name = Text(map, "name");
        if (id.Length > 0 && !AgentId().IsMatch(id))
        {
            Error(Child(map, "id")!, $"agent id '{id}' must be lower-case letters: the scenarios' agent regex extracts a lower-case first name");
        }
        else if (id.Length > 0 && name.Length > 0 && !name.Split(' ')[0].Equals(id, StringComparison.OrdinalIgnoreCase))
        {
            Error(Child(map, "id")!, $"agent id '{id}' must be the lower-case first name of '{name}', which is what the agent says and the scorer extracts");
        }

        var site = Text(map, "site");
        if (site.Length > 0 && !sites.Any(s => s.Id == site))
        {
            Error(Child(map, "site")!, $"unknown site '{site}'; sites are {string.Join(", ", sites.Select(s => s.Id))}");
        }

        var profile = Text(map, "profile");
        if (profile.Length > 0 && !profiles.ContainsKey(profile))
        {
            Error(Child(map, "profile")!, $"unknown profile '{profile}'; profiles are {string.Join(", ", profiles.Keys)}");
        }

        var voice = Child(map, "voice") is { } voiceNode ? Voice(voiceNode) : Missing(map, "voice");
        return new Agent(id, name, Text(map, "staff_number"), site, voice, profile);
    }

    private ScenarioLines? ParseScenario(string scenarioId, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"scenario '{scenarioId}' must be a mapping with company and turns");
            return null;
        }

        CheckKeys(map, "company", "hold", "turns");
        HoldLines? hold = null;
        if (Mapping(map, "hold", required: false) is { } holdMap)
        {
            CheckKeys(holdMap, "turn", "says", "back");
            var turn = Integer(holdMap, "turn");
            hold = new HoldLines(turn, Text(holdMap, "says"), Text(holdMap, "back"), At(holdMap));
        }

        var turns = new List<IReadOnlyList<AgentLine>>();
        foreach (var turnNode in Sequence(map, "turns", required: true))
        {
            if (turnNode is not YamlSequenceNode turn)
            {
                Error(turnNode, "a turn must be a list of lines");
                continue;
            }

            turns.Add([.. turn.Children.Select(ParseLine).OfType<AgentLine>()]);
        }

        if (hold is not null && (hold.Turn < 1 || hold.Turn > turns.Count))
        {
            Error(Child(Child(map, "hold")!, "turn") ?? map, string.Create(CultureInfo.InvariantCulture, $"hold turn {hold.Turn} is not one of the scenario's turns (1 to {turns.Count})"));
        }

        return new ScenarioLines(scenarioId, Text(map, "company"), hold, turns, At(map));
    }

    private AgentLine? ParseLine(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "a line must be a mapping: { says: TEXT } or { item: ID, behaviour: NAME, says: TEXT, otherwise: TEXT }");
            return null;
        }

        CheckKeys(map, "item", "behaviour", "says", "otherwise");
        var item = Child(map, "item") is { } itemNode ? Scalar(itemNode) : null;
        var behaviour = Child(map, "behaviour") is { } behaviourNode ? Scalar(behaviourNode) : null;
        if (item is not null && behaviour is null)
        {
            Error(map, $"the line for item '{item}' needs a behaviour ({string.Join(", ", Behaviours.LineBehaviours)})");
        }
        else if (behaviour is not null && !Behaviours.LineBehaviours.Contains(behaviour))
        {
            Error(Child(map, "behaviour")!, $"unknown behaviour '{behaviour}'; use one of {string.Join(", ", Behaviours.LineBehaviours)}");
        }

        if (item is not null && Child(map, "otherwise") is null)
        {
            Error(map, $"the line for item '{item}' needs 'otherwise': what the agent says when it misses the item (\"\" for nothing)");
        }

        var says = Child(map, "says") is { } saysNode ? Scalar(saysNode) : Missing(map, "says");
        var otherwise = Child(map, "otherwise") is { } otherwiseNode ? Scalar(otherwiseNode) : string.Empty;
        return new AgentLine(item, behaviour, says, otherwise, At(map));
    }

    private string Voice(YamlNode node)
    {
        var voice = Scalar(node);
        if (!IsLocalVoice(voice))
        {
            Error(node, $"'{voice}' is not a local voice; use a flite voice ({string.Join(", ", FliteVoices)}) or an espeak-ng one " +
                $"(espeak:LANGUAGE or espeak:LANGUAGE+VARIANT, LANGUAGE one of {string.Join(", ", EspeakLanguages)}, VARIANT one of {string.Join(", ", EspeakVariants)})");
        }

        return voice;
    }

    /// <summary>A flite voice, or <c>espeak:LANGUAGE[+VARIANT]</c> with a language and variant espeak-ng 1.51 has.</summary>
    internal static bool IsLocalVoice(string voice)
    {
        if (FliteVoices.Contains(voice, StringComparer.Ordinal))
        {
            return true;
        }

        const string prefix = "espeak:";
        if (!voice.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = voice[prefix.Length..].Split('+');
        return EspeakLanguages.Contains(parts[0], StringComparer.Ordinal)
            && (parts.Length == 1 || (parts.Length == 2 && EspeakVariants.Contains(parts[1], StringComparer.Ordinal)));
    }

    private double? Probability(YamlMappingNode map, string key, bool required)
    {
        if (Child(map, key) is not { } node)
        {
            if (required)
            {
                Missing(map, key);
            }

            return null;
        }

        if (!double.TryParse(Scalar(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
        {
            Error(node, $"'{key}' must be a probability from 0 to 1, not '{Scalar(node)}'");
            return null;
        }

        return value;
    }

    private int Integer(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node)
        {
            Missing(map, key);
            return 0;
        }

        if (!int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"'{key}' must be a whole number, not '{Scalar(node)}'");
        }

        return value;
    }

    private string Text(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node)
        {
            return Missing(map, key);
        }

        var text = Scalar(node);
        if (text.Length == 0)
        {
            Error(node, $"'{key}' is empty");
        }

        return text;
    }

    private string Missing(YamlMappingNode map, string key)
    {
        Error(map, $"missing '{key}'");
        return string.Empty;
    }

    private IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key, bool required)
    {
        switch (Child(map, key))
        {
            case YamlSequenceNode sequence:
                return sequence.Children;
            case null:
                if (required)
                {
                    Missing(map, key);
                }

                return [];
            case var other:
                Error(other, $"'{key}' must be a list");
                return [];
        }
    }

    private YamlMappingNode? Mapping(YamlMappingNode map, string key, bool required)
    {
        switch (Child(map, key))
        {
            case YamlMappingNode mapping:
                return mapping;
            case null:
                if (required)
                {
                    Missing(map, key);
                }

                return null;
            case var other:
                Error(other, $"'{key}' must be a mapping");
                return null;
        }
    }

    private void CheckKeys(YamlMappingNode map, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown field '{name}'; expected one of {string.Join(", ", known)}");
            }
        }
    }

    private void Require(bool condition, YamlNode node, string message)
    {
        if (!condition)
        {
            Error(node, message);
        }
    }

    private void Error(YamlNode node, string message)
    {
        var at = At(node);
        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{file}:{at.Line}:{at.Column}: {message}"));
    }

    private static Position At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private static YamlNode? Child(YamlNode map, string key) =>
        map is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex AgentId();
}
