using System.CommandLine;
using System.Text.RegularExpressions;
using QaShopper.Audio;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;
using QaShopper.Core.Transcripts;
using QaShopper.Hosting;
using QaShopper.Simulation;

namespace QaShopper.Tests.Fuzzing;

/// <summary>
/// The entry points the commands use, called in-process the way the commands call them. Each returns the verdict
/// for inputs the project refuses in its own words; any other exception escapes and the runner calls it a crash.
/// </summary>
internal sealed partial class FuzzTargets(FuzzCorpus corpus) : IDisposable
{
    /// <summary>The file name every input is parsed under, so diagnostics can be checked to name it.</summary>
    public const string FileName = "fuzz.input";

    private readonly ChecklistScorer scorer = new(new ScoringOptions(), new TemplatePhraseResolver());

    // Settings are read from a file, as --config reads them; one file, rewritten for each input.
    private readonly string settingsFile = Path.Combine(Path.GetTempPath(), $"qashopper-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}.json");

    private ParseResult? settingsParse;

    public void Dispose() => File.Delete(settingsFile);

    public (FuzzVerdict Verdict, string Detail) Run(FuzzInput input) => input.Kind switch
    {
        FuzzKinds.Scenario or FuzzKinds.Weights => Scenario(input.Text!),
        FuzzKinds.Campaign => Campaign(input.Text!),
        FuzzKinds.Transcript => Transcript(input.Text!),
        FuzzKinds.Wav => Wav(input.Bytes!),
        FuzzKinds.CallCentre => CallCentre(input.Text!),
        FuzzKinds.Settings => Settings(input.Text!),
        _ => throw new ArgumentException($"unknown fuzz kind '{input.Kind}'", nameof(input)),
    };

    /// <summary><c>validate</c> (parser and set validator), then <c>score</c> of a shipped transcript when the scenario is valid.</summary>
    private (FuzzVerdict, string) Scenario(string text)
    {
        var result = ScenarioParser.Parse(text, FileName);
        var set = ScenarioSetValidator.Validate([result, result]);
        if (!result.IsValid)
        {
            return Diagnosed(result.Diagnostics);
        }

        if (set.Count != 1)
        {
            return (FuzzVerdict.Crash, $"the same scenario twice gave {set.Count} duplicate-id diagnostics, not 1");
        }

        foreach (var transcript in corpus.Transcripts.Values)
        {
            var score = scorer.Score(result.Scenario!, transcript);
            if (Unfinite(score) is { } problem)
            {
                return (FuzzVerdict.Crash, problem);
            }
        }

        return (FuzzVerdict.Ok, "valid");
    }

    /// <summary><c>campaign validate</c>: the parser with the shipped scenario ids, then a plan of every date.</summary>
    private (FuzzVerdict, string) Campaign(string text)
    {
        var result = CampaignParser.Parse(text, FileName, corpus.ScenarioIds);
        if (!result.IsValid)
        {
            return Diagnosed(result.Diagnostics);
        }

        var campaign = result.Campaign!;
        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 1));
        return plan.IsFeasible
            ? plan.Calls.Count == 0 ? (FuzzVerdict.Crash, "a valid campaign plans no calls") : (FuzzVerdict.Ok, $"{plan.Calls.Count} calls")
            : (FuzzVerdict.Problem, plan.Problems[0].ToString());
    }

    /// <summary><c>score --transcript</c>: the reader, then the score against a shipped scenario.</summary>
    private (FuzzVerdict, string) Transcript(string json)
    {
        Transcript transcript;
        try
        {
            transcript = TranscriptJson.Parse(json, FileName);
        }
        catch (TranscriptFormatException ex)
        {
            // Malformed JSON is positioned by line and column, a bad field by its path: both start with the file.
            return ex.Message.StartsWith(FileName + ":", StringComparison.Ordinal)
                ? (FuzzVerdict.Problem, ex.Message)
                : (FuzzVerdict.Unpositioned, ex.Message);
        }

        foreach (var scenario in corpus.Scenarios.Values)
        {
            if (Unfinite(scorer.Score(scenario, transcript)) is { } problem)
            {
                return (FuzzVerdict.Crash, problem);
            }
        }

        return (FuzzVerdict.Ok, "scored");
    }

    /// <summary><c>score --recording</c> up to the recogniser: the reader, two channels, voice activity and the model's rate.</summary>
    private static (FuzzVerdict, string) Wav(byte[] bytes)
    {
        TwoChannelAudio audio;
        try
        {
            audio = WavFile.Parse(bytes, FileName).ToTwoChannel(FileName);
        }
        catch (WavFormatException ex)
        {
            return ex.Message.StartsWith(FileName + ":", StringComparison.Ordinal)
                ? (FuzzVerdict.Problem, ex.Message)
                : (FuzzVerdict.Unpositioned, ex.Message);
        }

        foreach (var channel in new[] { 1, 2 })
        {
            var clip = audio.Channel(channel);
            _ = VoiceActivityDetector.Detect(clip);
            _ = clip.ResampleTo(16000);
        }

        return (FuzzVerdict.Ok, $"{audio.Duration.TotalSeconds:0.###} s");
    }

    /// <summary>The simulated call centre's loader, as <c>Simulation:CallCentreFile</c> is checked when a host starts.</summary>
    private static (FuzzVerdict, string) CallCentre(string text)
    {
        try
        {
            var centre = CallCentreLoader.Parse(text, FileName);
            return (FuzzVerdict.Ok, $"{centre.Agents.Count} agents");
        }
        catch (CallCentreException ex)
        {
            if (ex.Errors.Count == 0)
            {
                return (FuzzVerdict.Crash, "refused without a problem");
            }

            var unpositioned = ex.Errors.FirstOrDefault(e => !Positioned().IsMatch(e));
            return unpositioned is null ? (FuzzVerdict.Problem, ex.Errors[0]) : (FuzzVerdict.Unpositioned, unpositioned);
        }
    }

    /// <summary>
    /// A settings file given with <c>--config</c>: the host every command that places calls builds (all features), and
    /// the validation it runs before any work. A problem must be one line naming the setting, or the file and the line
    /// of malformed JSON.
    /// </summary>
    private (FuzzVerdict, string) Settings(string json)
    {
        // As a file holds text: an unpaired surrogate becomes U+FFFD, as any editor would save it.
        File.WriteAllBytes(settingsFile, System.Text.Encoding.UTF8.GetBytes(json));
        settingsParse ??= QaShopperCli.BuildRoot(CliConsole.System).Parse(["report", "--config", settingsFile]);
        try
        {
            using var host = AppHost.Build(settingsParse, HostFeatures.Campaigns);
            AppHost.ValidateSettings(host);
            return (FuzzVerdict.Ok, "valid");
        }
        catch (CliException ex)
        {
            var message = ex.Message;
            var positioned = !message.Contains('\n', StringComparison.Ordinal) && !message.Contains('\r', StringComparison.Ordinal)
                && (NamesASetting().IsMatch(message) || (message.StartsWith("--config: ", StringComparison.Ordinal) && JsonPositioned().IsMatch(message)));
            return positioned ? (FuzzVerdict.Problem, message) : (FuzzVerdict.Unpositioned, message);
        }
    }

    private static (FuzzVerdict, string) Diagnosed(IReadOnlyList<ScenarioDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return (FuzzVerdict.Crash, "refused without a diagnostic");
        }

        var bad = diagnostics.FirstOrDefault(d =>
            d.File != FileName || d.Position.Line < 1 || d.Position.Column < 1 || string.IsNullOrWhiteSpace(d.Message));
        return bad is null ? (FuzzVerdict.Problem, diagnostics[0].ToString()) : (FuzzVerdict.Unpositioned, bad.ToString());
    }

    [GeneratedRegex(@"^fuzz\.input:\d+:\d+: \S", RegexOptions.CultureInvariant)]
    private static partial Regex Positioned();

    [GeneratedRegex(@"^configuration: [A-Za-z]+(:[A-Za-z0-9_-]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamesASetting();

    [GeneratedRegex(@"not valid JSON( at line \d+, column \d+: |: A duplicate key '[^']+')", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPositioned();

    private static string? Unfinite(CallScore score) =>
        double.IsFinite(score.Score) && score.Score is >= 0 and <= 100
            ? null
            : $"score {score.Score} is not a number from 0 to 100";
}
